import { SupplyChainView } from "@/features/supply-chain/SupplyChainView";

export default function Page() {
  return <SupplyChainView />;
}
