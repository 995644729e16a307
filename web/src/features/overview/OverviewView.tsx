"use client";
/** Overview: global totals rebuilt from events, and the fund-flow Sankey with drill-down to transactions. */
import { useMemo, useState } from "react";
import { PageHeader, Section, Empty, Notice } from "@/components/ui";
import { usePublishedDocuments } from "@/hooks/usePublishedDocuments";
import { useDeployment } from "@/hooks/useDeployment";
import { useLedger } from "@/hooks/useEventLog";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useI18n } from "@/i18n";
import { formatAmount } from "@/lib/format";
import type { FlowLink } from "@/lib/ledger";
import { EventTable } from "@/features/events/EventTable";
import { flowLinkLabel, flowNodeLabel } from "@/features/events/labels";
import { Sankey } from "@/features/flow/Sankey";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { TotalsGrid } from "./TotalsGrid";

export function OverviewView() {
  const { t, locale } = useI18n();
  const { names } = useDeployment();
  const log = useLedger();
  const token = useTokenInfo();
  const [selected, setSelected] = useState<FlowLink>();
  const nodes = useMemo(() => new Map(log.graph.nodes.map((n) => [n.id, n])), [log.graph]);
  const selectedEvents = useMemo(() => {
    if (!selected) return [];
    const ids = new Set(selected.eventIds);
    return log.events.filter((e) => ids.has(e.id)).reverse();
  }, [selected, log.events]);
  // Hover titles and the selected flow name escrows and pools by their project's published title; the labels
  // beside the nodes stay short so they do not run into the next column's.
  const titles = usePublishedDocuments(
    useMemo(() => [...log.projects.values()].map((p) => p.metadataHash), [log.projects]),
  );
  const projectName = (id: string) => titles.labelOf(log.projects.get(id)?.metadataHash);
  const fmt = (v: bigint) => formatAmount(v, token.decimals, { locale, symbol: token.symbol });
  return (
    <>
      <PageHeader title={t("overview.title")} testId="overview-header" ready={log.isReady} />
      <HistoryStatus log={log} />
      <TotalsGrid totals={log.ledger.global} />
      <Section title={t("overview.flows")} testId="flows">
        <p className="muted">{t("overview.flowsHint")}</p>
        {log.graph.links.length === 0 ? (
          <Empty>{t("overview.noFlows")}</Empty>
        ) : (
          <Sankey
            graph={log.graph}
            decimals={token.decimals}
            label={(n) => flowNodeLabel(n, t, names)}
            nodeTitle={(n) => flowNodeLabel(n, t, names, projectName)}
            formatValue={fmt}
            linkTitle={(l) => flowLinkLabel(l, nodes, t, names, projectName)}
            selected={selected}
            onSelect={setSelected}
          />
        )}
        {log.graph.cycleLinks.length > 0 && (
          <Notice tone="warn">
            {t("overview.cycles")}:{" "}
            {log.graph.cycleLinks
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
          <EventTable events={selectedEvents} pageSize={20} />
        </Section>
      )}
    </>
  );
}
