import { VerifierView } from "@/features/verifier/VerifierView";

export default function Page() {
  return <VerifierView />;
}
