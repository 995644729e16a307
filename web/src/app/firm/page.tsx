import { FirmView } from "@/features/firm/FirmView";

export default function Page() {
  return <FirmView />;
}
