"use client";
/**
 * A financier's own token movements, as its back office reconciles them: date, project, what moved (funding,
 * refund, pool commitment, withdrawal), paid in or received back, transaction — newest first as given.
 */
import Link from "next/link";
import { Amount } from "@/components/Amount";
import { TxLink } from "@/components/TxLink";
import { Empty } from "@/components/ui";
import { useChainWords, useT } from "@/i18n";
import { MOVEMENT_EVENTS, movementParts, type MovementEvent } from "@/lib/events";
import { formatTimestamp } from "@/lib/format";
import type { Paging } from "@/lib/paging";
import { Pager, useTableRows } from "./Pager";

export function MovementsTable({
  movements,
  paging,
  tokenOf,
  pageSize = 20,
  testId = "movements-table",
}: {
  /** The rows, newest first: the page read from the indexer when `paging` is given, else all (paged here). */
  movements: readonly MovementEvent[];
  paging?: Paging;
  tokenOf: (e: MovementEvent) => `0x${string}` | undefined;
  pageSize?: number;
  testId?: string;
}) {
  const t = useT();
  const words = useChainWords();
  const { rows, pager } = useTableRows(movements, pageSize, paging);
  if (pager.rows === 0) return <Empty>{t("common.none")}</Empty>;
  return (
    <div data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th>{t("payments.date")}</th>
            <th>{t("common.project")}</th>
            <th>{t("financier.movement")}</th>
            <th className="right">{t("financier.paidIn")}</th>
            <th className="right">{t("financier.paidBack")}</th>
            <th>{t("common.tx")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const { projectId, amount } = movementParts(e);
            const paidIn = MOVEMENT_EVENTS[e.eventName].direction === "in";
            return (
              <tr key={e.id} data-testid="movement-row" data-event={e.eventName} data-event-id={e.id}>
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                <td>
                  <Link href={`/projects/${projectId}`}>#{projectId.toString()}</Link>
                </td>
                <td>
                  {words.event(e.contract, e.eventName)}
                  <div className="muted">{words.contract(e.contract)}</div>
                </td>
                <td className="right">{paidIn ? <Amount value={amount} token={tokenOf(e)} /> : ""}</td>
                <td className="right">{paidIn ? "" : <Amount value={amount} token={tokenOf(e)} />}</td>
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
}
