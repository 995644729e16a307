"use client";
import { Notice } from "@/components/ui";
import type { IndexedRead } from "@/hooks/useIndexer";
import { useT } from "@/i18n";
import { reasonOf } from "@/features/overview/readState";

/**
 * An indexer read's state while a view cannot show it: loading, or why it cannot be read (it is read again when
 * the indexer answers; see useIndexerSync). What depends on it shows "unknown", never zeros.
 */
export function HistoryStatus({
  reads,
}: {
  reads: readonly Pick<IndexedRead<unknown>, "error" | "isLoading" | "isReady">[];
}) {
  const t = useT();
  const failed = reads.find((r) => r.error && !r.isReady);
  if (failed?.error) {
    return (
      <Notice tone="error" testId="history-error">
        {t("status.historyError", { reason: reasonOf(failed.error) })}
      </Notice>
    );
  }
  if (!reads.some((r) => r.isLoading)) return null;
  return (
    <Notice tone="info" testId="history-loading">
      {t("status.loading")}
    </Notice>
  );
}
