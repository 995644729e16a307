"use client";
/** One page of suppliers (disrupted first): region, state, since when, the last confirmation's evidence, reports. */
import { Address } from "@/components/Address";
import { DocumentText } from "@/components/DocumentText";
import { Region } from "@/components/Region";
import { Badge, Empty } from "@/components/ui";
import { useI18n, useT } from "@/i18n";
import { formatTimestamp } from "@/lib/format";
import type { SupplierState } from "@/lib/suppliers";

export function SuppliersTable({ suppliers }: { suppliers: readonly SupplierState[] }) {
  const t = useT();
  const { locale } = useI18n();
  if (suppliers.length === 0) return <Empty>{t("common.none")}</Empty>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th>{t("common.supplier")}</th>
          <th>{t("supply.region")}</th>
          <th>{t("supply.state")}</th>
          <th>{t("supply.since")}</th>
          <th>{t("supply.evidence")}</th>
          <th className="right">{t("supply.reports")}</th>
        </tr>
      </thead>
      <tbody>
        {suppliers.map((s) => (
          <tr key={s.supplier} data-testid="supplier-row" data-supplier={s.supplier.toLowerCase()}>
            <td>
              <Address address={s.supplier} />
            </td>
            <td>
              <Region code={s.region} locale={locale} />
            </td>
            <td>
              <Badge tone={s.disrupted ? "negative" : "positive"}>
                <span data-testid="supplier-state" data-disrupted={String(s.disrupted)}>
                  {s.disrupted ? t("supply.disrupted") : t("supply.healthy")}
                </span>
              </Badge>
            </td>
            <td className="num">{formatTimestamp(s.since)}</td>
            <td>
              <DocumentText hash={s.evidenceHash} offeredChoice={false} />
            </td>
            <td className="right num">{s.reports}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
