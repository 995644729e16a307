"use client";
/** The green report's totals: the financier's attributed money per green category and project. */
import Link from "next/link";
import { useI18n } from "@/i18n";
import { formatAmount } from "@/lib/format";
import { GREEN_RULES, type GreenReport } from "@/lib/rdLedger";

export function GreenTotalsTable({ report }: { report: GreenReport }) {
  const { t, locale } = useI18n();
  return (
    <table className="data" data-testid="green-totals">
      <thead>
        <tr>
          <th>{t("green.category")}</th>
          <th>{t("common.project")}</th>
          <th className="right">{t("green.attributedYuan")}</th>
        </tr>
      </thead>
      <tbody>
        {report.totals.map((x) => (
          <tr
            key={`${x.greenCategory}-${x.projectId}`}
            data-testid="green-total-row"
            data-category={x.greenCategory}
            data-project={String(x.projectId)}
          >
            <td>{GREEN_RULES[x.greenCategory][locale]}</td>
            <td>
              <Link href={`/projects/${x.projectId}`}>#{String(x.projectId)}</Link>
            </td>
            <td className="right num">{formatAmount(x.attributedFen, 2, { locale })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
