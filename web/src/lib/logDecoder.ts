/**
 * A fast decoder for event logs whose arguments are one ABI word each (address, bool, uint/int, bytes1..32,
 * and indexed dynamic types, whose topic is their hash): it reads the hex of topics and data directly instead
 * of going through viem's byte cursor, which made decoding 10,000 logs take most of a second. The result is
 * exactly what viem's decodeEventLog returns (same value types: bigint above 48 bits, number up to 48 bits,
 * checksummed addresses) — `logDecoder.test.ts` checks that against viem for every event of our ABIs.
 * Events with dynamic non-indexed data (strings, arrays, tuples) are not handled here (`undefined`); the
 * caller decodes those few with viem.
 */
import { checksumAddress, type AbiEvent, type AbiParameter } from "viem";

/**
 * Reads the 32-byte word at hex digit `at` of `hex` (a topic, or the log's data) into the parameter's value;
 * undefined if it is malformed. Words are read in place: no substring per word unless the value is one.
 */
type WordReader = (hex: string, at: number) => unknown;

/** Decodes a log's topics (topic0 included) and data into the event's arguments in declaration order. */
export type WordDecoder = (topics: readonly string[], data: string) => unknown[] | undefined;

/** Checksummed addresses by their 40 hex digits as found (a history names few addresses many times). */
const checksummed = new Map<string, string>();
const HEX40 = /^[0-9a-fA-F]{40}$/;
function checksum(digits: string): string | undefined {
  let c = checksummed.get(digits);
  if (c === undefined) {
    if (!HEX40.test(digits)) return undefined;
    if (checksummed.size >= 4096) checksummed.clear();
    c = checksumAddress(`0x${digits.toLowerCase()}`);
    checksummed.set(digits, c);
  }
  return c;
}

const INT = /^(u?)int(\d*)$/;
const FIXED_BYTES = /^bytes([1-9]|[12]\d|3[012])$/;
const ZEROS = "0".repeat(64);
const ONE = `${"0".repeat(63)}1`;
const Z24 = "0".repeat(24);
const HEX = /^[0-9a-fA-F]*$/;
const TWO_255 = 1n << 255n;
const TWO_256 = 1n << 256n;

/** The word as a bigint (topics are whole words: no substring needed). */
const wordBigInt = (hex: string, at: number): bigint =>
  BigInt(at === 2 && hex.length === 66 ? hex : `0x${hex.slice(at, at + 64)}`);

function wordReader(param: AbiParameter): WordReader | undefined {
  const { type } = param;
  if (type === "address")
    return (hex, at) => (hex.startsWith(Z24, at) ? checksum(hex.slice(at + 24, at + 64)) : undefined);
  if (type === "bool")
    return (hex, at) => (hex.startsWith(ZEROS, at) ? false : hex.startsWith(ONE, at) ? true : undefined);
  const int = INT.exec(type);
  if (int) {
    const signed = int[1] === "";
    const bits = Number(int[2] || 256);
    return (hex, at) => {
      let v = wordBigInt(hex, at); // throws on a malformed word (the decoder returns undefined)
      if (signed && v >= TWO_255) v -= TWO_256;
      return bits > 48 ? v : Number(v);
    };
  }
  const bytes = FIXED_BYTES.exec(type);
  if (bytes) {
    const digits = Number(bytes[1]) * 2;
    return (hex, at) => {
      const v = hex.slice(at, at + 64);
      return HEX.test(v) ? `0x${v.slice(0, digits)}`.toLowerCase() : undefined;
    };
  }
  return undefined;
}

/** Dynamic types are indexed as their hash: viem returns the topic itself for them. */
const isHashedWhenIndexed = (type: string) =>
  type === "string" || type === "bytes" || type === "tuple" || /^(.*)\[(\d+)?\]$/.test(type);

/**
 * The word decoder of an event, or undefined when the event has non-indexed arguments that are not one word
 * (or is anonymous). The decoder itself returns undefined for a log that does not fit the event exactly
 * (topic count, data length, a malformed word), so the caller can fall back to a full decoder.
 */
export function compileWordDecoder(event: AbiEvent): WordDecoder | undefined {
  if (event.anonymous) return undefined;
  const plan: { indexed: boolean; slot: number; read: WordReader | undefined }[] = [];
  let topicSlot = 1;
  let dataSlot = 0;
  for (const input of event.inputs) {
    if (input.indexed) {
      const read = isHashedWhenIndexed(input.type) ? undefined : wordReader(input);
      if (!read && !isHashedWhenIndexed(input.type)) return undefined;
      plan.push({ indexed: true, slot: topicSlot++, read });
    } else {
      const read = wordReader(input);
      if (!read) return undefined;
      plan.push({ indexed: false, slot: dataSlot++, read });
    }
  }
  const topicCount = topicSlot;
  const dataLength = 2 + dataSlot * 64;
  return (topics, data) => {
    if (topics.length !== topicCount || data.length !== dataLength) return undefined;
    const out: unknown[] = new Array(plan.length);
    try {
      for (let i = 0; i < plan.length; i++) {
        const p = plan[i];
        if (p.indexed) {
          const topic = topics[p.slot];
          if (topic.length !== 66) return undefined;
          // Without a reader: the hash of a dynamic value, which viem returns as it is.
          const value = p.read ? p.read(topic, 2) : topic;
          if (value === undefined) return undefined;
          out[i] = value;
        } else {
          const value = p.read!(data, 2 + p.slot * 64);
          if (value === undefined) return undefined;
          out[i] = value;
        }
      }
    } catch {
      return undefined; // not hex
    }
    return out;
  };
}
