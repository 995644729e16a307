"use client";
import { Notice } from "@/components/ui";
import type { EventLogResult } from "@/hooks/useEventLog";
import { useT } from "@/i18n";

/**
 * The event history's state while a view cannot show it yet: loading progress of the first read, or why the
 * read failed (it is read again when the node answers; see useEventLog).
 */
export function HistoryStatus({ log }: { log: EventLogResult }) {
  const t = useT();
  if (log.error && !log.isReady) {
    const reason = (log.error as Error & { shortMessage?: string }).shortMessage ?? log.error.message;
    return (
      <Notice tone="error" testId="history-error">
        {t("status.historyError", { reason })}
      </Notice>
    );
  }
  if (!log.isLoading) return null;
  return (
    <Notice tone="info" testId="history-loading">
      {log.progress
        ? t("status.loadingEvents", { done: log.progress.done.toString(), total: log.progress.total.toString() })
        : t("status.loading")}
    </Notice>
  );
}
