"use client";
/**
 * Audit trail: every event, newest first, one page at a time from the indexer, filtered there (project, party, type,
 * dates; tx/block from links); CSV export of the filtered set streamed by the dashboard server (/api/audit-csv);
 * the indexer's totals beside the on-chain balances.
 */
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PageHeader, Section } from "@/components/ui";
import { useAggregates } from "@/hooks/useIndexer";
import { usePagedEvents } from "@/hooks/useIndexedEvents";
import { useChainWords, useI18n, useT } from "@/i18n";
import { EventTable } from "@/features/events/EventTable";
import { HistoryStatus, PagedRows } from "@/features/events/HistoryStatus";
import { abiEventOf, isSourceContract, projectIdOf, type ChainEvent } from "@/lib/events";
import { abis } from "@/generated/abis";
import { auditWhere, filterToParams, type AuditFilter } from "./filters";
import { Reconciliation } from "./Reconciliation";
import styles from "./audit.module.css";

/** Events per page of the trail (each page one indexer query). */
const PAGE_SIZE = 50;
/** The trail shows every kind of event. */
const anyEvent = (e: ChainEvent): e is ChainEvent => e !== undefined;

const dateToSeconds = (d: string, endOfDay: boolean): number | undefined => {
  if (!d) return undefined;
  const ms = new Date(`${d}T${endOfDay ? "23:59:59" : "00:00:00"}`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

export function AuditView() {
  const t = useT();
  const words = useChainWords();
  const { locale } = useI18n();
  const aggregates = useAggregates();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [project, setProject] = useState(params.get("project") ?? "");
  const [party, setParty] = useState(params.get("party") ?? "");
  const [type, setType] = useState(params.get("type") ?? "");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [showSignature, setShowSignature] = useState(false);
  const tx = params.get("tx") ?? undefined;
  const block = params.get("block") ?? undefined;

  // Event types by their words, from the ABIs (every event a contract can emit); the value stays the event's name.
  const types = useMemo(() => {
    const byName = new Map<string, string>();
    for (const [contract, abi] of Object.entries(abis)) {
      if (!isSourceContract(contract) || contract === "DemoStablecoin") continue;
      for (const item of abi as readonly { type: string; name?: string }[]) {
        if (item.type === "event" && item.name && abiEventOf(contract, item.name))
          byName.set(item.name, words.event(contract, item.name));
      }
    }
    return [...byName.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [words, locale]);
  const projectIds = useMemo(
    () => [...(aggregates.data?.projects.keys() ?? [])].sort((a, b) => Number(a) - Number(b)),
    [aggregates.data],
  );
  const filter: AuditFilter = {
    project: project || undefined,
    party: party || undefined,
    type: type || undefined,
    from: dateToSeconds(from, false),
    to: dateToSeconds(to, true),
    tx,
    block,
  };
  const where = auditWhere(filter);
  const events = usePagedEvents(where, PAGE_SIZE, anyEvent);
  const totalCount = events.data?.totalCount ?? 0;
  const tokenOf = (e: ChainEvent) => {
    const pid = projectIdOf(e);
    return pid === undefined ? undefined : aggregates.data?.projects.get(pid.toString())?.token;
  };
  const csvHref = `/api/audit-csv?${filterToParams(filter).toString()}`;

  const reset = () => {
    setProject("");
    setParty("");
    setType("");
    setFrom("");
    setTo("");
    if (tx || block) router.replace(pathname);
  };

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        hint={t("audit.hint")}
        testId="audit-header"
        ready={events.isReady && aggregates.isReady}
        actions={
          <a
            className={`button primary${totalCount === 0 ? " disabled" : ""}`}
            href={csvHref}
            download
            aria-disabled={totalCount === 0}
            data-testid="export-csv"
          >
            {t("audit.exportCsv")}
          </a>
        }
      />
      <HistoryStatus reads={[events, aggregates]} />
      <Section title={t("audit.filters")} testId="audit-filters">
        <div className={`formRow ${styles.filters}`}>
          <label>
            {t("audit.filterProject")}
            <select value={project} onChange={(e) => setProject(e.target.value)} data-testid="filter-project">
              <option value="">{t("common.all")}</option>
              {projectIds.map((id) => (
                <option key={id} value={id}>
                  #{id}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("audit.filterParty")}
            <input
              value={party}
              onChange={(e) => setParty(e.target.value)}
              placeholder="0x…"
              className="mono"
              data-testid="filter-party"
            />
          </label>
          <label>
            {t("audit.filterType")}
            <select value={type} onChange={(e) => setType(e.target.value)} data-testid="filter-type">
              <option value="">{t("common.all")}</option>
              {types.map(([name, label]) => (
                <option key={name} value={name}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("audit.filterFrom")}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="filter-from" />
          </label>
          <label>
            {t("audit.filterTo")}
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="filter-to" />
          </label>
          <button type="button" onClick={reset} data-testid="filter-reset">
            {t("audit.reset")}
          </button>
        </div>
        {(tx || block) && (
          <p className="muted mono">
            {tx ? `${t("common.tx")} ${tx}` : ""} {block ? `${t("common.block")} ${block}` : ""}
          </p>
        )}
      </Section>
      <Section
        title={t("audit.events")}
        testId="audit-events"
        aside={
          <label className={styles.toggle}>
            <input
              type="checkbox"
              checked={showSignature}
              onChange={(e) => setShowSignature(e.target.checked)}
              data-testid="show-signature"
            />{" "}
            {t("audit.showSignature")}
          </label>
        }
      >
        <PagedRows list={events} testId="audit-unread">
          {(page, paging) => (
            <EventTable
              events={page}
              tokenOf={tokenOf}
              testId="audit-table"
              showSignature={showSignature}
              paging={paging}
            />
          )}
        </PagedRows>
      </Section>
      <Reconciliation totals={aggregates.data?.totals} />
    </>
  );
}
