"use client";
/** A paginated table of events (newest first as given), shared by the audit trail and drill-downs. */
import { memo } from "react";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { BlockLink, TxLink } from "@/components/TxLink";
import { Empty } from "@/components/ui";
import { useChainWords, useI18n, useT } from "@/i18n";
import { isEnumFormat, paramWords, type ParamFormat } from "@/i18n/chainWords";
import { regionCode } from "@/lib/components";
import { eventSignature } from "@/lib/eventSignature";
import { Region } from "@/components/Region";
import { formatTimestamp } from "@/lib/format";
import { shortenAddress } from "@/lib/address";
import { projectIdOf, type ChainEvent } from "@/lib/events";
import type { Paging } from "@/lib/paging";
import { Pager, useTableRows } from "./Pager";
import styles from "./EventTable.module.css";

/** For events the catalogue does not know (it knows every event of the ABIs; see i18n/chainWords.ts). */
const AMOUNT_ARG = /^(amount|target|refundable|budget|room)$/i;
/** Arguments that are unix times in seconds (observedAt, startedAt, deadline, previousDeadline). */
const TIME_ARG = /(At|^deadline|Deadline)$/;

/** How an argument reads: the catalogue's word for it, else guessed from its name as before. */
function formatOf(name: string, format: ParamFormat | undefined): ParamFormat | undefined {
  if (format) return format;
  if (AMOUNT_ARG.test(name)) return "amount";
  if (TIME_ARG.test(name)) return "time";
  return undefined;
}

export function ArgValue({
  name,
  value,
  token,
  format,
}: {
  name: string;
  value: unknown;
  token?: `0x${string}`;
  format?: ParamFormat;
}) {
  const t = useT();
  const words = useChainWords();
  const { locale } = useI18n();
  const as = formatOf(name, format);
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return <Address address={value} copy={false} />;
  if (typeof value === "string" && /^0x[0-9a-fA-F]{64}$/.test(value))
    return (
      <span className="mono" title={value}>
        {shortenAddress(value)}
      </span>
    );
  if (as === "region" && typeof value === "string") return <Region code={regionCode(value)} locale={locale} />;
  if (typeof value === "bigint" && as === "amount") return <Amount value={value} token={token} />;
  if (typeof value === "bigint" && as === "time")
    return (
      <span className="num" title={value.toString()}>
        {formatTimestamp(value)}
      </span>
    );
  if ((typeof value === "bigint" || typeof value === "number") && as === "ordinal")
    return <span className="num">{(BigInt(value) + 1n).toString()}</span>;
  if ((typeof value === "bigint" || typeof value === "number") && isEnumFormat(as))
    return (
      <span data-enum={as} data-value={value.toString()}>
        {words.enumValue(as, value)}
      </span>
    );
  if (typeof value === "bigint" || typeof value === "number") return <span className="num">{value.toString()}</span>;
  if (typeof value === "boolean") return <span>{value ? t("common.yes") : t("common.no")}</span>;
  if (Array.isArray(value)) return <span className="num">{t("common.items", { count: value.length })}</span>;
  return <span className="mono">{String(value)}</span>;
}

export function EventArgs({ event, token }: { event: ChainEvent; token?: `0x${string}` }) {
  const words = useChainWords();
  const entries = Object.entries(event.args).filter(([k]) => !/^\d+$/.test(k) && k !== "projectId");
  return (
    <span className={styles.args}>
      {entries.map(([k, v]) => (
        <span key={k} className={styles.arg} data-param={k}>
          <span className={styles.argName}>{words.param(event.contract, event.eventName, k)}</span>{" "}
          <ArgValue name={k} value={v} token={token} format={paramWords(event.contract, event.eventName, k)?.as} />
        </span>
      ))}
    </span>
  );
}

/**
 * Memoised: the views around it re-render on every poll and query update; a page of rows re-renders only when
 * its events (or the token lookup) change. Pass a stable `tokenOf`.
 */
export const EventTable = memo(function EventTable({
  events,
  pageSize = 50,
  tokenOf,
  testId = "event-table",
  showSignature = false,
  paging,
}: {
  events: readonly ChainEvent[];
  /** Pages read from the indexer: `events` is the current page, `paging` drives it (else paged here). */
  paging?: Paging;
  pageSize?: number;
  tokenOf?: (e: ChainEvent) => `0x${string}` | undefined;
  testId?: string;
  /** A column with each event's raw signature and topic 0, as explorers show them (the audit trail's option). */
  showSignature?: boolean;
}) {
  const t = useT();
  const words = useChainWords();
  const { rows, pager } = useTableRows(events, pageSize, paging);
  if (pager.rows === 0) return <Empty>{t("common.none")}</Empty>;
  return (
    <div data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th>{t("common.time")}</th>
            <th>{t("common.block")}</th>
            <th>{t("audit.event")}</th>
            {showSignature && <th>{t("audit.signature")}</th>}
            <th>{t("common.project")}</th>
            <th>{t("audit.args")}</th>
            <th>{t("common.tx")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const pid = projectIdOf(e);
            const signature = eventSignature(e.contract, e.eventName);
            return (
              <tr key={e.id} data-testid="event-row" data-event={e.eventName}>
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                <td>
                  <BlockLink block={e.blockNumber} />
                </td>
                <td title={signature?.text}>
                  <div className={styles.eventName}>{words.event(e.contract, e.eventName)}</div>
                  <div className={styles.contract}>{words.contract(e.contract)}</div>
                </td>
                {showSignature && (
                  <td className={`mono ${styles.signature}`} data-raw-signature title={signature?.topic0}>
                    {signature?.text ?? e.eventName}
                  </td>
                )}
                <td className="num">{typeof pid === "bigint" ? pid.toString() : "—"}</td>
                <td>
                  <EventArgs event={e} token={tokenOf?.(e)} />
                </td>
                <td>
                  <TxLink hash={e.transactionHash} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager page={pager.page} pages={pager.pages} rows={pager.rows} onPage={pager.onPage} />
    </div>
  );
});
