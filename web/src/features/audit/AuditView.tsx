"use client";
/**
 * Audit trail: every event, newest first; filters (project, party, type, dates; tx/block from links);
 * paginated; CSV export of the filtered rows; totals rebuilt from events beside the on-chain balances.
 */
import { useCallback, useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { PageHeader, Section } from "@/components/ui";
import { useLedger } from "@/hooks/useEventLog";
import { useChainWords, useI18n, useT } from "@/i18n";
import { toCsv, downloadText } from "@/lib/csv";
import { EventTable } from "@/features/events/EventTable";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import type { ChainEvent } from "@/lib/events";
import { CSV_HEADER, csvRows, filterEvents, type AuditFilter } from "./filters";
import { Reconciliation } from "./Reconciliation";
import styles from "./audit.module.css";

const dateToSeconds = (d: string, endOfDay: boolean): number | undefined => {
  if (!d) return undefined;
  const ms = new Date(`${d}T${endOfDay ? "23:59:59" : "00:00:00"}`).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

export function AuditView() {
  const t = useT();
  const words = useChainWords();
  const { locale } = useI18n();
  const log = useLedger();
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

  const newestFirst = useMemo(() => [...log.events].reverse(), [log.events]);
  // Event types by their words; the option's value stays the event's name (links and filters use it).
  const types = useMemo(() => {
    const byName = new Map(log.events.map((e) => [e.eventName, words.event(e.contract, e.eventName)]));
    return [...byName.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [log.events, words, locale]);
  const projectIds = useMemo(() => [...log.ledger.projects.keys()].sort((a, b) => Number(a) - Number(b)), [log.ledger]);
  const filter: AuditFilter = {
    project: project || undefined,
    party: party || undefined,
    type: type || undefined,
    from: dateToSeconds(from, false),
    to: dateToSeconds(to, true),
    tx,
    block,
  };
  const { ledger } = log;
  const tokenOf = useCallback((e: ChainEvent) => ledger.projects.get(String(e.args.projectId))?.token, [ledger]);
  const rows = useMemo(() => filterEvents(newestFirst, filter), [newestFirst, JSON.stringify(filter)]); // eslint-disable-line react-hooks/exhaustive-deps

  const reset = () => {
    setProject("");
    setParty("");
    setType("");
    setFrom("");
    setTo("");
    if (tx || block) router.replace(pathname);
  };
  const exportCsv = () => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    downloadText(`audit-trail-${stamp}.csv`, toCsv(CSV_HEADER, csvRows(rows)));
  };

  return (
    <>
      <PageHeader
        title={t("audit.title")}
        hint={t("audit.hint")}
        testId="audit-header"
        ready={log.isReady}
        actions={
          <button
            type="button"
            className="primary"
            onClick={exportCsv}
            disabled={rows.length === 0}
            data-testid="export-csv"
          >
            {t("audit.exportCsv")}
          </button>
        }
      />
      <HistoryStatus log={log} />
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
        <EventTable events={rows} pageSize={50} tokenOf={tokenOf} testId="audit-table" showSignature={showSignature} />
      </Section>
      <Reconciliation totals={log.ledger.global} />
    </>
  );
}
