/**
 * The green-finance report from the indexer's aggregates (indexer/src/reducers/green.ts): the financier's
 * `greenTotal` rows (per CST quarter and project) and its `paymentShare` rows of the period become the same
 * GreenReport the builder's `greenReport` computes from the whole event history (the indexer splits each payment
 * with the same `splitProRata`; its integration test holds the two equal on the seeded scenario). Not exported by
 * ./index.ts: the command line builds its report from the events and never reads the indexer's rows.
 */
import { getAddress } from "viem";
import { CategoryNames, GreenCategoryNames } from "../../generated/enums.ts";
import type { Row } from "../indexer/rows.ts";
import type { GreenReport, GreenRow } from "./builder.ts";
import { enumName } from "./decode.ts";
import { cstParts } from "./money.ts";
import { periodBounds, type ReportPeriod } from "./period.ts";
import type { Hex } from "./types.ts";

export type GreenTotalRow = Pick<
  Row<"greenTotal">,
  "year" | "quarter" | "projectId" | "greenCategory" | "attributedFen" | "unattributed"
>;
export type GreenShareRow = Pick<
  Row<"paymentShare">,
  | "projectId"
  | "greenCategory"
  | "category"
  | "payee"
  | "invoiceHash"
  | "transactionHash"
  | "amountFen"
  | "fen"
  | "timestamp"
>;

/** The two reads disagree (the indexer moved between them): read again. */
export class GreenReadMismatch extends Error {
  override readonly name = "GreenReadMismatch";
}

/** The CST years in which the financier's money paid for something (or a payment could not be split), ascending. */
export function greenYears(totals: readonly GreenTotalRow[]): number[] {
  const years = totals.filter((t) => t.attributedFen > 0n || t.unattributed > 0).map((t) => t.year);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Whether a quarter total lies in the period (a year, or one of its quarters). */
export const inPeriod = (t: Pick<GreenTotalRow, "year" | "quarter">, p: ReportPeriod): boolean =>
  t.year === p.year && (p.quarter === undefined || t.quarter === p.quarter);

/**
 * The report of `financier` over `period` from its quarter totals (any period; those outside are ignored) and its
 * shares of the period's payments in chain order. Throws when a payment of the period could not be split (its
 * token has no decimals: the report would be short) and GreenReadMismatch when the shares do not add up to the
 * totals.
 */
export function greenReportFromIndexed(
  financier: Hex,
  period: ReportPeriod,
  totals: readonly GreenTotalRow[],
  shares: readonly GreenShareRow[],
): GreenReport {
  const { from, to } = periodBounds(period);
  const mine = totals.filter((t) => inPeriod(t, period));
  const unsplit = mine.filter((t) => t.unattributed > 0);
  if (unsplit.length > 0)
    throw new Error(
      `The payments of project ${unsplit.map((t) => `#${t.projectId}`).join(", ")} in this period cannot be attributed: the token does not tell its decimals.`,
    );
  const rows: GreenRow[] = shares
    .filter((s) => s.fen > 0n && s.timestamp >= BigInt(from) && s.timestamp < BigInt(to))
    .map((s) => ({
      projectId: s.projectId,
      greenCategory: enumName(GreenCategoryNames, s.greenCategory, "GreenCategory"),
      date: cstParts(Number(s.timestamp)).text,
      txHash: s.transactionHash,
      invoiceHash: s.invoiceHash,
      payee: getAddress(s.payee),
      category: enumName(CategoryNames, s.category, "Category"),
      paymentFen: s.amountFen,
      attributedFen: s.fen,
    }));
  const byProject = new Map<bigint, GreenReport["totals"][number]>();
  for (const t of mine) {
    if (t.attributedFen === 0n) continue;
    const line = byProject.get(t.projectId) ?? {
      greenCategory: enumName(GreenCategoryNames, t.greenCategory, "GreenCategory"),
      projectId: t.projectId,
      attributedFen: 0n,
    };
    line.attributedFen += t.attributedFen;
    byProject.set(t.projectId, line);
  }
  const lines = [...byProject.values()].sort((a, b) => (a.projectId < b.projectId ? -1 : 1));
  const ofRows = new Map<bigint, bigint>();
  for (const r of rows) ofRows.set(r.projectId, (ofRows.get(r.projectId) ?? 0n) + r.attributedFen);
  if (ofRows.size !== lines.length || lines.some((l) => ofRows.get(l.projectId) !== l.attributedFen))
    throw new GreenReadMismatch("the green report's totals and payments were read at different blocks");
  const attributedFen = rows.reduce((s, r) => s + r.attributedFen, 0n);
  return {
    financier,
    from,
    to,
    rows,
    totals: lines,
    attributedFen,
    greenFen: lines.filter((l) => l.greenCategory !== "None").reduce((s, l) => s + l.attributedFen, 0n),
  };
}
