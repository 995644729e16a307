/**
 * The green-finance report's aggregates (docs/RD-LEDGER.md): at every `Disbursed`, the payment's fen amount split
 * over the project's financiers pro rata to their net contributions just before it — by the same `splitProRata`
 * the ledger builder (web/src/lib/rdLedger) and the `npm run ledger` command use, never a second copy — written as
 * one `paymentShare` row per financier and summed per financier, CST quarter and project into `greenTotal`.
 *
 * The net contributions are the `position` rows (funded − refunded, kept by escrow.ts's Funded and Refunded);
 * `projectContributors` lists whose positions a payment is split over. What a reducer needs besides its event is
 * read by `readGreenLookups` (called by src/apply.ts), so the reducers here stay pure.
 */
import { BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError, type Hex } from "viem";

import { splitProRata } from "../../../web/src/lib/rdLedger/attribution";
import { cstParts, toFen } from "../../../web/src/lib/rdLedger/money";
import { upsert, insert, type Change, type Selected, type TableName } from "../changes";
import { lc } from "./common";
import type { EventArgs, EventMeta, Lookups } from "./types";

/** What the green reducers read besides their event (src/apply.ts fills it for RDEscrow's Funded and Disbursed). */
export interface GreenLookups {
  /** The project's financiers so far, in the order they first funded it. */
  financiers: readonly Hex[];
  /** At a Disbursed: each of them with its net contribution (funded − refunded) just before the payment. */
  contributions?: ReadonlyMap<Hex, bigint>;
  /** At a Disbursed: the project's green category (ProjectClassified, emitted with its creation). */
  greenCategory?: number;
  /** At a Disbursed: the decimals of the project's token, null when the token does not answer `decimals()`. */
  decimals?: number | null;
}

/** Reads one row by its primary key (Ponder's `context.db.find`, or the unit tests' tables), by table name. */
export type FindRow = <T extends TableName>(table: T, key: Partial<Selected<T>>) => Promise<Selected<T> | null>;

/** The decimals of a token, null when it has none to read (a revert, no code, an answer that is no uint8). */
export type DecimalsOf = (token: Hex) => Promise<number | null>;

export async function readGreenLookups(
  find: FindRow,
  decimalsOf: DecimalsOf,
  contract: string,
  name: string,
  args: Record<string, unknown>,
): Promise<GreenLookups | undefined> {
  if (contract !== "RDEscrow" || (name !== "Funded" && name !== "Disbursed")) return undefined;
  const projectId = args.projectId as bigint;
  const financiers = (await find("projectContributors", { projectId }))?.financiers ?? [];
  if (name === "Funded") return { financiers };
  const project = await find("project", { id: projectId });
  if (project === null) throw new Error(`project ${projectId} is not indexed (no ProjectCreated)`);
  const contributions = new Map<Hex, bigint>();
  for (const financier of financiers) {
    const p = await find("position", { projectId, financier });
    contributions.set(financier, p === null ? 0n : p.funded - p.refunded);
  }
  return {
    financiers,
    contributions,
    greenCategory: project.greenCategory ?? 0,
    decimals: await decimalsOf(project.token),
  };
}

/** Funded: a financier funding the project for the first time joins its contributors. */
export function greenFunded(args: EventArgs<"RDEscrow", "Funded">, lookups: Lookups): Change[] {
  const green = lookups.green;
  const financier = lc(args.financier);
  if (green === undefined || green.financiers.includes(financier)) return [];
  return [
    upsert(
      "projectContributors",
      { projectId: args.projectId },
      { set: { financiers: [...green.financiers, financier] } },
    ),
  ];
}

/** Disbursed: the payment's split, a share row per contributor and the quarter totals of those with a share. */
export function greenPayment(args: EventArgs<"RDEscrow", "Disbursed">, meta: EventMeta, lookups: Lookups): Change[] {
  const green = lookups.green;
  if (green?.contributions === undefined) return [];
  const { year, quarter } = cstParts(Number(meta.timestamp));
  const greenCategory = green.greenCategory ?? 0;
  const total = (financier: Hex, add: { attributedFen?: bigint; payments?: number; unattributed?: number }) =>
    upsert("greenTotal", { financier, year, quarter, projectId: args.projectId }, { add, set: { greenCategory } });
  const contributors = [...green.contributions].filter(([, net]) => net > 0n);
  if (green.decimals === null || green.decimals === undefined)
    return contributors.map(([financier]) => total(financier, { unattributed: 1 }));
  const amountFen = toFen(args.amount, green.decimals);
  return splitProRata(amountFen, new Map(contributors)).flatMap(({ financier, fen }) => [
    insert("paymentShare", {
      id: `${meta.id}:${financier}`,
      paymentId: meta.id,
      financier,
      projectId: args.projectId,
      greenCategory,
      category: args.category,
      payee: lc(args.payee),
      invoiceHash: args.invoiceHash,
      amountFen,
      fen,
      year,
      quarter,
      timestamp: meta.timestamp,
      blockNumber: meta.blockNumber,
      transactionHash: meta.transactionHash,
    }),
    ...(fen > 0n ? [total(financier, { attributedFen: fen, payments: 1 })] : []),
  ]);
}

/**
 * A memo of tokens' `decimals()`, read once per token and process (decimals do not change) by the `read` of the
 * event that first asks (Ponder's `context.client`, bound to that event's block). A token that cannot answer gives
 * null — its payments are counted as unattributed rather than stopping the indexer; an RPC failure is thrown (Ponder
 * retries the event) and not remembered.
 */
export function decimalsMemo(): (token: Hex, read: (token: Hex) => Promise<number>) => Promise<number | null> {
  const known = new Map<Hex, Promise<number | null>>();
  return (token, read) => {
    const key = lc(token);
    let answer = known.get(key);
    if (answer === undefined) {
      answer = read(key).catch((error: unknown) => {
        if (isNoAnswer(error)) return null;
        known.delete(key);
        throw error;
      });
      known.set(key, answer);
    }
    return answer;
  };
}

function isNoAnswer(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return (
    error.walk(
      (e) =>
        e instanceof ContractFunctionRevertedError ||
        e instanceof ContractFunctionZeroDataError ||
        (e instanceof BaseError && e.name.startsWith("AbiDecoding")),
    ) !== null
  );
}
