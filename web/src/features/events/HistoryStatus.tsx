"use client";
import { Notice } from "@/components/ui";
import type { EventLogResult } from "@/hooks/useEventLog";
import { useT } from "@/i18n";

/** Loading progress of the event history (shown while the first pages load). */
export function HistoryStatus({ log }: { log: EventLogResult }) {
  const t = useT();
  if (!log.isLoading) return null;
  return (
    <Notice tone="info" testId="history-loading">
      {log.progress
        ? t("status.loadingEvents", { done: log.progress.done.toString(), total: log.progress.total.toString() })
        : t("status.loading")}
    </Notice>
  );
}
