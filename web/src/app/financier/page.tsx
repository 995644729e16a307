import { FinancierView } from "@/features/financier/FinancierView";

export default function Page() {
  return <FinancierView />;
}
