"use client";
/**
 * What a section shows of an indexer read: its content once read, "unknown" while it cannot be read (the page's
 * HistoryStatus says why), nothing while it loads. A failed read never renders as an empty table.
 */
import type { ReactNode } from "react";
import type { IndexedRead } from "@/hooks/useIndexer";
import { useT } from "@/i18n";

export function Known<T>({ read, children }: { read: IndexedRead<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (read.data !== undefined) return <>{children(read.data)}</>;
  if (read.error)
    return (
      <p className="muted" data-testid="section-unknown">
        {t("status.unknown")}
      </p>
    );
  return null;
}
