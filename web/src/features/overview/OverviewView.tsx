"use client";
/**
 * Overview: global totals and the fund-flow Sankey, both from the indexer's aggregates (project and pool rows,
 * flow_edge), with drill-down to a flow's transactions (a page of the indexer's flow rows). While the aggregates
 * cannot be read, totals and diagram say they are unknown and why.
 */
import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { PageHeader, Section, Empty, Notice } from "@/components/ui";
import { usePublishedDocuments } from "@/hooks/usePublishedDocuments";
import { useDeployment } from "@/hooks/useDeployment";
import { eventsOf, useAggregates, useIndexed } from "@/hooks/useIndexer";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useI18n } from "@/i18n";
import { formatAmount } from "@/lib/format";
import type { FlowLink } from "@/lib/ledger";
import { flowLinkLabel, flowNodeLabel } from "@/features/events/labels";
import { Sankey } from "@/features/flow/Sankey";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { TotalsGrid } from "./TotalsGrid";
import { shown } from "./readState";

/** Shown only once a flow is selected: loaded then, not with the main route (it carries every event's ABI). */
const EventTable = dynamic(() => import("@/features/events/EventTable").then((m) => m.EventTable), {
  loading: LoadingTable,
});

function LoadingTable() {
  return <Empty>{useI18n().t("status.loading")}</Empty>;
}

/** Transactions listed for a selected flow (newest first). */
const FLOW_PAGE = 50;

export function OverviewView() {
  const { t, locale } = useI18n();
  const { names } = useDeployment();
  const aggregates = useAggregates();
  const token = useTokenInfo();
  const [selected, setSelected] = useState<FlowLink>();
  const state = shown(aggregates);
  const graph = aggregates.data?.graph;
  const nodes = useMemo(() => new Map((graph?.nodes ?? []).map((n) => [n.id, n])), [graph]);
  const selectedEvents = useIndexed(
    ["flowEvents", selected?.source, selected?.target, selected?.kind, selected?.amount.toString()],
    async (c) => {
      const flows = await c.page("flow", {
        where: { OR: selected!.edges.map(({ from, to, kind, projectId }) => ({ from, to, kind, projectId })) },
        orderBy: "id",
        orderDirection: "desc",
        limit: FLOW_PAGE,
      });
      if (flows.items.length === 0) return [];
      const events = await c.page("event", {
        where: { id_in: flows.items.map((f) => f.id) },
        orderBy: "id",
        orderDirection: "desc",
        limit: FLOW_PAGE,
      });
      return eventsOf(events.items);
    },
    !!selected,
  );
  // Hover titles and the selected flow name escrows and pools by their project's published title; the labels
  // beside the nodes stay short so they do not run into the next column's.
  const titles = usePublishedDocuments(
    useMemo(() => [...(aggregates.data?.projects.values() ?? [])].map((p) => p.metadataHash), [aggregates.data]),
  );
  const projectName = (id: string) => titles.labelOf(aggregates.data?.projects.get(id)?.metadataHash);
  const fmt = (v: bigint) => formatAmount(v, token.decimals, { locale, symbol: token.symbol });
  return (
    <>
      <PageHeader title={t("overview.title")} testId="overview-header" ready={aggregates.isReady} />
      <HistoryStatus reads={[aggregates]} />
      <TotalsGrid totals={state.kind === "value" ? { kind: "value", value: state.value.totals } : state} />
      <Section title={t("overview.flows")} testId="flows">
        <p className="muted">{t("overview.flowsHint")}</p>
        {state.kind === "unknown" ? (
          <Empty>
            <span data-testid="flows-unknown">{t("status.unknownBecause", { reason: state.reason })}</span>
          </Empty>
        ) : !graph ? (
          <Empty>{t("status.loading")}</Empty>
        ) : graph.links.length === 0 ? (
          <Empty>{t("overview.noFlows")}</Empty>
        ) : (
          <Sankey
            graph={graph}
            decimals={token.decimals}
            label={(n) => flowNodeLabel(n, t, names)}
            nodeTitle={(n) => flowNodeLabel(n, t, names, projectName)}
            formatValue={fmt}
            linkTitle={(l) => flowLinkLabel(l, nodes, t, names, projectName)}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {graph && graph.cycleLinks.length > 0 && (
          <Notice tone="warn">
            {t("overview.cycles")}:{" "}
            {graph.cycleLinks
              .map((l) => `${flowLinkLabel(l, nodes, t, names, projectName)} ${fmt(l.amount)}`)
              .join("; ")}
          </Notice>
        )}
      </Section>
      {selected && (
        <Section
          title={`${t("overview.flowTxs")}: ${flowLinkLabel(selected, nodes, t, names, projectName)} · ${fmt(selected.amount)}`}
          testId="flow-transactions"
          aside={
            <button type="button" onClick={() => setSelected(undefined)}>
              {t("overview.clearSelection")}
            </button>
          }
        >
          <HistoryStatus reads={[selectedEvents]} />
          <EventTable events={selectedEvents.data ?? []} pageSize={20} />
        </Section>
      )}
    </>
  );
}
