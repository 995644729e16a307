/**
 * History reading (pure of React): logs of our contracts fetched from the deployment block — the whole range
 * in one eth_getLogs when the node allows it (halved until it does) — and decoded against our ABIs into
 * ChainEvents. Used by useEventLog, which caches and extends the result on every new block. (Scaffold-ETH's
 * caveat applies: reading logs from the browser is for local chains and modest histories; production history
 * belongs to an indexer.)
 */
import {
  BaseError,
  decodeEventLog,
  RpcRequestError,
  toEventSelector,
  toHex,
  type Abi,
  type AbiEvent,
  type Client,
  type RpcLog,
} from "viem";
import { getBlock } from "viem/actions";
import { abis } from "@/generated/abis";
import type { ChainEvent, Hex, SourceContract } from "@/lib/events";
import { compileWordDecoder, type WordDecoder } from "@/lib/logDecoder";
import type { LogFields } from "@/lib/packedLogs";

export type { RpcLog };
export type { LogFields };

export interface EventHistory {
  events: ChainEvent[];
  /** Last block included. */
  toBlock: bigint;
  /** Block timestamps by block number (for events whose log had none). */
  timestamps: Map<bigint, number>;
}

function abiOf(contract: SourceContract): Abi | undefined {
  return (abis as Partial<Record<SourceContract, Abi>>)[contract];
}

interface EventEntry {
  item: AbiEvent;
  /** The fast path (one-word arguments); undefined: viem decodes this event. */
  words: WordDecoder | undefined;
}

/** topic0 → event of each contract's ABI (and its word decoder), computed once per contract. */
const eventsBySelector = new Map<SourceContract, Map<string, EventEntry>>();
function eventOf(contract: SourceContract, topic0: string | undefined): EventEntry | undefined {
  let table = eventsBySelector.get(contract);
  if (!table) {
    const events = (abiOf(contract) ?? []).filter((x): x is AbiEvent => x.type === "event" && !x.anonymous);
    table = new Map(events.map((e) => [toEventSelector(e), { item: e, words: compileWordDecoder(e) }]));
    eventsBySelector.set(contract, table);
  }
  if (topic0 === undefined) return undefined;
  return table.get(topic0) ?? table.get(topic0.toLowerCase()); // nodes answer in lower case
}

/** The arguments in declaration order, by viem (any ABI type); undefined for a log that does not decode. */
function decodeWithViem(item: AbiEvent, log: LogFields): unknown[] | undefined {
  try {
    const decoded = decodeEventLog({ abi: [item], data: log.data, topics: log.topics as [Hex], strict: false });
    const raw = decoded.args as unknown;
    return Array.isArray(raw)
      ? [...raw]
      : item.inputs.map((inp, i) => (raw as Record<string, unknown> | undefined)?.[inp.name ?? String(i)]);
  } catch {
    return undefined; // an event of an inherited/unknown ABI (e.g. a library's) — not ours to show
  }
}

/**
 * A decoded log. Its arguments by name are built on first use: the ledger reads `argList`, so for a long history
 * most events never need their `args` object (one allocation fewer per event when a page opens).
 */
class DecodedEvent implements ChainEvent {
  private named: Record<string, unknown> | undefined = undefined;
  readonly id: string;
  timestamp?: number;
  constructor(
    readonly contract: SourceContract,
    readonly address: Hex,
    readonly eventName: string,
    readonly argList: readonly unknown[],
    readonly blockNumber: bigint,
    readonly logIndex: number,
    readonly transactionHash: Hex,
    timestamp: number | undefined,
    private readonly inputs: AbiEvent["inputs"],
  ) {
    this.id = `${blockNumber}-${logIndex}`;
    this.timestamp = timestamp;
  }
  get args(): Record<string, unknown> {
    if (!this.named) {
      const named: Record<string, unknown> = {};
      for (let i = 0; i < this.inputs.length; i++) named[this.inputs[i].name || String(i)] = this.argList[i];
      this.named = named;
    }
    return this.named;
  }
}

/** One log as the node returned it (hex quantities) → a ChainEvent, or undefined if it is not one of ours. */
export function decodeLog(log: LogFields, contract: SourceContract): ChainEvent | undefined {
  const entry = eventOf(contract, log.topics[0] ?? undefined);
  if (!entry || log.blockNumber === null || log.logIndex === null || log.transactionHash === null) return undefined;
  const { item } = entry;
  const argList = entry.words?.(log.topics as string[], log.data) ?? decodeWithViem(item, log);
  if (!argList) return undefined;
  const ts = log.blockTimestamp;
  return new DecodedEvent(
    contract,
    log.address as Hex,
    item.name,
    argList,
    BigInt(log.blockNumber),
    Number(log.logIndex), // hex quantities: Number("0x1f") === 31
    log.transactionHash,
    ts ? Number(ts) : undefined,
    item.inputs,
  );
}

/** Our contract that emitted a log (by its address as the node spelled it, then in lower case). */
function sourceOf(contracts: Map<string, SourceContract>, address: string): SourceContract | undefined {
  return contracts.get(address) ?? contracts.get(address.toLowerCase());
}

/** Decodes the logs of our contracts (others, and logs of events we do not know, are skipped). */
export function decodeLogs(logs: Iterable<LogFields>, contracts: Map<string, SourceContract>): ChainEvent[] {
  const out: ChainEvent[] = [];
  for (const log of logs) {
    const contract = sourceOf(contracts, log.address);
    const e = contract && decodeLog(log, contract);
    if (e) out.push(e);
  }
  return out;
}

/** The node answered with a JSON-RPC error (e.g. "block range too large", "more than 10000 results"). */
const refusedByNode = (error: unknown): boolean =>
  error instanceof BaseError && error.walk((e) => e instanceof RpcRequestError) !== null;

/**
 * Every log of `addresses` in [fromBlock, toBlock], oldest first: one eth_getLogs for the whole range, or, when
 * the node refuses a range (range or result limits), its two halves, recursively (down to `minBlocks`).
 * `maxBlocks` caps the range of one request up front (for nodes known to refuse large ranges). Transport errors
 * (node down) are thrown as they are, never split.
 */
export async function fetchLogs(
  client: Pick<Client, "request">,
  addresses: readonly Hex[],
  fromBlock: bigint,
  toBlock: bigint,
  options: { maxBlocks?: bigint; minBlocks?: bigint; onProgress?: (blocks: bigint) => void } = {},
): Promise<RpcLog[]> {
  const { maxBlocks, minBlocks = 1n, onProgress } = options;
  const range = async (from: bigint, to: bigint): Promise<RpcLog[]> => {
    const blocks = to - from + 1n;
    if (maxBlocks === undefined || blocks <= maxBlocks) {
      try {
        const logs = await client.request({
          method: "eth_getLogs",
          params: [{ address: [...addresses], fromBlock: toHex(from), toBlock: toHex(to) }],
        });
        onProgress?.(blocks);
        return logs;
      } catch (error) {
        if (!refusedByNode(error) || blocks <= minBlocks) throw error;
      }
    }
    const mid = from + (blocks - 1n) / 2n;
    // The halves go out together (the HTTP transport batches concurrent requests into one).
    const [low, high] = await Promise.all([range(from, mid), range(mid + 1n, to)]);
    return low.concat(high);
  };
  if (addresses.length === 0 || fromBlock > toBlock) return [];
  return range(fromBlock, toBlock);
}

/** Fills in timestamps of events whose logs had none, fetching each block once (batched). */
export async function fillTimestamps(client: Client, events: ChainEvent[], cache: Map<bigint, number>): Promise<void> {
  const missing = [
    ...new Set(events.filter((e) => e.timestamp === undefined && !cache.has(e.blockNumber)).map((e) => e.blockNumber)),
  ];
  const chunk = 200;
  for (let i = 0; i < missing.length; i += chunk) {
    const blocks = await Promise.all(missing.slice(i, i + chunk).map((n) => getBlock(client, { blockNumber: n })));
    for (const b of blocks) if (b.number !== null) cache.set(b.number, Number(b.timestamp));
  }
  for (const e of events) if (e.timestamp === undefined) e.timestamp = cache.get(e.blockNumber);
}
