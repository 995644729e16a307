import { test } from "node:test";
import assert from "node:assert/strict";
import {
  encodeAbiParameters,
  encodeEventTopics,
  HttpRequestError,
  RpcRequestError,
  toHex,
  type AbiEvent,
  type Hex,
} from "viem";
import { abis } from "@/generated/abis";
import type { SourceContract } from "@/lib/events";
import { decodeLog, decodeLogs, fetchLogs, type LogFields, type RpcLog } from "./eventLog";

const ESCROW = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
const FINANCIER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const eventAbi = (name: string) =>
  (abis.RDEscrow as readonly { type: string; name?: string }[]).find(
    (x) => x.type === "event" && x.name === name,
  ) as AbiEvent;

function logOf(name: string, args: Record<string, unknown>, block: number, index = 0): LogFields {
  const event = eventAbi(name);
  const topics = encodeEventTopics({ abi: [event], eventName: name, args } as never) as [Hex, ...Hex[]];
  const plain = event.inputs.filter((i) => !i.indexed);
  return {
    address: ESCROW,
    topics,
    data: encodeAbiParameters(
      plain,
      plain.map((i) => args[i.name!]),
    ),
    blockNumber: toHex(block),
    logIndex: toHex(index),
    transactionHash: `0x${block.toString(16).padStart(64, "0")}`,
    blockTimestamp: toHex(1_700_000_000 + block),
  };
}

test("a log of ours decodes to a ChainEvent: arguments in order and by name, position, time", () => {
  const e = decodeLog(logOf("Funded", { projectId: 2n, financier: FINANCIER, amount: 1n }, 300, 4), "RDEscrow")!;
  assert.equal(e.eventName, "Funded");
  assert.equal(e.contract, "RDEscrow");
  assert.deepEqual(e.argList, [2n, FINANCIER, 1n]);
  assert.deepEqual({ ...e.args }, { projectId: 2n, financier: FINANCIER, amount: 1n });
  assert.equal(e.id, "300-4");
  assert.equal(e.blockNumber, 300n);
  assert.equal(e.logIndex, 4);
  assert.equal(e.timestamp, 1_700_000_300);
});

test("events with dynamic data (ProjectCreated's milestones) decode through viem", () => {
  const milestones = [{ budget: 5n, deadline: 7, stage: 1, accounting: 1 }]; // deadline: uint48 → number, as viem decodes it
  const event = eventAbi("ProjectCreated");
  const args = {
    projectId: 1n,
    firm: FINANCIER,
    verifier: FINANCIER,
    token: FINANCIER,
    target: 10n,
    metadataHash: `0x${"12".repeat(32)}`,
    milestones,
  };
  const names = event.inputs.map((i) => i.name);
  assert.ok(names.includes("milestones"), "the ABI this test assumes");
  const e = decodeLog(logOf("ProjectCreated", args, 10), "RDEscrow")!;
  assert.equal(e.eventName, "ProjectCreated");
  assert.equal(e.args.target, 10n);
  assert.deepEqual(e.args.milestones, milestones);
});

test("logs of other contracts and of unknown events are skipped", () => {
  const funded = logOf("Funded", { projectId: 2n, financier: FINANCIER, amount: 1n }, 300);
  const sources = new Map<string, SourceContract>([[ESCROW, "RDEscrow"]]);
  const other = { ...funded, address: "0x0000000000000000000000000000000000000001" as Hex };
  const unknown = { ...funded, topics: [`0x${"00".repeat(32)}`] as [Hex] };
  assert.equal(decodeLogs([funded, other, unknown], sources).length, 1);
  // The node's address spelling does not matter.
  assert.equal(
    decodeLogs([{ ...funded, address: ESCROW.toUpperCase().replace("0X", "0x") as Hex }], sources).length,
    1,
  );
});

/** A client whose node refuses ranges wider than `limit` blocks, as public RPC providers do. */
function fakeNode(limit: bigint, fail?: Error) {
  const calls: [bigint, bigint][] = [];
  const client = {
    request: async ({ params }: { method: string; params: [{ fromBlock: Hex; toBlock: Hex }] }) => {
      const from = BigInt(params[0].fromBlock);
      const to = BigInt(params[0].toBlock);
      calls.push([from, to]);
      if (fail) throw fail;
      if (to - from + 1n > limit) {
        throw new RpcRequestError({ body: {}, url: "node", error: { code: -32005, message: "range too large" } });
      }
      return [{ blockNumber: toHex(from) } as RpcLog];
    },
  };
  return { client: client as never, calls };
}

test("fetchLogs reads the whole range in one request when the node allows it", async () => {
  const { client, calls } = fakeNode(10_000n);
  const logs = await fetchLogs(client, [ESCROW], 1n, 5_000n);
  assert.deepEqual(calls, [[1n, 5_000n]]);
  assert.equal(logs.length, 1);
});

test("fetchLogs halves a range the node refuses, keeping the order, and reports progress", async () => {
  const { client, calls } = fakeNode(300n);
  let progress = 0n;
  const logs = await fetchLogs(client, [ESCROW], 1n, 1_000n, { onProgress: (n) => void (progress += n) });
  assert.equal(progress, 1_000n);
  const served = calls.filter(([f, t]) => t - f + 1n <= 300n);
  assert.deepEqual(
    logs.map((l) => BigInt(l.blockNumber!)),
    served.map(([f]) => f).sort((a, b) => (a < b ? -1 : 1)),
  );
  assert.ok(served.every(([f, t], i) => i === 0 || f > served[i - 1][0] || t < served[i - 1][0]));
});

test("fetchLogs caps ranges up front with maxBlocks, and never splits a node that is down", async () => {
  const capped = fakeNode(10_000n);
  await fetchLogs(capped.client, [ESCROW], 1n, 1_000n, { maxBlocks: 500n });
  assert.deepEqual(capped.calls, [
    [1n, 500n],
    [501n, 1_000n],
  ]);
  const down = fakeNode(10_000n, new HttpRequestError({ url: "node", details: "ECONNREFUSED" }));
  await assert.rejects(fetchLogs(down.client, [ESCROW], 1n, 1_000n), HttpRequestError);
  assert.equal(down.calls.length, 1);
});
