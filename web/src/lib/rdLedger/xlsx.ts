/**
 * The XLSX documents (exceljs), from the column table of ./columns.ts: the auxiliary ledger with its summary, and
 * the green-finance report. Chinese sheets with the official names first, then the same content in English.
 * Amount cells are numbers in yuan with the format #,##0.00; dates are text in China Standard Time.
 */
import ExcelJS from "exceljs";

import type { GreenReport, ProjectLedger, YearSummary } from "./builder.ts";
import { GREEN_COLUMNS, LEDGER_COLUMNS, summaryLines, type Cell, type Column, type Lang } from "./columns.ts";
import { fenToYuan } from "./money.ts";
import { periodDays } from "./period.ts";
import { GREEN_RULES, RD_FORM_RULES, SOURCES } from "./rules.ts";

const AMOUNT_FORMAT = "#,##0.00";

/** A cell's spreadsheet value: yuan as a number (exact to the fen for any realistic amount), or text. */
const value = (c: Cell): string | number => ("fen" in c ? Number(fenToYuan(c.fen)) : c.text);

function addTable<R>(sheet: ExcelJS.Worksheet, columns: readonly Column<R>[], rows: readonly R[], lang: Lang) {
  const header = sheet.addRow(columns.map((c) => c[lang]));
  header.font = { bold: true };
  for (const r of rows) {
    const cells = columns.map((c) => c.value(r, lang));
    const row = sheet.addRow(cells.map(value));
    cells.forEach((c, i) => {
      if ("fen" in c) row.getCell(i + 1).numFmt = AMOUNT_FORMAT;
    });
  }
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
}

function addSummary(sheet: ExcelJS.Worksheet, summary: YearSummary, lang: Lang) {
  const header = sheet.addRow(lang === "zh" ? ["项目", "金额（元）"] : ["Line", "Amount (yuan)"]);
  header.font = { bold: true };
  for (const line of summaryLines(summary)) {
    const row = sheet.addRow([`${"  ".repeat(line.level)}${line[lang]}`, value(line.cell)]);
    if ("fen" in line.cell) row.getCell(2).numFmt = AMOUNT_FORMAT;
    if (line.level === 0) row.font = { bold: true };
  }
  sheet.getColumn(1).width = 64;
  sheet.getColumn(2).width = 20;
}

function addSources(sheet: ExcelJS.Worksheet) {
  sheet.addRow(["文号 / Reference", "名称 / Title", "条款 / Where"]).font = { bold: true };
  for (const s of Object.values(SOURCES)) sheet.addRow([s.ref, s.title, s.where]);
  [36, 60, 90].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

const workbook = () => {
  const wb = new ExcelJS.Workbook();
  wb.creator = "rd-chain-finance";
  return wb;
};

const bytes = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await wb.xlsx.writeBuffer());

/** Sheet names of the ledger workbook (the e2e test and the CLI read them back). */
export const LEDGER_SHEETS = {
  summaryZh: "研发支出辅助账汇总表",
  projectZh: (projectId: bigint) => `研发支出辅助账-项目${projectId}`,
  summaryEn: "Summary (EN)",
  rowsEn: "Ledger (EN)",
  sources: "政策依据 Sources",
} as const;

/** The auxiliary ledger (one sheet per project) and the summary of the firm's year, in Chinese and English. */
export async function ledgerWorkbook(ledgers: readonly ProjectLedger[], summary: YearSummary): Promise<Uint8Array> {
  const wb = workbook();
  addSummary(wb.addWorksheet(LEDGER_SHEETS.summaryZh), summary, "zh");
  for (const l of ledgers) {
    const sheet = wb.addWorksheet(LEDGER_SHEETS.projectZh(l.projectId));
    sheet.addRow([`项目 ${l.projectId} · ${RD_FORM_RULES[l.rdForm].zh} · ${GREEN_RULES[l.greenCategory].zh}`]).font = {
      bold: true,
    };
    addTable(sheet, LEDGER_COLUMNS, l.rows, "zh");
  }
  addSummary(wb.addWorksheet(LEDGER_SHEETS.summaryEn), summary, "en");
  addTable(
    wb.addWorksheet(LEDGER_SHEETS.rowsEn),
    LEDGER_COLUMNS,
    ledgers.flatMap((l) => l.rows),
    "en",
  );
  addSources(wb.addWorksheet(LEDGER_SHEETS.sources));
  return bytes(wb);
}

/** The green-finance report of one financier, in Chinese and English. */
export async function greenWorkbook(report: GreenReport): Promise<Uint8Array> {
  const wb = workbook();
  for (const lang of ["zh", "en"] as const) {
    const sheet = wb.addWorksheet(lang === "zh" ? "绿色金融报告" : "Green report (EN)");
    const { first, last } = periodDays(report.from, report.to);
    sheet.addRow([
      lang === "zh"
        ? `出资方 ${report.financier} · 报告期 ${first} 至 ${last}（北京时间）`
        : `Financier ${report.financier} · period ${first} to ${last} (China Standard Time)`,
    ]).font = { bold: true };
    addTable(sheet, GREEN_COLUMNS, report.rows, lang);
    sheet.addRow([]);
    sheet.addRow(
      lang === "zh"
        ? ["绿色项目类别", "项目编号", "归属本机构资金（元）"]
        : ["Green category", "Project", "Attributed (yuan)"],
    ).font = {
      bold: true,
    };
    for (const t of report.totals) {
      const row = sheet.addRow([
        GREEN_RULES[t.greenCategory][lang],
        String(t.projectId),
        value({ fen: t.attributedFen }),
      ]);
      row.getCell(3).numFmt = AMOUNT_FORMAT;
    }
  }
  addSources(wb.addWorksheet("政策依据 Sources"));
  return bytes(wb);
}
