import { RdLedgerView } from "@/features/rdLedger/RdLedgerView";

export default function Page() {
  return <RdLedgerView />;
}
