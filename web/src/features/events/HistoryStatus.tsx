"use client";
import type { ReactNode } from "react";
import { Empty, Notice } from "@/components/ui";
import type { IndexedRead } from "@/hooks/useIndexer";
import type { PagedEvents } from "@/hooks/useIndexedEvents";
import type { ChainEvent } from "@/lib/events";
import type { Paging } from "@/lib/paging";
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

/**
 * What a list read from the indexer shows until it is read: "loading", or "unknown" once the read failed (why is
 * in the HistoryStatus banner above) — never "none", which would be a failed read shown as data.
 */
export function UnreadRows({ read, testId }: { read: Pick<IndexedRead<unknown>, "error">; testId?: string }) {
  const t = useT();
  const failed = read.error !== null;
  return (
    <Empty>
      <span className="muted" data-testid={testId} data-unknown={failed ? "true" : "false"}>
        {failed ? t("status.unknown") : t("status.loading")}
      </span>
    </Empty>
  );
}

/** A paged list (usePagedEvents) once its page is read — the table with its pager — else UnreadRows. */
export function PagedRows<E extends ChainEvent>({
  list,
  testId,
  children,
}: {
  list: PagedEvents<E>;
  /** Of the "loading" / "unknown" placeholder. */
  testId?: string;
  children: (events: readonly E[], paging: Paging) => ReactNode;
}) {
  if (!list.data || !list.paging) return <UnreadRows read={list} testId={testId} />;
  return <>{children(list.data.events, list.paging)}</>;
}
