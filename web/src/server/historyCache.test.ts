import { test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { createClient, custom, toHex, type Hex } from "viem";
import type { WebDeployment } from "@/generated/deployments";
import { unpackLogs } from "@/lib/packedLogs";
import { createHistoryCache } from "./historyCache";

const ESCROW = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
const deployment: WebDeployment = {
  chainId: 31337,
  network: "localhost",
  deployedAtBlock: 2,
  deployedAtBlockHash: `0x${"11".repeat(32)}`,
  contracts: {
    RDEscrow: ESCROW,
    SupplyChainRegistry: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    DisruptionOracle: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
    ContingencyPool: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  },
};

/** A node with one log per block from block 2 on; `fork` changes the hashes of blocks from a height on. */
function fakeChain() {
  const chain = { head: 10, fork: 0, forkFrom: Infinity, calls: [] as string[] };
  const hashOf = (n: number) =>
    `0x${(n >= chain.forkFrom ? chain.fork : 0).toString(16).padStart(2, "0")}${n.toString(16).padStart(62, "0")}` as Hex;
  const request = async ({ method, params }: { method: string; params: unknown[] }) => {
    chain.calls.push(method);
    if (method === "eth_getBlockByNumber") {
      const n = params[0] === "latest" ? chain.head : Number(params[0]);
      if (n > chain.head) return null;
      return {
        number: toHex(n),
        hash: hashOf(n),
        parentHash: hashOf(n - 1),
        timestamp: toHex(1_000 + n),
        transactions: [],
      };
    }
    if (method === "eth_getLogs") {
      const [{ fromBlock, toBlock }] = params as [{ fromBlock: Hex; toBlock: Hex }];
      const out = [];
      for (let n = Math.max(2, Number(fromBlock)); n <= Math.min(Number(toBlock), chain.head); n++) {
        out.push({
          address: ESCROW.toLowerCase(),
          topics: [`0x${"aa".repeat(32)}`],
          data: "0x",
          blockNumber: toHex(n),
          blockHash: hashOf(n),
          logIndex: "0x0",
          transactionHash: `0x${n.toString(16).padStart(64, "0")}`,
          transactionIndex: "0x0",
          blockTimestamp: toHex(1_000 + n),
          removed: false,
        });
      }
      return out;
    }
    throw new Error(`unexpected ${method}`);
  };
  const client = createClient({ transport: custom({ request: request as never }) });
  return { chain, client };
}

const blocksOf = (lines: readonly string[]) => {
  const out: number[] = [];
  for (const l of unpackLogs(lines.join("\n"))) out.push(Number(l.blockNumber));
  return out;
};

test("the cache reads from the deployment block to the head, then only the new blocks", async () => {
  const { chain, client } = fakeChain();
  const cache = createHistoryCache(client, deployment);
  const first = await cache.snapshot();
  assert.equal(first.fromBlock, 2n);
  assert.equal(first.toBlock, 10n);
  assert.deepEqual(blocksOf(first.lines), [2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(first.contracts.length, 4);

  chain.calls = [];
  assert.equal(await cache.snapshot(), first, "same head: the same snapshot, no logs read");
  assert.ok(!chain.calls.includes("eth_getLogs"));

  chain.head = 12;
  const second = await cache.snapshot();
  assert.deepEqual(blocksOf(second.lines), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.equal(second.toHash, (await cache.snapshot()).toHash);
  const body = cache.body(second);
  assert.equal(gunzipSync(body.gzip).toString(), body.text);
  assert.equal(cache.body(second), body, "compressed once");
});

test("a reverted or restarted chain is read again from the deployment block", async () => {
  const { chain, client } = fakeChain();
  const cache = createHistoryCache(client, deployment);
  await cache.snapshot();
  chain.head = 7; // reverted
  assert.deepEqual(blocksOf((await cache.snapshot()).lines), [2, 3, 4, 5, 6, 7]);
  chain.head = 9;
  chain.fork = 1;
  chain.forkFrom = 5; // other blocks from height 5 (the cached head, 7, now has another hash)
  const again = await cache.snapshot();
  assert.equal(again.toBlock, 9n);
  assert.deepEqual(blocksOf(again.lines), [2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(again.toHash, `0x01${(9).toString(16).padStart(62, "0")}`);
});

test("concurrent requests share one refresh; no deployment is an error", async () => {
  const { chain, client } = fakeChain();
  const cache = createHistoryCache(client, deployment);
  const [a, b] = await Promise.all([cache.snapshot(), cache.snapshot()]);
  assert.equal(a, b);
  assert.equal(chain.calls.filter((m) => m === "eth_getLogs").length, 1);
  await assert.rejects(createHistoryCache(client, undefined).snapshot(), /no deployment/);
});
