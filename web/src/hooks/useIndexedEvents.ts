"use client";
/**
 * Reads of indexed events (the `event` table decoded into typed ChainEvents against the generated ABIs): bounded
 * sets and pages. Apart from useIndexer so that a route that shows no events does not load the ABIs' events.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { eventFromRow, type ChainEvent, type Row, type Where } from "@/lib/indexer";
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

/** One page of events matching `where`, newest first, with the number of all that match. */
export function useEventPage(where: Where, page: number, pageSize: number, enabled = true) {
  return useIndexed(
    ["eventPage", where, page, pageSize],
    async (c) => {
      const p = await c.page("event", newestFirstPage(where, page, pageSize));
      return { events: eventsOf(p.items), totalCount: p.totalCount };
    },
    enabled,
  );
}

/** A list of events read one page at a time, and the pager that moves through it. */
export interface PagedEvents<E extends ChainEvent> extends IndexedRead<{ events: E[]; totalCount: number }> {
  /** Unknown (undefined) until the first page is read: the pager then counts what the indexer counted. */
  paging: Paging | undefined;
}

const noSubscription = () => () => {};

/**
 * The events of a view's long list (a party's movements, a project's payments): the indexer reads one page of
 * those matching `where`, newest first, with the number of all that match — the view never holds the whole
 * history. `is` narrows each row to the kind of event the list shows (`where` should select only that kind).
 * `pageSize` rows a page, unless the URL asks for another (`?pageSize=N`, lib/paging). Back to the newest page
 * when `where` changes; to the last page when the list shrank under the one shown.
 */
export function usePagedEvents<E extends ChainEvent>(
  where: Where,
  pageSize: number,
  is: (e: ChainEvent) => e is E,
  enabled = true,
): PagedEvents<E> {
  const size = useSyncExternalStore(
    noSubscription,
    () => pageSizeFrom(window.location.search, pageSize),
    () => pageSize,
  );
  const whereKey = JSON.stringify(where, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  const [{ page, of }, setPage] = useState({ page: 0, of: whereKey });
  const current = of === whereKey ? page : 0;
  const read = useEventPage(where, current, size, enabled);
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
 * The supply chain's state events (registry: suppliers, payees, components, listings, switches; oracle: reports,
 * confirmations, notifications) — what lib/components and lib/suppliers build from. Their number follows the
 * supply chain's size, not the token movements.
 */
export function useSupplyChainEvents(): IndexedRead<ChainEvent[]> {
  return useIndexedEvents(["supplyChain"], { contract_in: ["SupplyChainRegistry", "DisruptionOracle"] });
}
