/**
 * The column mapping of the documents: one table, used by the XLSX writer and the CSV export alike (and printed
 * in docs/RD-LEDGER.md). Each column names its header in Chinese (the official wording of the auxiliary ledger,
 * 国家税务总局公告2021年第28号 附件) and English, and how a row's value is written.
 */
import { toCsv } from "../csvFormat.ts";
import type { GreenReport, GreenRow, LedgerRow, YearSummary } from "./builder.ts";
import { fenToYuan } from "./money.ts";
import { ACCOUNTING_RULES, CATEGORY_RULES, EXTRA_RATES, GREEN_RULES, RD_FORM_RULES, STAGE_RULES } from "./rules.ts";

export type Lang = "zh" | "en";

/** A cell: text, or an amount in fen (written as yuan with two decimals). */
export type Cell = { text: string } | { fen: bigint };

export interface Column<R> {
  key: string;
  zh: string;
  en: string;
  /** Width in characters, for the spreadsheet. */
  width: number;
  value: (row: R, lang: Lang) => Cell;
}

const text = (s: string | number | bigint): Cell => ({ text: String(s) });
const fen = (f: bigint): Cell => ({ fen: f });

/** The auxiliary ledger's columns (研发支出辅助账, one row per payment). */
export const LEDGER_COLUMNS: readonly Column<LedgerRow>[] = [
  { key: "date", zh: "日期（北京时间）", en: "Date (CST)", width: 20, value: (r) => text(r.date) },
  { key: "project", zh: "研发项目编号", en: "Project", width: 10, value: (r) => text(r.projectId) },
  { key: "rdForm", zh: "研发形式", en: "R&D form", width: 12, value: (r, l) => text(RD_FORM_RULES[r.rdForm][l]) },
  {
    key: "txHash",
    zh: "凭证号（交易哈希）",
    en: "Voucher (transaction hash)",
    width: 68,
    value: (r) => text(r.txHash),
  },
  { key: "invoiceHash", zh: "发票哈希", en: "Invoice hash", width: 68, value: (r) => text(r.invoiceHash) },
  { key: "payee", zh: "收款方", en: "Payee", width: 44, value: (r) => text(r.payee) },
  { key: "milestone", zh: "里程碑", en: "Milestone", width: 8, value: (r) => text(r.milestoneIndex + 1) },
  { key: "stage", zh: "研发阶段", en: "Stage", width: 12, value: (r, l) => text(STAGE_RULES[r.stage][l]) },
  {
    key: "accounting",
    zh: "费用化/资本化",
    en: "Expensed / capitalised",
    width: 12,
    value: (r, l) => text(ACCOUNTING_RULES[r.accounting][l]),
  },
  {
    key: "category",
    zh: "费用明细（法定类别）",
    en: "Statutory category",
    width: 30,
    value: (r, l) => text(CATEGORY_RULES[r.category][l]),
  },
  { key: "item", zh: "项次", en: "Item", width: 6, value: (r) => text(CATEGORY_RULES[r.category].item ?? "") },
  { key: "amount", zh: "金额（元）", en: "Amount (yuan)", width: 16, value: (r) => fen(r.amountFen) },
  {
    key: "fiscal",
    zh: "其中：不征税收入（财政性资金）",
    en: "Of which non-taxable fiscal funds",
    width: 16,
    value: (r) => fen(r.fiscalFen),
  },
  {
    key: "counted",
    zh: "可加计扣除金额（元）",
    en: "Counted amount (yuan)",
    width: 16,
    value: (r) => fen(r.countedFen),
  },
];

/** The green-finance report's columns. */
export const GREEN_COLUMNS: readonly Column<GreenRow>[] = [
  { key: "date", zh: "日期（北京时间）", en: "Date (CST)", width: 20, value: (r) => text(r.date) },
  { key: "project", zh: "项目编号", en: "Project", width: 10, value: (r) => text(r.projectId) },
  {
    key: "green",
    zh: "绿色项目类别（2021年版目录一级）",
    en: "Green category (2021 catalogue)",
    width: 24,
    value: (r, l) => text(GREEN_RULES[r.greenCategory][l]),
  },
  { key: "payee", zh: "收款方", en: "Payee", width: 44, value: (r) => text(r.payee) },
  {
    key: "category",
    zh: "用途（法定类别）",
    en: "Purpose (statutory category)",
    width: 30,
    value: (r, l) => text(CATEGORY_RULES[r.category][l]),
  },
  { key: "txHash", zh: "交易哈希", en: "Transaction hash", width: 68, value: (r) => text(r.txHash) },
  { key: "invoiceHash", zh: "发票哈希", en: "Invoice hash", width: 68, value: (r) => text(r.invoiceHash) },
  { key: "payment", zh: "支付金额（元）", en: "Payment (yuan)", width: 16, value: (r) => fen(r.paymentFen) },
  {
    key: "attributed",
    zh: "归属本机构资金（元）",
    en: "Attributed to this financier (yuan)",
    width: 16,
    value: (r) => fen(r.attributedFen),
  },
];

/** A line of the summary table: a label and a figure (amount in fen, or text). */
export interface SummaryLine {
  key: string;
  zh: string;
  en: string;
  cell: Cell;
  /** Indentation level, for the spreadsheet. */
  level: number;
}

/** The summary table (研发支出辅助账汇总表), in the order of the official form, with every intermediate figure. */
export function summaryLines(s: YearSummary): SummaryLine[] {
  const cat = (k: keyof typeof CATEGORY_RULES) => s.byCategory.find((l) => l.category === k)!;
  const L = (key: string, zh: string, en: string, cell: Cell, level = 0): SummaryLine => ({ key, zh, en, cell, level });
  const items = (
    ["Personnel", "DirectInputs", "Depreciation", "Amortisation", "NewProductDesign", "OtherRelated"] as const
  ).map((k, i) =>
    L(
      `item${i + 1}`,
      `${i + 1}. ${CATEGORY_RULES[k].zh}`,
      `${i + 1}. ${CATEGORY_RULES[k].en}`,
      fen(cat(k).countedFen),
      2,
    ),
  );
  return [
    L("firm", "企业", "Firm", text(s.firm)),
    L("year", "所属年度（北京时间）", "Tax year (CST)", text(s.year)),
    L("projects", "研发项目数", "Projects", text(s.projectCount)),
    L("paid", "支付合计", "Total paid", fen(s.amountFen)),
    L(
      "fiscal",
      "减：不征税收入（财政性资金）形成的费用",
      "Less: paid from non-taxable fiscal funds",
      fen(s.fiscalFen),
      1,
    ),
    L("nonQualifying", "减：不属于可加计扣除的研发费用", "Less: not qualifying", fen(s.nonQualifyingFen), 1),
    L("own", "一、自主研发、合作研发、集中研发", "I. Own, cooperative and centralised R&D", fen(s.ownQualifyingFen)),
    ...items.slice(0, 5),
    L("items1to5", "第1–5项小计", "Subtotal items 1–5", fen(s.items1to5Fen), 1),
    items[5],
    L(
      "otherCap",
      "其他相关费用限额 = 第1–5项小计 × 10% / (1 − 10%)",
      "Cap on item 6 = items 1–5 × 10% / (1 − 10%)",
      fen(s.otherCapFen),
      1,
    ),
    L("otherAllowed", "经限额调整后的其他相关费用", "Item 6 after the cap", fen(s.otherAllowedFen), 1),
    L("otherBinding", "限额是否起作用", "Cap binding", text(s.otherCapBinding ? "是" : "否"), 1),
    L("entrusted", "二、委托研发", "II. Entrusted R&D", fen(s.entrustedDomesticCountedFen + s.abroadAllowedFen)),
    L(
      "domesticActual",
      "委托境内机构或个人进行研发活动所发生的费用",
      "Entrusted domestic, paid",
      fen(s.entrustedDomesticActualFen),
      1,
    ),
    L(
      "domesticCounted",
      "允许加计扣除的委托境内研发费用（×80%）",
      "Entrusted domestic counted (× 80%)",
      fen(s.entrustedDomesticCountedFen),
      1,
    ),
    L("domesticQualifying", "境内符合条件的研发费用", "Domestic qualifying expenses", fen(s.domesticQualifyingFen), 1),
    L(
      "abroadActual",
      "委托境外机构进行研发活动所发生的费用",
      "Entrusted abroad, paid",
      fen(s.entrustedAbroadActualFen),
      1,
    ),
    L("abroad80", "委托境外研发费用（×80%）", "Entrusted abroad × 80%", fen(s.entrustedAbroad80Fen), 1),
    L("abroadCap", "限额 = 境内符合条件的研发费用 × 2/3", "Cap = domestic qualifying × 2/3", fen(s.abroadCapFen), 1),
    L("abroadAllowed", "经限额调整后的委托境外研发费用", "Entrusted abroad after the cap", fen(s.abroadAllowedFen), 1),
    L("abroadBinding", "限额是否起作用", "Cap binding", text(s.abroadCapBinding ? "是" : "否"), 1),
    L("base", "三、允许加计扣除的研发费用合计", "III. Deductible base", fen(s.deductibleBaseFen)),
    L("expensedBase", "其中：费用化部分", "Of which expensed", fen(s.expensedBaseFen), 1),
    L("capitalisedBase", "其中：资本化部分", "Of which capitalised", fen(s.capitalisedBaseFen), 1),
    L("rate", "加计扣除比例", "Extra-deduction rate", text(EXTRA_RATES[s.extraRate].zh), 0),
    L(
      "extra",
      "四、本年费用化部分加计扣除额",
      "IV. Extra deduction this year (expensed part × rate)",
      fen(s.extraDeductionFen),
    ),
    L(
      "taxBasis",
      "资本化部分形成无形资产的计税基础（按成本的" + (100 + s.extraRate) + "%摊销）",
      `Tax basis of the intangible asset (amortised at ${100 + s.extraRate}%)`,
      fen(s.capitalisedTaxBasisFen),
    ),
  ];
}

/** A cell as CSV/plain text. */
export const cellText = (c: Cell): string => ("fen" in c ? fenToYuan(c.fen) : c.text);

/** CSV of rows under a column table, in one language. */
export function rowsCsv<R>(columns: readonly Column<R>[], rows: readonly R[], lang: Lang): string {
  return toCsv(
    columns.map((c) => c[lang]),
    rows.map((r) => columns.map((c) => cellText(c.value(r, lang)))),
  );
}

/** CSV of the summary lines, in one language. */
export function summaryCsv(lines: readonly SummaryLine[], lang: Lang): string {
  return toCsv(
    lang === "zh" ? ["项目", "金额（元）"] : ["Line", "Amount (yuan)"],
    lines.map((l) => [l[lang], cellText(l.cell)]),
  );
}

/** The green report as CSV. */
export const greenCsv = (r: GreenReport, lang: Lang): string => rowsCsv(GREEN_COLUMNS, r.rows, lang);
