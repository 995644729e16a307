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
import { arg, type ChainEvent } from "@/lib/events";
import { formatTimestamp } from "@/lib/format";
import { Pager, usePage } from "./Pager";

export function FinancingsTable({
  financings,
  tokenOf,
  showProject = false,
  pageSize = 20,
  testId = "financings-table",
}: {
  financings: readonly ChainEvent[];
  tokenOf: (e: ChainEvent) => `0x${string}` | undefined;
  showProject?: boolean;
  pageSize?: number;
  testId?: string;
}) {
  const t = useT();
  const words = useChainWords();
  const param = (name: string) => words.param("ContingencyPool", "SubstituteFinanced", name);
  const { page, pages, setPage, rows } = usePage(financings, pageSize);
  if (financings.length === 0) return <Empty>{t("common.none")}</Empty>;
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
            const projectId = arg<bigint>(e, ["projectId"], 0);
            return (
              <tr key={e.id} data-testid="financing-row">
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                {showProject && (
                  <td>
                    {projectId !== undefined && <Link href={`/projects/${projectId}`}>#{projectId.toString()}</Link>}
                  </td>
                )}
                <td className="num">{arg<bigint>(e, ["componentId"], 3)?.toString() ?? "—"}</td>
                <td>
                  <Address address={arg<string>(e, ["disruptedSupplier"], 4)} copy={false} />
                </td>
                <td>
                  <Address address={arg<string>(e, ["substitute"], 1)} />
                </td>
                <td className="right">
                  <Amount value={arg<bigint>(e, ["amount"], 2)} token={tokenOf(e)} />
                </td>
                <td className="num">#{arg<bigint>(e, ["disruptionId"], 5)?.toString() ?? "—"}</td>
                <td>
                  <TxLink hash={e.transactionHash} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager page={page} pages={pages} rows={financings.length} onPage={setPage} />
    </div>
  );
}
