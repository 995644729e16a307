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
import {
  isMovement,
  MOVEMENT_EVENTS,
  movementParts,
  type ChainEvent,
  type MovementEvent,
  type MovementName,
} from "@/lib/events";
import { formatTimestamp } from "@/lib/format";
import { Pager, usePage } from "./Pager";

/** The movements between a financier and the contracts (the other movements are the firm's and suppliers'). */
export const FINANCIER_MOVEMENTS = ["Funded", "Refunded", "Committed", "Withdrawn"] as const satisfies MovementName[];

/** The financier's movements among `events` (any order kept), by the counter-party of each movement. */
export function financierMovements(events: readonly ChainEvent[], financier: string): MovementEvent[] {
  const me = financier.toLowerCase();
  return events.filter(
    (e): e is MovementEvent =>
      isMovement(e) &&
      (FINANCIER_MOVEMENTS as readonly string[]).includes(e.eventName) &&
      movementParts(e).party.toLowerCase() === me,
  );
}

export function MovementsTable({
  movements,
  tokenOf,
  pageSize = 20,
  testId = "movements-table",
}: {
  movements: readonly MovementEvent[];
  tokenOf: (e: MovementEvent) => `0x${string}` | undefined;
  pageSize?: number;
  testId?: string;
}) {
  const t = useT();
  const words = useChainWords();
  const { page, pages, setPage, rows } = usePage(movements, pageSize);
  if (movements.length === 0) return <Empty>{t("common.none")}</Empty>;
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
              <tr key={e.id} data-testid="movement-row" data-event={e.eventName}>
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
      <Pager page={page} pages={pages} rows={movements.length} onPage={setPage} />
    </div>
  );
}
