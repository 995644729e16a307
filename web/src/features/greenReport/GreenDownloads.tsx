"use client";
/** The green report's XLSX (exceljs, loaded on click) and CSV downloads. */
import { useI18n } from "@/i18n";
import { downloadText, downloadXlsx } from "@/lib/csv";
import { greenCsv, periodSlug, type GreenReport, type ReportPeriod } from "@/lib/rdLedger";

export function GreenDownloads({ report, period }: { report: GreenReport; period: ReportPeriod }) {
  const { t, locale } = useI18n();
  const base = `green-report-${report.financier.slice(0, 8)}-${periodSlug(period)}`;
  return (
    <>
      <button
        type="button"
        className="primary"
        data-testid="green-download-xlsx"
        onClick={async () => {
          const { greenWorkbook } = await import("@/lib/rdLedger/xlsx");
          downloadXlsx(`${base}.xlsx`, await greenWorkbook(report));
        }}
      >
        {t("green.downloadXlsx")}
      </button>
      <button
        type="button"
        data-testid="green-download-csv"
        onClick={() => downloadText(`${base}.csv`, greenCsv(report, locale))}
      >
        {t("green.downloadCsv")}
      </button>
    </>
  );
}
