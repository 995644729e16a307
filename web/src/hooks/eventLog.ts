/**
 * History reading (pure of React): logs of our contracts fetched in block ranges from the deployment
 * block, decoded with viem against our ABIs into ChainEvents. Used by useEventLog, which caches and
 * extends the result on every new block. (Scaffold-ETH's caveat applies: paging logs from the browser
 * is for local chains and modest histories; production history belongs to an indexer.)
 */
import { decodeEventLog, toEventSelector, type Abi, type AbiEvent, type Log, type PublicClient } from "viem";
import { abis } from "@/generated/abis";
import type { ChainEvent, Hex, SourceContract } from "@/lib/events";

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

/**
 * topic0 → event of each contract's ABI, computed once. (viem's decodeEventLog hashes every event signature of
 * the ABI for every log it decodes; with 10,000 logs that was most of the decoding time.)
 */
const eventsBySelector = new Map<SourceContract, Map<string, AbiEvent>>();
function eventOf(contract: SourceContract, topic0: string | undefined): AbiEvent | undefined {
  let table = eventsBySelector.get(contract);
  if (!table) {
    const events = (abiOf(contract) ?? []).filter((x): x is AbiEvent => x.type === "event" && !x.anonymous);
    table = new Map(events.map((e) => [toEventSelector(e), e]));
    eventsBySelector.set(contract, table);
  }
  return topic0 === undefined ? undefined : table.get(topic0.toLowerCase());
}

export function decodeLog(log: Log, contract: SourceContract): ChainEvent | undefined {
  const item = eventOf(contract, log.topics[0]);
  if (!item || log.blockNumber === null || log.logIndex === null || log.transactionHash === null) return undefined;
  try {
    const decoded = decodeEventLog({ abi: [item], data: log.data, topics: log.topics, strict: false });
    const inputs = item.inputs;
    const raw = decoded.args as unknown;
    const argList: unknown[] = Array.isArray(raw)
      ? [...raw]
      : inputs.map((inp, i) => (raw as Record<string, unknown>)[inp.name ?? String(i)]);
    const args: Record<string, unknown> = {};
    inputs.forEach((inp, i) => {
      args[String(i)] = argList[i];
      if (inp.name) args[inp.name] = argList[i];
    });
    const ts = (log as { blockTimestamp?: bigint }).blockTimestamp;
    return {
      id: `${log.blockNumber}-${log.logIndex}`,
      contract,
      address: log.address as Hex,
      eventName: decoded.eventName ?? "Unknown",
      args,
      argList,
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
      timestamp: ts !== undefined ? Number(ts) : undefined,
    };
  } catch {
    return undefined; // an event of an inherited/unknown ABI (e.g. a library's) — not ours to show
  }
}

export async function fetchEventRange(
  client: PublicClient,
  contracts: Map<string, SourceContract>,
  fromBlock: bigint,
  toBlock: bigint,
  pageSize: bigint,
  onProgress?: (done: bigint, total: bigint) => void,
): Promise<ChainEvent[]> {
  const addresses = [...contracts.keys()] as Hex[];
  const out: ChainEvent[] = [];
  if (addresses.length === 0 || fromBlock > toBlock) return out;
  const ranges: [bigint, bigint][] = [];
  for (let start = fromBlock; start <= toBlock; start += pageSize) {
    const end = start + pageSize - 1n < toBlock ? start + pageSize - 1n : toBlock;
    ranges.push([start, end]);
  }
  // A few pages in flight at once (the HTTP transport batches them into one request).
  const concurrency = 8;
  let done = 0n;
  for (let i = 0; i < ranges.length; i += concurrency) {
    const batch = ranges.slice(i, i + concurrency);
    const results = await Promise.all(
      batch.map(([from, to]) => client.getLogs({ address: addresses, fromBlock: from, toBlock: to })),
    );
    for (const logs of results) {
      for (const log of logs) {
        const contract = contracts.get(log.address.toLowerCase());
        const e = contract && decodeLog(log, contract);
        if (e) out.push(e);
      }
    }
    for (const [from, to] of batch) done += to - from + 1n;
    onProgress?.(done, toBlock - fromBlock + 1n);
  }
  return out;
}

/** Fills in timestamps of events whose logs had none, fetching each block once (batched). */
export async function fillTimestamps(
  client: PublicClient,
  events: ChainEvent[],
  cache: Map<bigint, number>,
): Promise<void> {
  const missing = [
    ...new Set(events.filter((e) => e.timestamp === undefined && !cache.has(e.blockNumber)).map((e) => e.blockNumber)),
  ];
  const chunk = 200;
  for (let i = 0; i < missing.length; i += chunk) {
    const blocks = await Promise.all(missing.slice(i, i + chunk).map((n) => client.getBlock({ blockNumber: n })));
    for (const b of blocks) if (b.number !== null) cache.set(b.number, Number(b.timestamp));
  }
  for (const e of events) if (e.timestamp === undefined) e.timestamp = cache.get(e.blockNumber);
}
