import { Suspense } from "react";
import { AuditView } from "@/features/audit/AuditView";

export default function Page() {
  // useSearchParams (filters from the URL) needs a Suspense boundary for static prerendering.
  return (
    <Suspense>
      <AuditView />
    </Suspense>
  );
}
