"use client";
/** The green report's payments: date (CST), project, green category, payee, purpose, and the financier's part. */
import { Address } from "@/components/Address";
import { TxLink } from "@/components/TxLink";
import { useI18n } from "@/i18n";
import { formatAmount } from "@/lib/format";
import { GREEN_COLUMNS, type GreenReport } from "@/lib/rdLedger";

const SHOWN = ["date", "project", "green", "payee", "category", "txHash", "payment", "attributed"] as const;

export function GreenRowsTable({ report }: { report: GreenReport }) {
  const { locale } = useI18n();
  const columns = GREEN_COLUMNS.filter((c) => (SHOWN as readonly string[]).includes(c.key));
  return (
    <table className="data" data-testid="green-rows">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.key === "payment" || c.key === "attributed" ? "right" : undefined}>
              {c[locale]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={`${r.txHash}-${r.payee}-${r.invoiceHash}`} data-testid="green-row">
            {columns.map((c) => {
              if (c.key === "txHash")
                return (
                  <td key={c.key}>
                    <TxLink hash={r.txHash} />
                  </td>
                );
              if (c.key === "payee")
                return (
                  <td key={c.key}>
                    <Address address={r.payee} />
                  </td>
                );
              const cell = c.value(r, locale);
              return "fen" in cell ? (
                <td key={c.key} className="right num">
                  {formatAmount(cell.fen, 2, { locale })}
                </td>
              ) : (
                <td key={c.key}>{cell.text}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
