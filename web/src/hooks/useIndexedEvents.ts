"use client";
/**
 * Reads of indexed events (the `event` table decoded into typed ChainEvents against the generated ABIs): bounded
 * sets and pages. Apart from useIndexer so that a route that shows no events does not load the ABIs' events.
 */
import { scopeOfFilter } from "@/lib/indexer/eventCount";
import { eventFromRow, type ChainEvent, type IndexerClient, type Row, type Where } from "@/lib/indexer";
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

/** One page of events matching `where`, newest first, with the number of all that match. */
export function useEventPage(where: Where, page: number, pageSize: number) {
  return useIndexed(["eventPage", where, page, pageSize], async (c) => {
    const [p, totalCount] = await Promise.all([
      c.page("event", { ...newestFirstPage(where, page, pageSize), count: false }),
      countEvents(c, where),
    ]);
    return { events: eventsOf(p.items), totalCount };
  });
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
