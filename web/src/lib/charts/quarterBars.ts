/**
 * The data of the R&D ledger's chart "spending by category per quarter": one stacked bar per CST quarter of the
 * tax year (the quarters of the rows, ./rdLedger cstParts), one segment per statutory category in the rule
 * table's order, and a value axis with round ticks. Pure: amounts in fen in, positions as fractions of the axis
 * (0 = bottom, 1 = top) out, so the view only multiplies by its pixel height.
 */
import { CATEGORY_KEYS, type CategoryKey } from "../rdLedger/rules.ts";
import type { Quarter } from "../rdLedger/period.ts";

export interface QuarterAmount {
  quarter: number;
  category: CategoryKey;
  amountFen: bigint;
}

export interface BarSegment {
  category: CategoryKey;
  amountFen: bigint;
  /** Bottom and top of the segment as fractions of the axis maximum. */
  from: number;
  to: number;
}

export interface QuarterBar {
  quarter: Quarter;
  totalFen: bigint;
  /** The categories paid in the quarter, bottom to top in CATEGORY_KEYS order; zero amounts left out. */
  segments: BarSegment[];
}

export interface QuarterChart {
  bars: QuarterBar[];
  /** The axis maximum (the top tick), in fen; 0 when nothing was paid. */
  axisMaxFen: bigint;
  /** Tick values from 0 to axisMaxFen, in fen. */
  ticksFen: bigint[];
  /** Categories with any amount in the year, in CATEGORY_KEYS order (the legend). */
  categories: CategoryKey[];
}

/**
 * Ticks from 0 to a round axis maximum ≥ maxFen: at most `count` equal steps of 1, 2, 2.5 or 5 × 10ⁿ whole yuan
 * (2.5 only from 10 yuan up, so labels never show fen).
 */
export function roundTicks(maxFen: bigint, count = 4): bigint[] {
  if (maxFen <= 0n) return [0n];
  const maxYuan = (maxFen + 99n) / 100n;
  const rawStep = (maxYuan + BigInt(count) - 1n) / BigInt(count);
  let m = 1n;
  while (m * 10n <= rawStep) m *= 10n;
  const candidates = m === 1n ? [1n, 2n, 5n, 10n] : [m, 2n * m, (5n * m) / 2n, 5n * m, 10n * m];
  const stepYuan = candidates.find((s) => s >= rawStep)!;
  const steps = (maxYuan + stepYuan - 1n) / stepYuan;
  return Array.from({ length: Number(steps) + 1 }, (_, i) => BigInt(i) * stepYuan * 100n);
}

/** Ratio of two non-negative bigints as a float in [0, 1] (exact enough for pixels). */
const fraction = (part: bigint, whole: bigint): number =>
  whole === 0n ? 0 : Number((part * 1_000_000n) / whole) / 1e6;

/** The chart of one tax year from the summary's per-quarter, per-category amounts (summarise().byQuarter). */
export function quarterChart(amounts: readonly QuarterAmount[]): QuarterChart {
  const cell = new Map<string, bigint>();
  for (const a of amounts) {
    if (a.quarter < 1 || a.quarter > 4) throw new Error(`Quarter ${a.quarter} is not a quarter of a year (1–4).`);
    const key = `${a.quarter}:${a.category}`;
    cell.set(key, (cell.get(key) ?? 0n) + a.amountFen);
  }
  const totals = ([1, 2, 3, 4] as const).map((q) =>
    CATEGORY_KEYS.reduce((s, c) => s + (cell.get(`${q}:${c}`) ?? 0n), 0n),
  );
  const max = totals.reduce((m, t) => (t > m ? t : m), 0n);
  const ticksFen = roundTicks(max);
  const axisMaxFen = ticksFen[ticksFen.length - 1];
  const bars = ([1, 2, 3, 4] as const).map((quarter, i): QuarterBar => {
    let below = 0n;
    const segments: BarSegment[] = [];
    for (const category of CATEGORY_KEYS) {
      const amountFen = cell.get(`${quarter}:${category}`) ?? 0n;
      if (amountFen === 0n) continue;
      segments.push({
        category,
        amountFen,
        from: fraction(below, axisMaxFen),
        to: fraction(below + amountFen, axisMaxFen),
      });
      below += amountFen;
    }
    return { quarter, totalFen: totals[i], segments };
  });
  const categories = CATEGORY_KEYS.filter((c) => bars.some((b) => b.segments.some((s) => s.category === c)));
  return { bars, axisMaxFen, ticksFen, categories };
}
