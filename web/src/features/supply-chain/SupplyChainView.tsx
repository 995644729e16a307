"use client";
/** Supply chain: the connected supplier's listings to accept or decline, supplier states (healthy/disrupted,
 * since when, evidence), reports, substitute financings, advances owed to substitutes (Claim), the tokens pools may
 * hold, and on local chains a reporter console. */
import { DocumentText } from "@/components/DocumentText";
import { useCallback, useMemo } from "react";
import { Address } from "@/components/Address";
import { Badge, Empty, PageHeader, Section } from "@/components/ui";
import { isLocalChain } from "@/config";
import { useDeployment } from "@/hooks/useDeployment";
import { useAggregates } from "@/hooks/useIndexer";
import { useIndexedEvents, useSupplyChainEvents } from "@/hooks/useIndexedEvents";
import { useI18n, useT } from "@/i18n";
import { compareEvents, isEvent, projectIdOf, type ChainEvent, type EventOf } from "@/lib/events";
import { formatTimestamp } from "@/lib/format";
import { buildSupplierStates } from "@/lib/suppliers";
import { buildComponents } from "@/lib/components";
import { ComponentsTable } from "./ComponentsTable";
import { EventTable } from "@/features/events/EventTable";
import { FinancingsTable } from "@/features/events/FinancingsTable";
import { Region } from "@/components/Region";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { ReporterConsole } from "./ReporterConsole";
import { FailoverFollowUp } from "./FailoverFollowUp";
import { SupplierInbox } from "./SupplierInbox";
import { OwedAdvances } from "./OwedAdvances";
import { ProjectTokenList } from "./ProjectTokenList";

export function SupplyChainView() {
  const t = useT();
  const { locale } = useI18n();
  const chain = useSupplyChainEvents();
  const pool = useIndexedEvents(["poolFailover"], {
    contract: "ContingencyPool",
    name_in: ["SubstituteFinanced", "FinancingSkipped"],
  });
  const aggregates = useAggregates();
  const projects = aggregates.data?.projects;
  const tokenOf = useCallback(
    (e: ChainEvent) => {
      const pid = projectIdOf(e);
      return pid === undefined ? undefined : projects?.get(pid.toString())?.token;
    },
    [projects],
  );
  const events = useMemo(
    () => [...(chain.data ?? []), ...(pool.data ?? [])].sort(compareEvents),
    [chain.data, pool.data],
  );
  const { chainId } = useDeployment();
  const states = useMemo(() => buildSupplierStates(events), [events]);
  const registry = useMemo(() => buildComponents(events), [events]);
  // Every supplier known from the registry or the oracle, disrupted ones first.
  const suppliers = useMemo(() => {
    const all = new Map(states);
    for (const [k, info] of registry.suppliers)
      if (!all.has(k)) all.set(k, { supplier: info.supplier, disrupted: false, reports: [] });
    return [...all.values()].sort((a, b) => Number(b.disrupted) - Number(a.disrupted));
  }, [states, registry]);
  const oracleEvents = useMemo(
    () => events.filter((e) => e.contract === "DisruptionOracle" && /Reported|Confirmed/.test(e.eventName)).reverse(),
    [events],
  );
  const financings = useMemo(
    () =>
      events
        .filter((e): e is EventOf<"ContingencyPool", "SubstituteFinanced"> =>
          isEvent(e, "ContingencyPool", "SubstituteFinanced"),
        )
        .reverse(),
    [events],
  );
  return (
    <>
      <PageHeader title={t("supply.title")} />
      <HistoryStatus reads={[chain, pool]} />
      <SupplierInbox components={registry.components} suppliers={registry.suppliers} />
      <Section title={t("supply.suppliers")} testId="suppliers">
        {suppliers.length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("common.supplier")}</th>
                <th>{t("supply.region")}</th>
                <th>{t("supply.state")}</th>
                <th>{t("supply.since")}</th>
                <th>{t("supply.evidence")}</th>
                <th className="right">{t("supply.reports")}</th>
              </tr>
            </thead>
            <tbody>
              {suppliers.map((s) => (
                <tr key={s.supplier} data-testid="supplier-row" data-supplier={s.supplier.toLowerCase()}>
                  <td>
                    <Address address={s.supplier} />
                  </td>
                  <td>
                    <Region code={registry.suppliers.get(s.supplier.toLowerCase())?.region} locale={locale} />
                  </td>
                  <td>
                    <Badge tone={s.disrupted ? "negative" : "positive"}>
                      <span data-testid="supplier-state" data-disrupted={String(s.disrupted)}>
                        {s.disrupted ? t("supply.disrupted") : t("supply.healthy")}
                      </span>
                    </Badge>
                  </td>
                  <td className="num">{formatTimestamp(s.since)}</td>
                  <td>
                    <DocumentText hash={s.evidenceHash} offeredChoice={false} />
                  </td>
                  <td className="right num">{s.reports.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t("supply.components")} testId="components">
        <ComponentsTable components={registry.components} states={states} showProject />
      </Section>
      <FailoverFollowUp events={events} />
      <Section title={t("supply.financings")} testId="substitute-financings">
        <FinancingsTable financings={financings} tokenOf={tokenOf} showProject />
      </Section>
      <OwedAdvances />
      <Section title={t("supply.disruptions")} testId="oracle-events">
        <EventTable events={oracleEvents} pageSize={20} testId="oracle-table" />
      </Section>
      <ProjectTokenList />
      {isLocalChain(chainId) && <ReporterConsole />}
    </>
  );
}
