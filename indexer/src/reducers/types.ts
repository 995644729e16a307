/**
 * What a reducer sees and returns. Event arguments are typed from the `as const` ABIs the dashboard uses
 * (web/src/generated/abis.ts), so renaming an event parameter fails the type check here.
 */
import type { Abi, ContractEventName, GetEventArgs, Hex } from "viem";

import {
  contingencyPoolAbi,
  demoStablecoinAbi,
  disruptionOracleAbi,
  rDEscrowAbi,
  supplyChainRegistryAbi,
} from "../../../web/src/generated/abis";
import type { Change } from "../changes";
import type { GreenLookups } from "./green";

/** The contracts the indexer follows, by their name in the deployment record (scripts/lib/deployments.ts). */
export const CONTRACT_ABIS = {
  RDEscrow: rDEscrowAbi,
  SupplyChainRegistry: supplyChainRegistryAbi,
  DisruptionOracle: disruptionOracleAbi,
  ContingencyPool: contingencyPoolAbi,
  DemoStablecoin: demoStablecoinAbi,
} as const satisfies Record<string, Abi>;

export type ContractName = keyof typeof CONTRACT_ABIS;
export type EventName<C extends ContractName> = ContractEventName<(typeof CONTRACT_ABIS)[C]>;
export type EventArgs<C extends ContractName, E extends EventName<C>> = GetEventArgs<
  (typeof CONTRACT_ABIS)[C],
  E,
  { EnableUnion: false; IndexedOnly: false; Required: true }
>;

/** Where and when the event happened. */
export interface EventMeta {
  /** Ponder's event id: unique, sorts in chain order. */
  id: string;
  /** The emitting contract. */
  address: Hex;
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: Hex;
  logIndex: number;
  /** The sender of the event's transaction. */
  from: Hex;
}

/** State a reducer needs besides its event, read by src/apply.ts before calling it. */
export interface Lookups {
  /** The token of the event's project (from its `ProjectCreated`), for events with a `projectId`. */
  projectToken?: Hex;
  /** For RDEscrow's Funded and Disbursed: the contributors, contributions and decimals the split needs (green.ts). */
  green?: GreenLookups;
}

export type Reducer<C extends ContractName, E extends EventName<C>> = (
  args: EventArgs<C, E>,
  meta: EventMeta,
  lookups: Lookups,
) => Change[];

/** One reducer per event of every ABI: a new event without a reducer fails the type check (and a unit test). */
export type Reducers = { [C in ContractName]: { [E in EventName<C>]: Reducer<C, E> } };
