"use client";
/**
 * The green-finance report of one financier over a period (a CST year or quarter), from the ledger's rows
 * (useLedgerRows → the pure greenReport of lib/rdLedger, the same the `npm run ledger -- --report green` command
 * uses), and the years in which the financier's money paid for anything. Without a chosen year (or one the
 * financier has nothing in) the period is its latest year.
 */
import { useMemo } from "react";
import {
  cstYears,
  greenReport,
  periodBounds,
  type GreenReport,
  type Hex,
  type Quarter,
  type ReportPeriod,
} from "@/lib/rdLedger";
import { ALL_FIRMS, useLedgerRows } from "./useLedgerRows";

export interface GreenReportState {
  /** Undefined until the rows are read, or when the financier's money paid for nothing. */
  report?: GreenReport;
  /** The period reported. */
  period?: ReportPeriod;
  /** CST years with a payment attributed to the financier, ascending. */
  years: number[];
  isReady: boolean;
  error: Error | null;
}

export function useGreenReport(
  financier: Hex | undefined,
  choice: { year?: number; quarter?: Quarter } = {},
): GreenReportState {
  const { rows, isReady, error } = useLedgerRows(ALL_FIRMS);
  const key = financier?.toLowerCase();
  const years = useMemo(
    () =>
      key
        ? cstYears(rows.filter((r) => r.shares.some((s) => s.financier === key && s.fen > 0n)).map((r) => r.timestamp))
        : [],
    [rows, key],
  );
  const year = choice.year !== undefined && years.includes(choice.year) ? choice.year : years[years.length - 1];
  const quarter = choice.quarter;
  const period = useMemo(
    () => (year === undefined ? undefined : { year, ...(quarter ? { quarter } : {}) }),
    [year, quarter],
  );
  const report = useMemo(() => {
    if (!financier || !period || !isReady) return undefined;
    const { from, to } = periodBounds(period);
    return greenReport(rows, financier, from, to);
  }, [rows, financier, period, isReady]);
  return { report, period, years, isReady, error };
}
