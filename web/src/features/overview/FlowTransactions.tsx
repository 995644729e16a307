"use client";
/**
 * The transactions of the flow selected in the Overview's diagram: a page of the indexer's flow rows (newest
 * first) and their events. Loaded only once a flow is selected (OverviewView imports it with next/dynamic): the
 * events are decoded against the generated ABIs, which the main route does not otherwise need.
 */
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { EventTable } from "@/features/events/EventTable";
import { eventsOf } from "@/hooks/useIndexedEvents";
import { useIndexed } from "@/hooks/useIndexer";
import type { FlowLink } from "@/lib/ledger";

/** Transactions listed for a selected flow (newest first). */
const FLOW_PAGE = 50;

export function FlowTransactions({ flow }: { flow: FlowLink }) {
  const events = useIndexed(["flowEvents", flow.source, flow.target, flow.kind, flow.amount.toString()], async (c) => {
    const flows = await c.page("flow", {
      where: { OR: flow.edges.map(({ from, to, kind, projectId }) => ({ from, to, kind, projectId })) },
      orderBy: "id",
      orderDirection: "desc",
      limit: FLOW_PAGE,
    });
    if (flows.items.length === 0) return [];
    const page = await c.page("event", {
      where: { id_in: flows.items.map((f) => f.id) },
      orderBy: "id",
      orderDirection: "desc",
      limit: FLOW_PAGE,
    });
    return eventsOf(page.items);
  });
  return (
    <>
      <HistoryStatus reads={[events]} />
      <EventTable events={events.data ?? []} pageSize={20} />
    </>
  );
}
