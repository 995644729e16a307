/**
 * RDEscrow's decoded logs (the dashboard's ChainEvent, ../events.ts) → the typed events of the ledger builder.
 * Enum values become their member names (generated from the contracts: ../../generated/enums.ts).
 */
import { AccountingNames, CategoryNames, GreenCategoryNames, RdFormNames, StageNames } from "../../generated/enums.ts";
import type { ChainEvent } from "../events.ts";
import type { Hex, LedgerEvent } from "./types.ts";

const LEDGER_EVENTS = new Set([
  "ProjectCreated",
  "ProjectClassified",
  "Funded",
  "Refunded",
  "FiscalFundsFlagged",
  "Disbursed",
]);

function enumName<T extends string>(names: readonly T[], value: unknown, what: string): T {
  const name = names[Number(value)];
  if (name === undefined) throw new Error(`Unknown ${what} value ${String(value)} in an RDEscrow event.`);
  return name;
}

const field = (o: unknown, name: string, index: number): unknown => {
  const r = o as Record<string | number, unknown>;
  return r[name] ?? r[index];
};

/** The ledger's events among `events` (RDEscrow only), in the order given. Every event needs its block timestamp. */
export function toLedgerEvents(events: readonly ChainEvent[]): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (const e of events) {
    if (e.contract !== "RDEscrow" || !LEDGER_EVENTS.has(e.eventName)) continue;
    if (e.timestamp === undefined) throw new Error(`The block time of event ${e.id} is not known.`);
    const pos = {
      blockNumber: e.blockNumber,
      logIndex: e.logIndex,
      transactionHash: e.transactionHash,
      timestamp: e.timestamp,
    };
    const a = e.args;
    const projectId = BigInt(a.projectId as bigint);
    switch (e.eventName) {
      case "ProjectCreated":
        out.push({
          kind: "ProjectCreated",
          projectId,
          firm: a.firm as Hex,
          token: a.token as Hex,
          milestones: (a.milestones as readonly unknown[]).map((m) => ({
            stage: enumName(StageNames, field(m, "stage", 2), "Stage"),
            accounting: enumName(AccountingNames, field(m, "accounting", 3), "Accounting"),
          })),
          ...pos,
        });
        break;
      case "ProjectClassified":
        out.push({
          kind: "ProjectClassified",
          projectId,
          rdForm: enumName(RdFormNames, a.rdForm, "RdForm"),
          greenCategory: enumName(GreenCategoryNames, a.greenCategory, "GreenCategory"),
          ...pos,
        });
        break;
      case "Funded":
      case "Refunded":
        out.push({
          kind: e.eventName,
          projectId,
          financier: a.financier as Hex,
          amount: BigInt(a.amount as bigint),
          ...pos,
        });
        break;
      case "FiscalFundsFlagged":
        out.push({ kind: "FiscalFundsFlagged", projectId, financier: a.financier as Hex, ...pos });
        break;
      case "Disbursed":
        out.push({
          kind: "Disbursed",
          projectId,
          payee: a.payee as Hex,
          amount: BigInt(a.amount as bigint),
          milestoneIndex: Number(a.milestoneIndex),
          category: enumName(CategoryNames, a.category, "Category"),
          invoiceHash: a.invoiceHash as Hex,
          ...pos,
        });
        break;
    }
  }
  return out;
}

/** The tokens the projects of `events` are paid in (lower-case), for reading their decimals. */
export const ledgerTokens = (events: readonly LedgerEvent[]): string[] => [
  ...new Set(events.flatMap((e) => (e.kind === "ProjectCreated" ? [e.token.toLowerCase()] : []))),
];
