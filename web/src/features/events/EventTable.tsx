"use client";
/** A paginated table of events (newest first as given), shared by the audit trail and drill-downs. */
import { memo, useEffect, useState } from "react";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { BlockLink, TxLink } from "@/components/TxLink";
import { Empty } from "@/components/ui";
import { useT } from "@/i18n";
import { formatTimestamp } from "@/lib/format";
import { shortenAddress } from "@/lib/address";
import type { ChainEvent } from "@/lib/events";
import styles from "./EventTable.module.css";

const AMOUNT_ARG = /^(amount|target|refundable|budget|room)$/i;
/** Arguments that are unix times in seconds (observedAt, startedAt, deadline, previousDeadline). */
const TIME_ARG = /(At|^deadline|Deadline)$/;

export function ArgValue({ name, value, token }: { name: string; value: unknown; token?: `0x${string}` }) {
  if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return <Address address={value} copy={false} />;
  if (typeof value === "string" && /^0x[0-9a-fA-F]{64}$/.test(value))
    return (
      <span className="mono" title={value}>
        {shortenAddress(value)}
      </span>
    );
  if (typeof value === "bigint" && AMOUNT_ARG.test(name)) return <Amount value={value} token={token} />;
  if (typeof value === "bigint" && TIME_ARG.test(name))
    return (
      <span className="num" title={value.toString()}>
        {formatTimestamp(value)}
      </span>
    );
  if (typeof value === "bigint") return <span className="num">{value.toString()}</span>;
  if (typeof value === "boolean") return <span>{value ? "true" : "false"}</span>;
  if (Array.isArray(value)) return <span className="mono">[{value.length}]</span>;
  return <span>{String(value)}</span>;
}

export function EventArgs({ event, token }: { event: ChainEvent; token?: `0x${string}` }) {
  const entries = Object.entries(event.args).filter(([k]) => !/^\d+$/.test(k) && k !== "projectId");
  return (
    <span className={styles.args}>
      {entries.map(([k, v]) => (
        <span key={k} className={styles.arg}>
          <span className={styles.argName}>{k}</span> <ArgValue name={k} value={v} token={token} />
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
}: {
  events: readonly ChainEvent[];
  pageSize?: number;
  tokenOf?: (e: ChainEvent) => `0x${string}` | undefined;
  testId?: string;
}) {
  const t = useT();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(events.length / pageSize));
  useEffect(() => {
    if (page >= pages) setPage(0);
  }, [page, pages]);
  if (events.length === 0) return <Empty>{t("common.none")}</Empty>;
  const rows = events.slice(page * pageSize, (page + 1) * pageSize);
  return (
    <div data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th>{t("common.time")}</th>
            <th>{t("common.block")}</th>
            <th>{t("audit.event")}</th>
            <th>{t("common.project")}</th>
            <th>{t("audit.args")}</th>
            <th>{t("common.tx")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const pid = e.args.projectId;
            return (
              <tr key={e.id} data-testid="event-row" data-event={e.eventName}>
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                <td>
                  <BlockLink block={e.blockNumber} />
                </td>
                <td>
                  <div className={styles.eventName}>{e.eventName}</div>
                  <div className={styles.contract}>{e.contract}</div>
                </td>
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
      <div className={styles.pager}>
        <span className="muted">{t("common.rows", { count: events.length })}</span>
        <button
          type="button"
          onClick={() => setPage((p) => Math.max(0, p - 1))}
          disabled={page === 0}
          data-testid="page-prev"
        >
          {t("common.prev")}
        </button>
        <span className="num">{t("common.page", { page: page + 1, pages })}</span>
        <button
          type="button"
          onClick={() => setPage((p) => Math.min(pages - 1, p + 1))}
          disabled={page >= pages - 1}
          data-testid="page-next"
        >
          {t("common.next")}
        </button>
      </div>
    </div>
  );
});
