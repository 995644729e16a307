/**
 * Test builder of the dashboard's normalized events (lib/events.ts ChainEvent), shared by the unit tests of the
 * views' pure builders. Each builder numbers its own blocks: every event is the only log of the next block, so
 * ids, block numbers and transaction hashes are unique and in order unless a test pins them.
 */
import type { ChainEvent, Hex, SourceContract } from "@/lib/events";

/** What a test may pin on one event; the rest follows from the builder's defaults and its block counter. */
export type EventFields = Partial<Pick<ChainEvent, "contract" | "address" | "blockNumber" | "timestamp">>;

export type EventBuilder = (eventName: string, args: Record<string, unknown>, fields?: EventFields) => ChainEvent;

/** An address built from a small number, for readable test parties: addr(0xb1) = 0x00…00b1. */
export const addr = (n: number): Hex => `0x${n.toString(16).padStart(40, "0")}`;

/** A builder of events emitted by `contract` (at `address`, default 0x00…c0) unless a call says otherwise. */
export function chainEvents(defaults: { contract: SourceContract; address?: Hex }): EventBuilder {
  let block = 0n;
  return (eventName, args, fields = {}) => {
    const blockNumber = fields.blockNumber ?? (block += 1n);
    // Tests name the event and its arguments as strings; the union's narrowing is what the views rely on.
    return {
      id: `${blockNumber}-0`,
      contract: fields.contract ?? defaults.contract,
      address: fields.address ?? defaults.address ?? addr(0xc0),
      eventName,
      args,
      argList: Object.values(args),
      blockNumber,
      logIndex: 0,
      transactionHash: `0x${blockNumber.toString(16).padStart(64, "0")}`,
      ...(fields.timestamp !== undefined && { timestamp: fields.timestamp }),
    } as unknown as ChainEvent;
  };
}
