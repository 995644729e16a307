/**
 * An event's raw signature as explorers show it — `Disbursed(uint256 indexed projectId, …)` — and its topic 0,
 * from the generated ABIs: what an auditor matches a row of the audit trail against.
 */
import { toEventSelector, type AbiEvent } from "viem";
import { abis } from "@/generated/abis";

export interface EventSignature {
  /** `Name(type [indexed] name, …)`. */
  text: string;
  /** keccak256 of the canonical signature `Name(type,…)`: the log's first topic. */
  topic0: `0x${string}`;
}

const cache = new Map<string, EventSignature | undefined>();

export function eventSignature(contract: string, eventName: string): EventSignature | undefined {
  const key = `${contract}.${eventName}`;
  if (!cache.has(key)) {
    const abi = (abis as Record<string, readonly { type: string; name?: string }[]>)[contract];
    const item = abi?.find((x): x is AbiEvent => x.type === "event" && x.name === eventName);
    cache.set(key, item && { text: humanReadable(item), topic0: toEventSelector(item) });
  }
  return cache.get(key);
}

const humanReadable = (event: AbiEvent): string =>
  `${event.name}(${event.inputs.map((p) => [p.type, p.indexed && "indexed", p.name].filter(Boolean).join(" ")).join(", ")})`;
