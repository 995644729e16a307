"use client";
/**
 * 研发费用辅助账 / R&D expense ledger, for the firm and its auditor: the year's summary with the caps computed in
 * the open, spending by category per quarter, one ledger per project with links to the transactions, XLSX and CSV
 * downloads; and the green-finance report of a financier. Everything comes from the pure builder of lib/rdLedger
 * (docs/RD-LEDGER.md), the same the `npm run ledger` command uses.
 */
import { useMemo, useState } from "react";
import { PageHeader, Section, Empty, Notice } from "@/components/ui";
import { TxLink } from "@/components/TxLink";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useDeployment } from "@/hooks/useDeployment";
import { useI18n, useT } from "@/i18n";
import { addressLabel, sameAddress } from "@/lib/address";
import { downloadText, downloadXlsx } from "@/lib/csv";
import { formatAmount } from "@/lib/format";
import {
  auxiliaryLedgers,
  CATEGORY_KEYS,
  CATEGORY_RULES,
  EXTRA_RATES,
  LEDGER_COLUMNS,
  rowsCsv,
  summarise,
  summaryCsv,
  summaryLines,
  cellText,
  type ExtraRate,
  type Hex,
} from "@/lib/rdLedger";
import { useLedgerRows } from "@/hooks/useLedgerRows";
import { GreenReportPanel } from "@/features/greenReport/GreenReportPanel";
import { QuarterChart } from "./QuarterChart";

const yuan = (fen: bigint, locale: "zh" | "en") => formatAmount(fen, 2, { locale });

export function RdLedgerView() {
  const { locale } = useI18n();
  const zh = locale === "zh";
  const { names } = useDeployment();
  const account = useConnectedAccount();
  const [firmChoice, setFirm] = useState<string>("");
  const [firms, setFirms] = useState<Hex[]>([]);
  const firm = (firmChoice || firms.find((f) => account && sameAddress(f, account)) || firms[0] || "") as Hex;
  const { firms: indexedFirms, rows, isReady, error } = useLedgerRows(firm || undefined);
  if (indexedFirms.join() !== firms.join()) setFirms(indexedFirms); // the firms of the last answer pick the default
  const years = useMemo(
    () => [...new Set(rows.filter((r) => sameAddress(r.firm, firm)).map((r) => r.year))].sort(),
    [rows, firm],
  );
  const [yearChoice, setYear] = useState<number>();
  const year = yearChoice && years.includes(yearChoice) ? yearChoice : years[years.length - 1];
  const [rate, setRate] = useState<ExtraRate>(100);
  const summary = useMemo(
    () => (firm && year ? summarise(rows, firm, year, rate) : undefined),
    [rows, firm, year, rate],
  );
  const ledgers = useMemo(() => (firm && year ? auxiliaryLedgers(rows, firm, year) : []), [rows, firm, year]);
  const lang = zh ? "zh" : "en";
  const base = `rd-ledger-${firm.slice(0, 8)}-${year}`;

  return (
    <>
      <PageHeader
        title={zh ? "研发费用辅助账" : "R&D expense ledger"}
        hint={
          zh
            ? "按项目、按年度（北京时间）归集的研发支出辅助账及汇总表，由链上事件生成；规则见 docs/RD-LEDGER.md。"
            : "The per-project auxiliary ledger and yearly summary (China Standard Time), built from the chain's events; rules in docs/RD-LEDGER.md."
        }
        testId="rd-ledger-header"
        ready={isReady}
      />
      {error && <Notice tone="error">{error.message}</Notice>}
      <Section title={zh ? "企业与年度" : "Firm and year"}>
        <div className="formRow">
          <label>
            {zh ? "企业" : "Firm"}
            <select value={firm} onChange={(e) => setFirm(e.target.value)} data-testid="rd-firm">
              {firms.map((f) => (
                <option key={f} value={f}>
                  {addressLabel(f, names)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {zh ? "年度" : "Year"}
            <select value={year ?? ""} onChange={(e) => setYear(Number(e.target.value))} data-testid="rd-year">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {zh ? "加计扣除比例" : "Extra-deduction rate"}
            <select value={rate} onChange={(e) => setRate(Number(e.target.value) as ExtraRate)} data-testid="rd-rate">
              {([100, 120] as const).map((r) => (
                <option key={r} value={r}>
                  {EXTRA_RATES[r][lang]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            disabled={!summary}
            data-testid="rd-download-xlsx"
            onClick={async () => {
              const { ledgerWorkbook } = await import("@/lib/rdLedger/xlsx");
              downloadXlsx(`${base}.xlsx`, await ledgerWorkbook(ledgers, summary!));
            }}
          >
            {zh ? "下载 XLSX" : "Download XLSX"}
          </button>
          <button
            type="button"
            disabled={!summary}
            data-testid="rd-download-csv"
            onClick={() => {
              downloadText(
                `${base}.csv`,
                rowsCsv(
                  LEDGER_COLUMNS,
                  ledgers.flatMap((l) => l.rows),
                  lang,
                ),
              );
              downloadText(`${base}-summary.csv`, summaryCsv(summaryLines(summary!), lang));
            }}
          >
            {zh ? "下载 CSV" : "Download CSV"}
          </button>
        </div>
      </Section>
      {!summary ? (
        <Empty>
          {isReady
            ? zh
              ? "尚无研发支出。"
              : "No R&D payments yet."
            : zh
              ? "正在读取链上事件…"
              : "Reading the chain's events…"}
        </Empty>
      ) : (
        <>
          <Section title={zh ? "研发支出辅助账汇总表" : "Summary"} testId="rd-summary">
            <table className="data">
              <tbody>
                {summaryLines(summary).map((l) => (
                  <tr key={l.key} data-testid={`rd-line-${l.key}`}>
                    <td style={{ paddingLeft: 8 + l.level * 18, fontWeight: l.level === 0 ? 600 : undefined }}>
                      {l[lang]}
                    </td>
                    <td className="num">{"fen" in l.cell ? yuan(l.cell.fen, lang) : cellText(l.cell)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section title={zh ? "按季度、按类别的支出" : "Spending by category per quarter"} testId="rd-quarters">
            <QuarterChart amounts={summary.byQuarter} year={summary.year} lang={lang} />
            <QuarterTable summary={summary} lang={lang} />
          </Section>
          {ledgers.map((l) => (
            <Section
              key={String(l.projectId)}
              title={`${zh ? "研发支出辅助账 · 项目" : "Ledger · project"} ${l.projectId}`}
              testId="rd-project-ledger"
            >
              <table className="data">
                <thead>
                  <tr>
                    {LEDGER_COLUMNS.map((c) => (
                      <th key={c.key}>{c[lang]}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {l.rows.map((r) => (
                    <tr key={`${r.txHash}-${r.logIndex}`}>
                      {LEDGER_COLUMNS.map((c) => {
                        if (c.key === "txHash")
                          return (
                            <td key={c.key}>
                              <TxLink hash={r.txHash} />
                            </td>
                          );
                        if (c.key === "payee") return <td key={c.key}>{addressLabel(r.payee, names)}</td>;
                        const cell = c.value(r, lang);
                        return (
                          <td
                            key={c.key}
                            className={"fen" in cell ? "num" : c.key === "invoiceHash" ? "mono" : undefined}
                          >
                            {"fen" in cell
                              ? yuan(cell.fen, lang)
                              : c.key === "invoiceHash"
                                ? `${cell.text.slice(0, 10)}…`
                                : cell.text}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
          ))}
        </>
      )}
      <GreenReportSection rows={rows} />
    </>
  );
}

function QuarterTable({ summary, lang }: { summary: NonNullable<ReturnType<typeof summarise>>; lang: "zh" | "en" }) {
  const cell = (q: number, c: string) =>
    summary.byQuarter.find((x) => x.quarter === q && x.category === c)?.amountFen ?? 0n;
  return (
    <table className="data">
      <thead>
        <tr>
          <th>{lang === "zh" ? "类别" : "Category"}</th>
          {[1, 2, 3, 4].map((q) => (
            <th key={q}>Q{q}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {CATEGORY_KEYS.map((c) => (
          <tr key={c}>
            <td>{CATEGORY_RULES[c][lang]}</td>
            {[1, 2, 3, 4].map((q) => {
              const v = cell(q, c);
              return (
                <td key={q} className="num" title={formatAmount(v, 2)}>
                  {v === 0n ? "–" : formatAmount(v, 2, { locale: lang, compact: true })}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The green report of any financier of the ledger's projects (the auditor's view; a financier's own is on its page). */
function GreenReportSection({ rows }: { rows: ReturnType<typeof useLedgerRows>["rows"] }) {
  const { names } = useDeployment();
  const t = useT();
  const financiers = useMemo(() => [...new Set(rows.flatMap((r) => r.shares.map((s) => s.financier)))], [rows]);
  const [choice, setChoice] = useState("");
  const financier = (choice || financiers[0] || "") as Hex;
  if (!financier) return null;
  return (
    <GreenReportPanel
      financier={financier}
      testId="rd-green"
      picker={
        <label>
          {t("green.financier")}
          <select value={financier} onChange={(e) => setChoice(e.target.value)} data-testid="rd-green-financier">
            {financiers.map((f) => (
              <option key={f} value={f}>
                {addressLabel(f, names)}
              </option>
            ))}
          </select>
        </label>
      }
    />
  );
}
