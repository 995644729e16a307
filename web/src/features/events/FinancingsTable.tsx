"use client";
/**
 * Substitute financings out of a contingency pool (ContingencyPool.SubstituteFinanced): date, project, component,
 * the disrupted supplier, the substitute paid, the advance, the oracle's confirmation, transaction — newest first
 * as given. Column names come from the chain catalogue.
 */
import Link from "next/link";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { TxLink } from "@/components/TxLink";
import { Empty } from "@/components/ui";
import { useChainWords, useT } from "@/i18n";
import type { EventOf } from "@/lib/events";

type Financing = EventOf<"ContingencyPool", "SubstituteFinanced">;
import { formatTimestamp } from "@/lib/format";
import type { Paging } from "@/lib/paging";
import { Pager, useTableRows } from "./Pager";

export function FinancingsTable({
  financings,
  paging,
  tokenOf,
  showProject = false,
  pageSize = 20,
  testId = "financings-table",
}: {
  /** The rows, newest first: the page read from the indexer when `paging` is given, else all (paged here). */
  financings: readonly Financing[];
  paging?: Paging;
  tokenOf: (e: Financing) => `0x${string}` | undefined;
  showProject?: boolean;
  pageSize?: number;
  testId?: string;
}) {
  const t = useT();
  const words = useChainWords();
  const param = (name: string) => words.param("ContingencyPool", "SubstituteFinanced", name);
  const { rows, pager } = useTableRows(financings, pageSize, paging);
  if (pager.rows === 0) return <Empty>{t("common.none")}</Empty>;
  return (
    <div data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th>{t("payments.date")}</th>
            {showProject && <th>{param("projectId")}</th>}
            <th>{param("componentId")}</th>
            <th>{param("disruptedSupplier")}</th>
            <th>{param("substitute")}</th>
            <th className="right">{param("amount")}</th>
            <th>{param("disruptionId")}</th>
            <th>{t("common.tx")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const projectId = e.args.projectId;
            return (
              <tr key={e.id} data-testid="financing-row" data-event-id={e.id}>
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                {showProject && (
                  <td>
                    {projectId !== undefined && <Link href={`/projects/${projectId}`}>#{projectId.toString()}</Link>}
                  </td>
                )}
                <td className="num">{e.args.componentId.toString()}</td>
                <td>
                  <Address address={e.args.disruptedSupplier} copy={false} />
                </td>
                <td>
                  <Address address={e.args.substitute} />
                </td>
                <td className="right">
                  <Amount value={e.args.amount} token={tokenOf(e)} />
                </td>
                <td className="num">#{e.args.disruptionId.toString()}</td>
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
