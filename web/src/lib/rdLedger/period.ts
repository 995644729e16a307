/**
 * Reporting periods of the documents: a tax year or one of its quarters, in China Standard Time (UTC+8). A period
 * is the half-open interval [from, to) of Unix seconds the builder filters by (greenReport), so a payment at
 * 00:00:00 CST on the first day of a period belongs to it and one second earlier to the one before.
 */
import { cstParts } from "./money.ts";

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** A whole tax year, or one quarter of it. */
export interface ReportPeriod {
  year: number;
  quarter?: Quarter;
}

/** Unix seconds of 00:00:00 CST on the first day of `month` (1–12; 13 is January of the next year). */
const cstMonthStart = (year: number, month: number): number => Date.UTC(year, month - 1, 1) / 1000 - 8 * 3600;

/** The period as [from, to) in Unix seconds. */
export function periodBounds(p: ReportPeriod): { from: number; to: number } {
  if (p.quarter === undefined) return { from: cstMonthStart(p.year, 1), to: cstMonthStart(p.year + 1, 1) };
  const first = (p.quarter - 1) * 3 + 1;
  return { from: cstMonthStart(p.year, first), to: cstMonthStart(p.year, first + 3) };
}

/** The first and last calendar day (CST, "YYYY-MM-DD") of [from, to). */
export function periodDays(from: number, to: number): { first: string; last: string } {
  return { first: cstParts(from).date, last: cstParts(to - 1).date };
}

/** "2026", "2026 Q2" / "2026年第2季度": the period's name in the documents and the file names. */
export function periodLabel(p: ReportPeriod, lang: "zh" | "en"): string {
  if (p.quarter === undefined) return lang === "zh" ? `${p.year}年` : String(p.year);
  return lang === "zh" ? `${p.year}年第${p.quarter}季度` : `${p.year} Q${p.quarter}`;
}

/** The period for a file name: "2026" or "2026-Q2". */
export const periodSlug = (p: ReportPeriod): string => (p.quarter ? `${p.year}-Q${p.quarter}` : String(p.year));

/** The tax years (CST) of the given timestamps, ascending, without repeats. */
export function cstYears(timestamps: Iterable<number>): number[] {
  return [...new Set([...timestamps].map((t) => cstParts(t).year))].sort((a, b) => a - b);
}
