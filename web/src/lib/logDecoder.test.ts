import { test } from "node:test";
import assert from "node:assert/strict";
import {
  decodeEventLog,
  encodeAbiParameters,
  encodeEventTopics,
  type Abi,
  type AbiEvent,
  type AbiParameter,
  type Hex,
} from "viem";
import { abis } from "../generated/abis";
import { compileWordDecoder } from "./logDecoder";

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const hex = (bytes: number) =>
  `0x${Array.from({ length: bytes }, () => rand(256).toString(16).padStart(2, "0")).join("")}` as Hex;

/** A random value of a one-word ABI type (edge values included). */
function valueOf(p: AbiParameter): unknown {
  const int = /^(u?)int(\d*)$/.exec(p.type);
  if (int) {
    const bits = BigInt(int[2] || 256);
    const signed = int[1] === "";
    const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const min = signed ? -(1n << (bits - 1n)) : 0n;
    const pick = [min, max, 0n, 1n, BigInt(hex(Number(bits) / 8)) % (max + 1n)][rand(5)];
    return bits > 48n ? pick : Number(pick);
  }
  if (p.type === "address") return hex(20);
  if (p.type === "bool") return rand(2) === 1;
  const bytes = /^bytes(\d+)$/.exec(p.type);
  if (bytes) return hex(Number(bytes[1]));
  if (p.type === "string") return "text";
  if (p.type === "bytes") return hex(5);
  return undefined;
}

const allEvents = Object.entries(abis).flatMap(([contract, abi]) =>
  (abi as Abi).filter((x): x is AbiEvent => x.type === "event").map((event) => ({ contract, event })),
);

test("the word decoder covers every event of our ABIs whose data is one word per argument", () => {
  const covered = allEvents.filter(({ event }) => compileWordDecoder(event)).map(({ event }) => event.name);
  for (const name of ["Funded", "Disbursed", "Committed", "SubstituteFinanced", "MilestoneApproved", "Transfer"]) {
    assert.ok(covered.includes(name), name);
  }
  // Dynamic data (tuple[], address[], bytes) is left to viem.
  for (const name of ["ProjectCreated", "ComponentDefined", "SubscriberNotificationFailed"]) {
    assert.ok(!covered.includes(name), name);
  }
});

test("the word decoder returns exactly what viem's decodeEventLog returns, for every covered event", () => {
  let checked = 0;
  for (const { contract, event } of allEvents) {
    const decode = compileWordDecoder(event);
    if (!decode) continue;
    for (let round = 0; round < 25; round++) {
      const values = event.inputs.map(valueOf);
      const args = Object.fromEntries(event.inputs.map((p, i) => [p.name!, values[i]]));
      const indexed = event.inputs.filter((p) => p.indexed);
      const topics = encodeEventTopics({
        abi: [event],
        eventName: event.name,
        args: Object.fromEntries(indexed.map((p) => [p.name!, args[p.name!]])),
      } as never) as Hex[];
      const plain = event.inputs.filter((p) => !p.indexed);
      const data = encodeAbiParameters(
        plain,
        plain.map((p) => args[p.name!]),
      );
      const viem = decodeEventLog({ abi: [event], topics: topics as [Hex], data }).args as Record<string, unknown>;
      const ours: unknown[] | undefined = decode(topics, data);
      assert.ok(ours, `${contract}.${event.name} decodes`);
      assert.deepEqual(
        ours,
        event.inputs.map((p) => viem[p.name!]),
        `${contract}.${event.name}`,
      );
      checked++;
    }
  }
  assert.ok(checked > 500);
});

test("a log that does not fit the event exactly is left to the full decoder", () => {
  const funded = allEvents.find(({ event }) => event.name === "Funded")!.event;
  const decode = compileWordDecoder(funded)!;
  const topics = encodeEventTopics({
    abi: [funded],
    eventName: "Funded",
    args: { projectId: 1n, financier: hex(20) },
  } as never) as Hex[];
  const data = encodeAbiParameters([{ type: "uint256" }], [5n]);
  assert.deepEqual(decode(topics, data)?.[2], 5n);
  assert.equal(decode(topics.slice(0, 2), data), undefined, "a topic missing");
  assert.equal(decode(topics, `${data}00`), undefined, "data of another length");
  assert.equal(decode(topics, `0x${"zz".repeat(32)}`), undefined, "not hex");
  const dirty = [topics[0], topics[1], `0x${"ff".repeat(12)}${topics[2].slice(26)}`];
  assert.equal(decode(dirty, data), undefined, "an address topic with dirty upper bytes");
});
