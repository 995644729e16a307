"use client";
/**
 * Payments out of escrow (RDEscrow.Disbursed), as a CFO or an accountant reads them: date, payee, amount,
 * milestone, category, invoice, transaction — newest first as given. Column names come from the chain catalogue.
 */
import Link from "next/link";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { DocumentText } from "@/components/DocumentText";
import { TxLink } from "@/components/TxLink";
import { Empty } from "@/components/ui";
import { useChainWords, useT } from "@/i18n";
import type { EventOf } from "@/lib/events";

type Payment = EventOf<"RDEscrow", "Disbursed">;
import { formatTimestamp } from "@/lib/format";
import type { Paging } from "@/lib/paging";
import { Pager, useTableRows } from "./Pager";

const param = (words: ReturnType<typeof useChainWords>, name: string) => words.param("RDEscrow", "Disbursed", name);

export function PaymentsTable({
  payments,
  paging,
  tokenOf,
  showProject = false,
  pageSize = 20,
  testId = "payments-table",
}: {
  /** The rows, newest first: the page read from the indexer when `paging` is given, else all (paged here). */
  payments: readonly Payment[];
  paging?: Paging;
  tokenOf: (e: Payment) => `0x${string}` | undefined;
  showProject?: boolean;
  pageSize?: number;
  testId?: string;
}) {
  const t = useT();
  const words = useChainWords();
  const { rows, pager } = useTableRows(payments, pageSize, paging);
  if (pager.rows === 0) return <Empty>{t("common.none")}</Empty>;
  return (
    <div data-testid={testId}>
      <table className="data">
        <thead>
          <tr>
            <th>{t("payments.date")}</th>
            {showProject && <th>{param(words, "projectId")}</th>}
            <th>{param(words, "payee")}</th>
            <th className="right">{param(words, "amount")}</th>
            <th>{param(words, "milestoneIndex")}</th>
            <th>{param(words, "category")}</th>
            <th>{param(words, "invoiceHash")}</th>
            <th>{t("common.tx")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const projectId = e.args.projectId;
            const category = e.args.category;
            return (
              <tr key={e.id} data-testid="payment-row" data-event-id={e.id}>
                <td className="num">{formatTimestamp(e.timestamp)}</td>
                {showProject && (
                  <td>
                    {projectId !== undefined && <Link href={`/projects/${projectId}`}>#{projectId.toString()}</Link>}
                  </td>
                )}
                <td>
                  <Address address={e.args.payee} />
                </td>
                <td className="right">
                  <Amount value={e.args.amount} token={tokenOf(e)} />
                </td>
                <td className="num">{Number(e.args.milestoneIndex) + 1}</td>
                <td data-category={String(category)}>
                  {category === undefined ? "—" : words.enumValue("Category", category)}
                </td>
                <td>
                  <DocumentText hash={e.args.invoiceHash} offeredChoice={false} />
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
}
