/**
 * RDEscrow's typed events (the dashboard's ChainEvent, ../indexer/events.ts) → the typed events of the ledger builder.
 * Enum values become their member names (generated from the contracts: ../../generated/enums.ts).
 */
import { AccountingNames, CategoryNames, GreenCategoryNames, RdFormNames, StageNames } from "../../generated/enums.ts";
import type { ChainEvent } from "../events.ts";
import type { Hex, LedgerEvent } from "./types.ts";

/** The RDEscrow events the ledger builder reads (the indexer query of hooks/useLedgerRows.ts asks for these). */
export const LEDGER_EVENT_NAMES = [
  "ProjectCreated",
  "ProjectClassified",
  "Funded",
  "Refunded",
  "FiscalFundsFlagged",
  "Disbursed",
] as const;

const LEDGER_EVENTS = new Set<string>(LEDGER_EVENT_NAMES);

export function enumName<T extends string>(names: readonly T[], value: unknown, what: string): T {
  const name = names[Number(value)];
  if (name === undefined) throw new Error(`Unknown ${what} value ${String(value)} in an RDEscrow event.`);
  return name;
}

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
    if (!("projectId" in e.args)) continue;
    const projectId = e.args.projectId;
    switch (e.eventName) {
      case "ProjectCreated":
        out.push({
          kind: "ProjectCreated",
          projectId,
          firm: e.args.firm,
          token: e.args.token,
          milestones: e.args.milestones.map((m) => ({
            stage: enumName(StageNames, m.stage, "Stage"),
            accounting: enumName(AccountingNames, m.accounting, "Accounting"),
          })),
          ...pos,
        });
        break;
      case "ProjectClassified":
        out.push({
          kind: "ProjectClassified",
          projectId,
          rdForm: enumName(RdFormNames, e.args.rdForm, "RdForm"),
          greenCategory: enumName(GreenCategoryNames, e.args.greenCategory, "GreenCategory"),
          ...pos,
        });
        break;
      case "Funded":
      case "Refunded":
        out.push({
          kind: e.eventName,
          projectId,
          financier: e.args.financier,
          amount: e.args.amount,
          ...pos,
        });
        break;
      case "FiscalFundsFlagged":
        out.push({ kind: "FiscalFundsFlagged", projectId, financier: e.args.financier, ...pos });
        break;
      case "Disbursed":
        out.push({
          kind: "Disbursed",
          projectId,
          payee: e.args.payee,
          amount: e.args.amount,
          milestoneIndex: Number(e.args.milestoneIndex),
          category: enumName(CategoryNames, e.args.category, "Category"),
          invoiceHash: e.args.invoiceHash,
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
