"use client";
/**
 * Reads of indexed events (the `event` table decoded into typed ChainEvents against the generated ABIs): bounded
 * sets and pages. Apart from useIndexer so that a route that shows no events does not load the ABIs' events.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { scopeOfFilter } from "@/lib/indexer/eventCount";
import { eventFromRow, type ChainEvent, type IndexerClient, type Row, type Where } from "@/lib/indexer";
import { pageCount, pageSizeFrom, pageWithin, type Paging } from "@/lib/paging";
import { newestFirstPage, useIndexed, type IndexedRead } from "./useIndexer";

/** Events matching `where`, oldest first (a bounded set: one project's, one party's, one kind's). */
export function useIndexedEvents(key: readonly unknown[], where: Where, enabled = true): IndexedRead<ChainEvent[]> {
  return useIndexed(
    ["events", ...key],
    async (c) => eventsOf(await c.all("event", { where, orderBy: "id", orderDirection: "asc" })),
    enabled,
  );
}

export const eventsOf = (rows: readonly Row<"event">[]): ChainEvent[] =>
  rows.flatMap((r) => {
    const e = eventFromRow(r);
    return e ? [e] : [];
  });

/**
 * How many events a list holds, read from aggregate rows beside its page (a counter, a per-project or per-party
 * sum) so that its cost does not follow the history.
 */
export type EventCount = (c: IndexerClient) => Promise<number>;

/**
 * One page of events matching `where`, newest first, with the number of all that match: `count` when given (the
 * list's aggregate), else countEvents.
 */
export function useEventPage(where: Where, page: number, pageSize: number, enabled = true, count?: EventCount) {
  return useIndexed(
    ["eventPage", where, page, pageSize],
    async (c) => {
      const [p, totalCount] = await Promise.all([
        c.page("event", { ...newestFirstPage(where, page, pageSize), count: false }),
        count ? count(c) : countEvents(c, where),
      ]);
      return { events: eventsOf(p.items), totalCount };
    },
    enabled,
  );
}

/** The length of the payments list of `projectIds`: Σ of their milestones' payment counters. */
export function paymentCount(projectIds: readonly (bigint | string)[]): EventCount {
  return async (c) => {
    const milestones = await c.all("milestone", { where: { projectId_in: projectIds.map(String) } });
    return milestones.reduce((n, m) => n + m.payments, 0);
  };
}

/** The length of a project's substitute-financings list: its pool's counter. */
export function financingCount(projectId: bigint | string): EventCount {
  return async (c) => {
    const pools = await c.page("pool", { where: { projectId: String(projectId) }, limit: 1, count: false });
    return pools.items[0]?.financings ?? 0;
  };
}

/** The length of a financier's movements list: Σ of its positions' movement counters. */
export function movementCount(financier: string): EventCount {
  return async (c) => {
    const positions = await c.all("position", { where: { financier: financier.toLowerCase() } });
    return positions.reduce((n, p) => n + p.movements, 0);
  };
}

/** A list of events read one page at a time, and the pager that moves through it. */
export interface PagedEvents<E extends ChainEvent> extends IndexedRead<{ events: E[]; totalCount: number }> {
  /** Unknown (undefined) until the first page is read: the pager then counts what the indexer counted. */
  paging: Paging | undefined;
}

const noSubscription = () => () => {};

/**
 * The events of a view's long list (a party's movements, a project's payments): the indexer reads one page of
 * those matching `where`, newest first, and the number of all of them (`count`: the list's aggregate rows; else
 * countEvents) — the view never holds the whole history. `is` narrows each row to the kind of event the list shows
 * (`where` selects only that kind). `pageSize` rows a page, unless the URL asks for another (`?pageSize=N`,
 * lib/paging). Back to the newest page when `where` changes; to the last page when the list shrank under the one
 * shown.
 */
export function usePagedEvents<E extends ChainEvent>(
  where: Where,
  pageSize: number,
  is: (e: ChainEvent) => e is E,
  { enabled = true, count }: { enabled?: boolean; count?: EventCount } = {},
): PagedEvents<E> {
  const size = useSyncExternalStore(
    noSubscription,
    () => pageSizeFrom(window.location.search, pageSize),
    () => pageSize,
  );
  const whereKey = JSON.stringify(where, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  const [{ page, of }, setPage] = useState({ page: 0, of: whereKey });
  const current = of === whereKey ? page : 0;
  const read = useEventPage(where, current, size, enabled, count);
  const totalCount = read.data?.totalCount;
  const pages = totalCount === undefined ? undefined : pageCount(totalCount, size);
  useEffect(() => {
    if (pages !== undefined && current !== pageWithin(current, pages))
      setPage({ page: pageWithin(current, pages), of: whereKey });
  }, [current, pages, whereKey]);
  return {
    ...read,
    data: read.data && { events: read.data.events.filter(is), totalCount: read.data.totalCount },
    paging:
      pages === undefined || totalCount === undefined
        ? undefined
        : { page: current, pages, rows: totalCount, onPage: (p) => setPage({ page: p, of: whereKey }) },
  };
}

/**
 * How many events match `where`: the indexer's counter of that scope when it keeps one (every event, a project's,
 * an event name's: lib/indexer/eventCount.ts), so the cost does not grow with the history; otherwise the filtered
 * query counts them.
 */
export async function countEvents(c: IndexerClient, where: Where): Promise<number> {
  const scope = scopeOfFilter(where);
  if (scope === undefined) return (await c.page("event", { where, limit: 1 })).totalCount;
  const [counter] = (await c.page("eventCount", { where: { scope }, limit: 1, count: false })).items;
  return counter?.count ?? 0;
}
