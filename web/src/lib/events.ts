/** The dashboard's normalized event: one decoded log of one of our contracts (see docs/EVENTS.md). */
export type Hex = `0x${string}`;

export type SourceContract =
  "RDEscrow" | "SupplyChainRegistry" | "DisruptionOracle" | "ContingencyPool" | "DemoStablecoin";

export interface ChainEvent {
  /** Stable id: `${blockNumber}-${logIndex}`. */
  id: string;
  contract: SourceContract;
  address: Hex;
  eventName: string;
  /** Decoded arguments by name (and by position as "0", "1", ... for unnamed ones). */
  args: Record<string, unknown>;
  /** Decoded arguments in declaration order. */
  argList: readonly unknown[];
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** Unix seconds, when known. */
  timestamp?: number;
}

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

export function isMovement(
  e: Pick<ChainEvent, "eventName" | "contract">,
): e is ChainEvent & { eventName: MovementName } {
  const m = (MOVEMENT_EVENTS as Record<string, { contract: string }>)[e.eventName];
  return !!m && m.contract === e.contract;
}

/** Rule 1 of EVENTS.md: (projectId, counter-party, amount, ...) — read by position, robust to renamed params. */
export function movementParts(e: ChainEvent): { projectId: bigint; party: Hex; amount: bigint } {
  const [projectId, party, amount] = e.argList;
  return { projectId: BigInt(projectId as bigint), party: String(party) as Hex, amount: BigInt(amount as bigint) };
}

/** An argument by one of several candidate names (first found), else by position. */
export function arg<T = unknown>(e: ChainEvent, names: readonly string[], position?: number): T | undefined {
  for (const n of names) if (n in e.args) return e.args[n] as T;
  return position !== undefined ? (e.argList[position] as T | undefined) : undefined;
}

/** Project id of any event that carries one (first indexed param named projectId). */
export function projectIdOf(e: ChainEvent): bigint | undefined {
  const v = e.args.projectId;
  return typeof v === "bigint" ? v : undefined;
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
