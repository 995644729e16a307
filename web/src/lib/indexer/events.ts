/**
 * Events of our contracts, typed from the generated `as const` ABIs: a discriminated union on (contract, eventName)
 * whose `args` are viem's decoded argument types. A view `switch`es on the name and reads arguments by their ABI
 * names, so renaming an event parameter is a type error, not an `undefined` at run time.
 *
 * The indexer's audit rows (`event` table) carry the arguments as JSON with bigints as decimal strings
 * (indexer/src/audit.ts); `eventFromRow` turns them back into the ABI's types, walking the ABI's inputs (generic
 * over the ABIs: a new event or parameter needs no code here).
 */
import type { AbiEvent, AbiParameter, ContractEventName, GetEventArgs } from "viem";
import { abis } from "../../generated/abis.ts";

export type Hex = `0x${string}`;

type Abis = typeof abis;
/** The contracts whose events the dashboard reads. */
export type SourceContract =
  "RDEscrow" | "SupplyChainRegistry" | "DisruptionOracle" | "ContingencyPool" | "DemoStablecoin";

/** The decoded arguments of `eventName` of `contract`, every parameter by its ABI name. */
export type EventArgs<C extends SourceContract, N extends ContractEventName<Abis[C]>> = GetEventArgs<
  Abis[C],
  N,
  { EnableUnion: false; IndexedOnly: false; Required: true }
>;

interface EventPosition {
  /** Stable id: `${blockNumber}-${logIndex}`. */
  id: string;
  address: Hex;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** Unix seconds. */
  timestamp?: number;
}

/** One event of one of our contracts: contract and event name select the type of `args`. */
export type ChainEvent = {
  [C in SourceContract]: {
    [N in ContractEventName<Abis[C]>]: EventPosition & {
      contract: C;
      eventName: N;
      args: EventArgs<C, N>;
      /** The arguments in declaration order (for views that render any event generically). */
      argList: readonly unknown[];
    };
  }[ContractEventName<Abis[C]>];
}[SourceContract];

/** The event named `N` of contract `C`, narrowed from the union. */
export type EventOf<C extends SourceContract, N extends ContractEventName<Abis[C]>> = Extract<
  ChainEvent,
  { contract: C; eventName: N }
>;

/** Narrows an event to one contract's event by name. */
export function isEvent<C extends SourceContract, N extends ContractEventName<Abis[C]>>(
  e: ChainEvent,
  contract: C,
  eventName: N,
): e is EventOf<C, N> {
  return e.contract === contract && e.eventName === eventName;
}

const SOURCES = new Set<string>([
  "RDEscrow",
  "SupplyChainRegistry",
  "DisruptionOracle",
  "ContingencyPool",
  "DemoStablecoin",
]);
export const isSourceContract = (name: string): name is SourceContract => SOURCES.has(name);

/** The ABI entry of an event, by contract and name (computed once per contract). */
const eventItems = new Map<string, Map<string, AbiEvent>>();
export function abiEventOf(contract: SourceContract, eventName: string): AbiEvent | undefined {
  let byName = eventItems.get(contract);
  if (!byName) {
    const abi = abis[contract] as readonly { type: string }[];
    byName = new Map(abi.filter((x): x is AbiEvent => x.type === "event").map((e) => [e.name, e]));
    eventItems.set(contract, byName);
  }
  return byName.get(eventName);
}

/** A JSON value (bigints as strings) → the ABI parameter's TypeScript value. */
function fromJson(param: AbiParameter, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const array = /^(.*)\[\d*\]$/.exec(param.type);
  if (array) return (value as unknown[]).map((v) => fromJson({ ...param, type: array[1] }, v));
  if (param.type === "tuple") {
    const components = (param as { components?: readonly AbiParameter[] }).components ?? [];
    const o = value as Record<string, unknown>;
    return Object.fromEntries(components.map((c, i) => [c.name ?? String(i), fromJson(c, o[c.name ?? String(i)])]));
  }
  const int = /^u?int(\d*)$/.exec(param.type);
  // As viem types them: integers of up to 48 bits are numbers, wider ones bigints.
  if (int) return int[1] && Number(int[1]) <= 48 ? Number(value) : BigInt(value as string);
  return value;
}

/**
 * The columns of an indexer `event` row that `eventFromRow` reads (a structural subset of rows.ts's `Row<"event">`,
 * so that this module, which the ledger command line imports too, does not depend on the indexer's schema types).
 */
export interface EventRow {
  contract: string;
  name: string;
  address: Hex;
  args: unknown;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp: bigint;
}

/** An indexer `event` row → the typed event, or undefined when this build's ABIs do not know the event. */
export function eventFromRow(row: EventRow): ChainEvent | undefined {
  if (!isSourceContract(row.contract)) return undefined;
  const item = abiEventOf(row.contract, row.name);
  if (!item) return undefined;
  const json = (row.args ?? {}) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  const argList: unknown[] = [];
  item.inputs.forEach((input, i) => {
    const key = input.name || String(i);
    if (!(key in json)) throw new Error(`indexed ${row.contract}.${row.name} lacks argument ${key}`);
    const v = fromJson(input, json[key]);
    args[key] = v;
    argList.push(v);
  });
  return {
    id: `${row.blockNumber}-${row.logIndex}`,
    contract: row.contract,
    eventName: row.name,
    address: row.address,
    args,
    argList,
    blockNumber: row.blockNumber,
    logIndex: row.logIndex,
    transactionHash: row.transactionHash,
    timestamp: Number(row.timestamp),
  } as unknown as ChainEvent; // args built from this event's ABI inputs, by name: the shape the union names
}
