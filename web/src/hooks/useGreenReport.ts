"use client";
/**
 * The green-finance report of one financier over a period (a CST year or quarter), from the indexer's aggregates of
 * that financier alone (indexer/src/reducers/green.ts): its quarter totals per project (`greenTotal`, which also
 * give the years in which its money paid for anything) and its shares of the period's payments (`paymentShare`),
 * mapped by lib/rdLedger's greenReportFromIndexed into the same report the `npm run ledger -- --report green`
 * command builds from the whole history. Without a chosen year (or one the financier has nothing in) the period is
 * its latest year. A failed read leaves the report unknown (undefined, with the error), never empty.
 */
import { periodBounds, type GreenReport, type Hex, type Quarter, type ReportPeriod } from "@/lib/rdLedger";
import { greenReportFromIndexed, GreenReadMismatch, greenYears } from "@/lib/rdLedger/greenIndexed";
import type { IndexerClient } from "@/lib/indexer/client";
import { useIndexed } from "./useIndexer";

export interface GreenReportState {
  /** Undefined until read, when the read failed (see error), or when the financier's money paid for nothing. */
  report?: GreenReport;
  /** The period reported. */
  period?: ReportPeriod;
  /** CST years with a payment attributed to the financier, ascending. */
  years: number[];
  isReady: boolean;
  error: Error | null;
}

interface GreenRead {
  report?: GreenReport;
  period?: ReportPeriod;
  years: number[];
}

/** Reads the totals and then the period's shares; again when the indexer moved in between (a payment indexed). */
async function readGreenReport(
  c: IndexerClient,
  financier: Hex,
  choice: { year?: number; quarter?: Quarter },
): Promise<GreenRead> {
  const key = financier.toLowerCase();
  for (let attempt = 1; ; attempt++) {
    const totals = await c.all("greenTotal", { where: { financier: key } });
    const years = greenYears(totals);
    const year = choice.year !== undefined && years.includes(choice.year) ? choice.year : years[years.length - 1];
    if (year === undefined) return { years };
    const period: ReportPeriod = { year, ...(choice.quarter ? { quarter: choice.quarter } : {}) };
    const { from, to } = periodBounds(period);
    const shares = await c.all("paymentShare", {
      where: { financier: key, timestamp_gte: BigInt(from), timestamp_lt: BigInt(to), fen_gt: 0n },
      orderBy: "id",
      orderDirection: "asc",
    });
    try {
      return { years, period, report: greenReportFromIndexed(financier, period, totals, shares) };
    } catch (error) {
      if (!(error instanceof GreenReadMismatch) || attempt >= 3) throw error;
    }
  }
}

export function useGreenReport(
  financier: Hex | undefined,
  choice: { year?: number; quarter?: Quarter } = {},
): GreenReportState {
  const read = useIndexed(
    ["greenReport", financier?.toLowerCase(), choice.year, choice.quarter],
    (c) => readGreenReport(c, financier!, choice),
    !!financier,
  );
  return {
    report: read.data?.report,
    period: read.data?.period,
    years: read.data?.years ?? [],
    isReady: read.isReady,
    error: read.error,
  };
}
