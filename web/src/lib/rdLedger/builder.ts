/**
 * The R&D auxiliary ledger (研发支出辅助账), its yearly summary (研发支出辅助账汇总表) and the green-finance
 * report, built from the escrow's events alone.
 *
 * Pure and deterministic: typed events in (./types.ts), rows and summaries out, every amount an exact bigint of
 * fen (./money.ts). The rules and their sources are in ./rules.ts; docs/RD-LEDGER.md explains each figure.
 */
import { sortEvents, splitProRata, walkContributions, type Share } from "./attribution.ts";
import { cstParts, minBig, mulDivDown, toFen } from "./money.ts";
import {
  CATEGORY_KEYS,
  CATEGORY_RULES,
  DEFAULT_EXTRA_RATE,
  RATES,
  RD_FORM_KEYS,
  type AccountingKey,
  type CategoryKey,
  type ExtraRate,
  type GreenKey,
  type RdFormKey,
  type StageKey,
} from "./rules.ts";
import type { Hex, LedgerEvent, TokenDecimals } from "./types.ts";

/** What the ledger knows of a project from its ProjectCreated and ProjectClassified events. */
export interface ProjectProfile {
  projectId: bigint;
  firm: Hex;
  token: Hex;
  decimals: number;
  rdForm: RdFormKey;
  greenCategory: GreenKey;
  milestones: readonly { stage: StageKey; accounting: AccountingKey }[];
}

/** One payment, one row of the auxiliary ledger. */
export interface LedgerRow {
  projectId: bigint;
  firm: Hex;
  /** Tax year and quarter in China Standard Time. */
  year: number;
  quarter: number;
  /** "YYYY-MM-DD HH:mm:ss" in China Standard Time. */
  date: string;
  timestamp: number;
  blockNumber: bigint;
  logIndex: number;
  txHash: Hex;
  invoiceHash: Hex;
  payee: Hex;
  milestoneIndex: number;
  stage: StageKey;
  accounting: AccountingKey;
  category: CategoryKey;
  rdForm: RdFormKey;
  greenCategory: GreenKey;
  /** The payment, in fen. */
  amountFen: bigint;
  /** The part attributed (pro rata) to financiers whose contribution is flagged as non-taxable fiscal funds. */
  fiscalFen: bigint;
  /** The part that counts towards the deduction: amount − fiscal part; 0 for a non-qualifying payment. */
  countedFen: bigint;
  /** The payment attributed to each financier (sums to amountFen). */
  shares: readonly Share[];
}

/** The projects of the events, by id. */
export function projectProfiles(events: readonly LedgerEvent[], decimals: TokenDecimals): Map<bigint, ProjectProfile> {
  const out = new Map<bigint, ProjectProfile>();
  for (const e of events) {
    if (e.kind === "ProjectCreated") {
      const d = decimals.get(e.token.toLowerCase());
      if (d === undefined) throw new Error(`The decimals of token ${e.token} (project ${e.projectId}) are not known.`);
      out.set(e.projectId, {
        projectId: e.projectId,
        firm: e.firm,
        token: e.token,
        decimals: d,
        rdForm: "Independent",
        greenCategory: "None",
        milestones: e.milestones,
      });
    }
  }
  for (const e of events) {
    if (e.kind !== "ProjectClassified") continue;
    const p = out.get(e.projectId);
    if (p) out.set(e.projectId, { ...p, rdForm: e.rdForm, greenCategory: e.greenCategory });
  }
  return out;
}

/** Every payment of every project, in chain order, with its attribution and fiscal-funds part. */
export function buildRows(events: readonly LedgerEvent[], decimals: TokenDecimals): LedgerRow[] {
  const sorted = sortEvents(events);
  const profiles = projectProfiles(sorted, decimals);
  // A flag covers the financier's whole contribution to the project, before and after it was set.
  const fiscal = new Set<string>();
  for (const e of sorted)
    if (e.kind === "FiscalFundsFlagged") fiscal.add(`${e.projectId}:${e.financier.toLowerCase()}`);
  const rows: LedgerRow[] = [];
  walkContributions(sorted, (e, weights) => {
    const p = profiles.get(e.projectId);
    if (!p)
      throw new Error(
        `Payment in transaction ${e.transactionHash} names project ${e.projectId}, which has no ProjectCreated event.`,
      );
    const m = p.milestones[e.milestoneIndex];
    if (!m)
      throw new Error(
        `Payment in transaction ${e.transactionHash} names milestone ${e.milestoneIndex} of project ${e.projectId}, which does not exist.`,
      );
    const amountFen = toFen(e.amount, p.decimals);
    const shares = splitProRata(amountFen, weights);
    const fiscalFen = shares
      .filter((s) => fiscal.has(`${e.projectId}:${s.financier}`))
      .reduce((sum, s) => sum + s.fen, 0n);
    const qualifying = CATEGORY_RULES[e.category].kind !== "none";
    const cst = cstParts(e.timestamp);
    rows.push({
      projectId: e.projectId,
      firm: p.firm,
      year: cst.year,
      quarter: cst.quarter,
      date: cst.text,
      timestamp: e.timestamp,
      blockNumber: e.blockNumber,
      logIndex: e.logIndex,
      txHash: e.transactionHash,
      invoiceHash: e.invoiceHash,
      payee: e.payee,
      milestoneIndex: e.milestoneIndex,
      stage: m.stage,
      accounting: m.accounting,
      category: e.category,
      rdForm: p.rdForm,
      greenCategory: p.greenCategory,
      amountFen,
      fiscalFen,
      countedFen: qualifying ? amountFen - fiscalFen : 0n,
      shares,
    });
  });
  return rows;
}

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The rows of one firm's projects paid in one tax year (CST). */
export const rowsOfFirmYear = (rows: readonly LedgerRow[], firm: string, year: number): LedgerRow[] =>
  rows.filter((r) => sameAddress(r.firm, firm) && r.year === year);

export interface ProjectLedger {
  projectId: bigint;
  rdForm: RdFormKey;
  greenCategory: GreenKey;
  rows: LedgerRow[];
  amountFen: bigint;
  fiscalFen: bigint;
  countedFen: bigint;
}

/** The auxiliary ledger: the firm's rows of the year, one ledger per project (by id). */
export function auxiliaryLedgers(rows: readonly LedgerRow[], firm: string, year: number): ProjectLedger[] {
  const byProject = new Map<bigint, ProjectLedger>();
  for (const r of rowsOfFirmYear(rows, firm, year)) {
    let l = byProject.get(r.projectId);
    if (!l) {
      l = {
        projectId: r.projectId,
        rdForm: r.rdForm,
        greenCategory: r.greenCategory,
        rows: [],
        amountFen: 0n,
        fiscalFen: 0n,
        countedFen: 0n,
      };
      byProject.set(r.projectId, l);
    }
    l.rows.push(r);
    l.amountFen += r.amountFen;
    l.fiscalFen += r.fiscalFen;
    l.countedFen += r.countedFen;
  }
  return [...byProject.values()].sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
}

export interface CategoryLine {
  category: CategoryKey;
  amountFen: bigint;
  fiscalFen: bigint;
  countedFen: bigint;
  expensedFen: bigint;
  capitalisedFen: bigint;
}

export interface FormLine {
  rdForm: RdFormKey;
  amountFen: bigint;
  countedFen: bigint;
}

/** The yearly summary of one firm, every intermediate figure in fen. */
export interface YearSummary {
  firm: Hex;
  year: number;
  extraRate: ExtraRate;
  projectCount: number;
  rowCount: number;
  byCategory: CategoryLine[];
  byForm: FormLine[];
  /** Per quarter (1–4) and category: what was paid (for the chart). */
  byQuarter: { quarter: number; category: CategoryKey; amountFen: bigint }[];
  amountFen: bigint;
  fiscalFen: bigint;
  nonQualifyingFen: bigint;
  /** Σ of the counted parts of items 1–5 over all the firm's projects of the year. */
  items1to5Fen: bigint;
  /** Counted part of item 6 (其他相关费用) over all projects. */
  otherActualFen: bigint;
  /** items1to5 × 10% / (1 − 10%), rounded down. */
  otherCapFen: bigint;
  /** min(otherActual, otherCap). */
  otherAllowedFen: bigint;
  otherCapBinding: boolean;
  /** items1to5 + otherAllowed: the qualifying expenses of own, cooperative and centralised R&D. */
  ownQualifyingFen: bigint;
  entrustedDomesticActualFen: bigint;
  /** 80% of the domestic entrusted amount, rounded down. */
  entrustedDomesticCountedFen: bigint;
  /** ownQualifying + entrustedDomesticCounted: 境内符合条件的研发费用. */
  domesticQualifyingFen: bigint;
  entrustedAbroadActualFen: bigint;
  /** 80% of the abroad amount, rounded down. */
  entrustedAbroad80Fen: bigint;
  /** domesticQualifying × 2/3, rounded down. */
  abroadCapFen: bigint;
  /** min(entrustedAbroad80, abroadCap). */
  abroadAllowedFen: bigint;
  abroadCapBinding: boolean;
  /** domesticQualifying + abroadAllowed: 允许加计扣除的研发费用合计. */
  deductibleBaseFen: bigint;
  /** The base split by the treatment of the milestones paid (pro rata of the pre-cap qualifying amounts). */
  expensedBaseFen: bigint;
  capitalisedBaseFen: bigint;
  /** expensedBase × rate: deducted this year on top of the expense itself. */
  extraDeductionFen: bigint;
  /** capitalisedBase × (1 + rate): the tax basis of the intangible asset, amortised from when it is in use. */
  capitalisedTaxBasisFen: bigint;
}

/** The summary of the firm's year from its rows (the rows of every project of the year, see rowsOfFirmYear). */
export function summarise(
  rows: readonly LedgerRow[],
  firm: Hex,
  year: number,
  extraRate: ExtraRate = DEFAULT_EXTRA_RATE,
): YearSummary {
  const mine = rowsOfFirmYear(rows, firm, year);
  const byCategory = new Map<CategoryKey, CategoryLine>(
    CATEGORY_KEYS.map((c) => [
      c,
      { category: c, amountFen: 0n, fiscalFen: 0n, countedFen: 0n, expensedFen: 0n, capitalisedFen: 0n },
    ]),
  );
  const byForm = new Map<RdFormKey, FormLine>(
    RD_FORM_KEYS.map((f) => [f, { rdForm: f, amountFen: 0n, countedFen: 0n }]),
  );
  const quarter = new Map<string, bigint>();
  for (const r of mine) {
    const c = byCategory.get(r.category)!;
    c.amountFen += r.amountFen;
    c.fiscalFen += r.fiscalFen;
    c.countedFen += r.countedFen;
    if (r.accounting === "Capitalised") c.capitalisedFen += r.countedFen;
    else c.expensedFen += r.countedFen;
    const f = byForm.get(r.rdForm)!;
    f.amountFen += r.amountFen;
    f.countedFen += r.countedFen;
    const qk = `${r.quarter}:${r.category}`;
    quarter.set(qk, (quarter.get(qk) ?? 0n) + r.amountFen);
  }
  const lines = [...byCategory.values()];
  const sumKind = (kind: string, pick: (l: CategoryLine) => bigint) =>
    lines.filter((l) => CATEGORY_RULES[l.category].kind === kind).reduce((s, l) => s + pick(l), 0n);

  const items1to5Fen = sumKind("item1to5", (l) => l.countedFen);
  const otherActualFen = sumKind("item6", (l) => l.countedFen);
  const otherCapFen = mulDivDown(items1to5Fen, RATES.otherCap.num, RATES.otherCap.den);
  const otherAllowedFen = minBig(otherActualFen, otherCapFen);
  const ownQualifyingFen = items1to5Fen + otherAllowedFen;
  const entrustedDomesticActualFen = sumKind("entrustedDomestic", (l) => l.countedFen);
  const entrustedDomesticCountedFen = mulDivDown(entrustedDomesticActualFen, RATES.entrusted.num, RATES.entrusted.den);
  const domesticQualifyingFen = ownQualifyingFen + entrustedDomesticCountedFen;
  const entrustedAbroadActualFen = sumKind("entrustedAbroad", (l) => l.countedFen);
  const entrustedAbroad80Fen = mulDivDown(entrustedAbroadActualFen, RATES.entrusted.num, RATES.entrusted.den);
  const abroadCapFen = mulDivDown(domesticQualifyingFen, RATES.abroadCap.num, RATES.abroadCap.den);
  const abroadAllowedFen = minBig(entrustedAbroad80Fen, abroadCapFen);
  const deductibleBaseFen = domesticQualifyingFen + abroadAllowedFen;

  // Pre-cap qualifying amounts by treatment (entrusted at 80%), to split the base.
  const preCap = (pick: (l: CategoryLine) => bigint) =>
    lines.reduce((s, l) => {
      const kind = CATEGORY_RULES[l.category].kind;
      if (kind === "none") return s;
      const v = pick(l);
      return (
        s +
        (kind === "entrustedDomestic" || kind === "entrustedAbroad"
          ? mulDivDown(v, RATES.entrusted.num, RATES.entrusted.den)
          : v)
      );
    }, 0n);
  const preExpensed = preCap((l) => l.expensedFen);
  const preCapitalised = preCap((l) => l.capitalisedFen);
  const capitalisedBaseFen =
    preExpensed + preCapitalised === 0n
      ? 0n
      : mulDivDown(deductibleBaseFen, preCapitalised, preExpensed + preCapitalised);
  const expensedBaseFen = deductibleBaseFen - capitalisedBaseFen;
  const rate = BigInt(extraRate);

  return {
    firm,
    year,
    extraRate,
    projectCount: new Set(mine.map((r) => r.projectId)).size,
    rowCount: mine.length,
    byCategory: lines,
    byForm: [...byForm.values()],
    byQuarter: [...quarter.entries()].map(([k, amountFen]) => {
      const [q, category] = k.split(":");
      return { quarter: Number(q), category: category as CategoryKey, amountFen };
    }),
    amountFen: lines.reduce((s, l) => s + l.amountFen, 0n),
    fiscalFen: lines.reduce((s, l) => s + l.fiscalFen, 0n),
    nonQualifyingFen: byCategory.get("NonQualifying")!.amountFen,
    items1to5Fen,
    otherActualFen,
    otherCapFen,
    otherAllowedFen,
    otherCapBinding: otherActualFen > otherCapFen,
    ownQualifyingFen,
    entrustedDomesticActualFen,
    entrustedDomesticCountedFen,
    domesticQualifyingFen,
    entrustedAbroadActualFen,
    entrustedAbroad80Fen,
    abroadCapFen,
    abroadAllowedFen,
    abroadCapBinding: entrustedAbroad80Fen > abroadCapFen,
    deductibleBaseFen,
    expensedBaseFen,
    capitalisedBaseFen,
    extraDeductionFen: mulDivDown(expensedBaseFen, rate, 100n),
    capitalisedTaxBasisFen: mulDivDown(capitalisedBaseFen, 100n + rate, 100n),
  };
}

/** One payment's part attributed to the financier, for the green-finance report. */
export interface GreenRow {
  projectId: bigint;
  greenCategory: GreenKey;
  date: string;
  txHash: Hex;
  invoiceHash: Hex;
  payee: Hex;
  category: CategoryKey;
  paymentFen: bigint;
  attributedFen: bigint;
}

export interface GreenReport {
  financier: Hex;
  /** The period, Unix seconds, [from, to). */
  from: number;
  to: number;
  rows: GreenRow[];
  /** Per green category (including "None") and project: what the financier's money paid for. */
  totals: { greenCategory: GreenKey; projectId: bigint; attributedFen: bigint }[];
  attributedFen: bigint;
  greenFen: bigint;
}

/** The green-finance report of one financier over [from, to) (Unix seconds; see cstYearStart for years). */
export function greenReport(rows: readonly LedgerRow[], financier: Hex, from: number, to: number): GreenReport {
  const key = financier.toLowerCase();
  const out: GreenRow[] = [];
  for (const r of rows) {
    if (r.timestamp < from || r.timestamp >= to) continue;
    const share = r.shares.find((s) => s.financier === key);
    if (!share || share.fen === 0n) continue;
    out.push({
      projectId: r.projectId,
      greenCategory: r.greenCategory,
      date: r.date,
      txHash: r.txHash,
      invoiceHash: r.invoiceHash,
      payee: r.payee,
      category: r.category,
      paymentFen: r.amountFen,
      attributedFen: share.fen,
    });
  }
  const totals = new Map<string, { greenCategory: GreenKey; projectId: bigint; attributedFen: bigint }>();
  for (const r of out) {
    const k = `${r.greenCategory}:${r.projectId}`;
    const t = totals.get(k) ?? { greenCategory: r.greenCategory, projectId: r.projectId, attributedFen: 0n };
    t.attributedFen += r.attributedFen;
    totals.set(k, t);
  }
  const attributedFen = out.reduce((s, r) => s + r.attributedFen, 0n);
  return {
    financier,
    from,
    to,
    rows: out,
    totals: [...totals.values()].sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0)),
    attributedFen,
    greenFen: out.filter((r) => r.greenCategory !== "None").reduce((s, r) => s + r.attributedFen, 0n),
  };
}
