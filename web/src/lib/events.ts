/** Helpers over the typed events of our contracts (lib/indexer/events.ts; see docs/EVENTS.md). */
import type { ChainEvent, EventOf, Hex, SourceContract } from "./indexer/events.ts";
import type { ContractEventName } from "viem";
import type { abis } from "../generated/abis.ts";
import { isEvent } from "./indexer/events.ts";

export type { ChainEvent, EventOf, Hex, SourceContract } from "./indexer/events.ts";
export { abiEventOf, isEvent, isSourceContract } from "./indexer/events.ts";

/** Token movements per docs/EVENTS.md, with their direction relative to the contract. */
export const MOVEMENT_EVENTS = {
  Funded: { contract: "RDEscrow", direction: "in" },
  Disbursed: { contract: "RDEscrow", direction: "out" },
  Refunded: { contract: "RDEscrow", direction: "out" },
  Committed: { contract: "ContingencyPool", direction: "in" },
  SubstituteFinanced: { contract: "ContingencyPool", direction: "out" },
  /** An advance the token had refused (AdvanceOwed, no tokens moved then), paid to the substitute later. */
  AdvanceClaimed: { contract: "ContingencyPool", direction: "out" },
  Repaid: { contract: "ContingencyPool", direction: "in" },
  Withdrawn: { contract: "ContingencyPool", direction: "out" },
} as const satisfies Record<string, { contract: SourceContract; direction: "in" | "out" }>;

export type MovementName = keyof typeof MOVEMENT_EVENTS;

/** The movement events of docs/EVENTS.md, typed. */
export type MovementEvent =
  | EventOf<"RDEscrow", "Funded" | "Disbursed" | "Refunded">
  | EventOf<"ContingencyPool", "Committed" | "SubstituteFinanced" | "Repaid" | "Withdrawn">;

export function isMovement(e: ChainEvent): e is MovementEvent {
  const m = (MOVEMENT_EVENTS as Record<string, { contract: string }>)[e.eventName];
  return !!m && m.contract === e.contract;
}

/** Rule 1 of EVENTS.md: the project, the counter-party and the amount of a movement, by the ABI's names. */
export function movementParts(e: MovementEvent): { projectId: bigint; party: Hex; amount: bigint } {
  const { projectId, amount } = e.args;
  switch (e.eventName) {
    case "Funded":
    case "Refunded":
    case "Committed":
    case "Withdrawn":
      return { projectId, party: e.args.financier, amount };
    case "Disbursed":
      return { projectId, party: e.args.payee, amount };
    case "SubstituteFinanced":
      return { projectId, party: e.args.substitute, amount };
    case "Repaid":
      return { projectId, party: e.args.firm, amount };
  }
}

/** Project id of any event that carries one (the parameter named projectId). */
export function projectIdOf(e: ChainEvent): bigint | undefined {
  return "projectId" in e.args ? e.args.projectId : undefined;
}

/** Every address among the event's arguments (for the "party" filter). */
export function partiesOf(e: ChainEvent): Hex[] {
  const out: Hex[] = [];
  for (const v of e.argList) {
    if (typeof v === "string" && /^0x[0-9a-fA-F]{40}$/.test(v)) out.push(v as Hex);
    if (Array.isArray(v))
      for (const x of v) if (typeof x === "string" && /^0x[0-9a-fA-F]{40}$/.test(x)) out.push(x as Hex);
  }
  return out;
}

export const compareEvents = (a: ChainEvent, b: ChainEvent): number =>
  a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1;

/** The events oldest first: the list itself when it already is (the event log always is), else a sorted copy. */
export function inOrder(events: readonly ChainEvent[]): readonly ChainEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (compareEvents(events[i - 1], events[i]) > 0) return [...events].sort(compareEvents);
  }
  return events;
}

/** The movements between a financier and the contracts (the other movements are the firm's and suppliers'). */
export const FINANCIER_MOVEMENTS = ["Funded", "Refunded", "Committed", "Withdrawn"] as const satisfies MovementName[];

/** A financier's movement: one of FINANCIER_MOVEMENTS, from the contract that emits it. */
export const isFinancierMovement = (e: ChainEvent): e is MovementEvent =>
  isMovement(e) && (FINANCIER_MOVEMENTS as readonly string[]).includes(e.eventName);

/**
 * The indexer filter (`event` table) of the movements between `financier` and the contracts: each of
 * FINANCIER_MOVEMENTS from its own contract, naming the financier — its only address, so "naming" is "by".
 */
export function financierMovementsWhere(financier: string) {
  const byContract = new Map<string, string[]>();
  for (const name of FINANCIER_MOVEMENTS) {
    const { contract } = MOVEMENT_EVENTS[name];
    byContract.set(contract, [...(byContract.get(contract) ?? []), name]);
  }
  return {
    parties_has: financier.toLowerCase(),
    OR: [...byContract].map(([contract, names]) => ({ contract, name_in: names })),
  };
}

/** The guard of one kind of event, for a list of that kind read page by page (usePagedEvents). */
export const eventsOfKind =
  <C extends SourceContract, N extends ContractEventName<(typeof abis)[C]>>(contract: C, eventName: N) =>
  (e: ChainEvent): e is EventOf<C, N> =>
    isEvent(e, contract, eventName);
