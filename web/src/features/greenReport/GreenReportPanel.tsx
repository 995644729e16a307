"use client";
/**
 * 绿色金融报告 / green-finance report of one financier: per CST year or quarter, what its money paid for (by the
 * pro-rata attribution of docs/RD-LEDGER.md), per green category and project, then every payment with its payee
 * and date; XLSX and CSV downloads of the same report (the builder the `npm run ledger -- --report green` command
 * uses).
 */
import { useState, type ReactNode } from "react";
import { Empty, Notice, Section, Stat, StatGrid } from "@/components/ui";
import { useGreenReport } from "@/hooks/useGreenReport";
import { useI18n } from "@/i18n";
import { periodLabel, QUARTERS, type Hex, type Quarter } from "@/lib/rdLedger";
import { formatAmount } from "@/lib/format";
import { GreenDownloads } from "./GreenDownloads";
import { GreenRowsTable } from "./GreenRowsTable";
import { GreenTotalsTable } from "./GreenTotalsTable";

export function GreenReportPanel({
  financier,
  picker,
  testId = "green-report",
}: {
  financier: Hex;
  /** A control choosing the financier, shown before the period (the R&D ledger page's auditor view). */
  picker?: ReactNode;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const [yearChoice, setYear] = useState<number>();
  const [quarter, setQuarter] = useState<Quarter>();
  const { report, period, years, isReady, error } = useGreenReport(financier, { year: yearChoice, quarter });
  return (
    <Section title={t("green.title")} testId={testId}>
      <p className="muted">{t("green.hint")}</p>
      {error && <Notice tone="error">{t("status.unknownBecause", { reason: error.message })}</Notice>}
      <div className="formRow">
        {picker}
        <label>
          {t("green.year")}
          <select value={period?.year ?? ""} onChange={(e) => setYear(Number(e.target.value))} data-testid="green-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("green.period")}
          <select
            value={quarter ?? ""}
            onChange={(e) => setQuarter(e.target.value ? (Number(e.target.value) as Quarter) : undefined)}
            data-testid="green-quarter"
          >
            <option value="">{t("green.wholeYear")}</option>
            {QUARTERS.map((q) => (
              <option key={q} value={q}>
                {t("green.quarter", { quarter: q })}
              </option>
            ))}
          </select>
        </label>
        {report && period && <GreenDownloads report={report} period={period} />}
      </div>
      {!report || !period ? (
        <Empty>{error ? t("status.unknown") : isReady ? t("green.nothing") : t("status.loading")}</Empty>
      ) : (
        <div data-testid="green-report-body" data-period={periodLabel(period, "en")}>
          <StatGrid>
            <Stat label={t("green.attributed", { period: periodLabel(period, locale) })} testId="green-attributed">
              {formatAmount(report.attributedFen, 2, { locale })}
            </Stat>
            <Stat label={t("green.greenPart")} testId="green-green" tone="accent">
              {formatAmount(report.greenFen, 2, { locale })}
            </Stat>
          </StatGrid>
          <GreenTotalsTable report={report} />
          <GreenRowsTable report={report} />
        </div>
      )}
    </Section>
  );
}
