import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import type { WebDeployment } from "@/generated/deployments";
import { HISTORY_ROUTE, historyPreloadScript, historySources, takePreloadedHistory } from "./historyPreload";

const deployment: WebDeployment = {
  chainId: 31337,
  network: "localhost",
  deployedAtBlock: 5,
  deployedAtBlockHash: `0x${"11".repeat(32)}`,
  contracts: {
    RDEscrow: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
    SupplyChainRegistry: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    DisruptionOracle: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
    ContingencyPool: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
    DemoStablecoin: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  },
};
const HASH = `0x${"ab".repeat(32)}`;
const CONTRACTS = [...historySources(deployment).keys()].join(",");

/** Runs the inline script as the browser would, against a fake history route. */
function runPreload(route: (url: string) => Response): void {
  const script = historyPreloadScript(deployment)!;
  new Function("window", "fetch", script)(globalThis, async (url: string) => route(url));
}

const answer = (body: Buffer | string, headers: Record<string, string> = {}, status = 200) =>
  new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status,
    headers: {
      "x-history-from-block": "5",
      "x-history-to-block": "42",
      "x-history-block-hash": HASH,
      "x-history-contracts": CONTRACTS,
      ...headers,
    },
  });

test("the history sources are our contracts without the token, by lower-case address", () => {
  assert.deepEqual([...historySources(deployment).values()].sort(), [
    "ContingencyPool",
    "DisruptionOracle",
    "RDEscrow",
    "SupplyChainRegistry",
  ]);
  assert.ok([...historySources(deployment).keys()].every((a) => a === a.toLowerCase()));
  assert.equal(historyPreloadScript(undefined), undefined);
});

test("the preload asks the route for the gzip file, and the history is taken once", async () => {
  const urls: string[] = [];
  runPreload((url) => {
    urls.push(url);
    return answer(gzipSync("line one\nline two"));
  });
  assert.deepEqual(urls, [`${HISTORY_ROUTE}?gzip`]);
  const served = await takePreloadedHistory()!;
  assert.deepEqual(served, {
    fromBlock: 5n,
    toBlock: 42n,
    toHash: HASH,
    contracts: CONTRACTS.split(","),
    packed: "line one\nline two",
  });
  assert.equal(takePreloadedHistory(), undefined);
});

test("a failed or foreign answer rejects, so the usual read from the node runs", async () => {
  runPreload(() => answer("history unavailable", {}, 502));
  await assert.rejects(takePreloadedHistory()!);
  runPreload(() => new Response(gzipSync("<html>")));
  await assert.rejects(takePreloadedHistory()!, /not a history answer/);
});

import { createClient, custom } from "viem";
import { checkedPreloadedHistory } from "./historyPreload";

/** A node that answers eth_getBlockByNumber with a block of hash `hash` (what the check asks it). */
const nodeWithBlockHash = (hash: string) =>
  createClient({
    transport: custom({
      async request({ method, params }: { method: string; params?: unknown }) {
        if (method !== "eth_getBlockByNumber") throw new Error(`unexpected ${method}`);
        const [number] = params as [string];
        return { hash, number, timestamp: "0x0", transactions: [], parentHash: HASH, logsBloom: null };
      },
    }),
  });

const served = (headers: Record<string, string> = {}) => runPreload(() => answer(gzipSync(""), headers));

test("a preloaded history is used only when the node has the served head block, for these contracts and start", async () => {
  const sources = historySources(deployment);
  served();
  assert.deepEqual(await checkedPreloadedHistory(nodeWithBlockHash(HASH), 5n, sources), { head: 42n, events: [] });

  // Another chain (a restarted node, a forged cache): the node's block 42 has another hash.
  served();
  assert.equal(await checkedPreloadedHistory(nodeWithBlockHash(`0x${"cd".repeat(32)}`), 5n, sources), undefined);
  // Logs of other contracts, or from another start block.
  served({ "x-history-contracts": "0x0000000000000000000000000000000000000001" });
  assert.equal(await checkedPreloadedHistory(nodeWithBlockHash(HASH), 5n, sources), undefined);
  served({ "x-history-from-block": "6" });
  assert.equal(await checkedPreloadedHistory(nodeWithBlockHash(HASH), 5n, sources), undefined);
  // Nothing preloaded, or the route failed: the caller reads the node.
  assert.equal(await checkedPreloadedHistory(nodeWithBlockHash(HASH), 5n, sources), undefined);
  runPreload(() => answer("down", {}, 502));
  assert.equal(await checkedPreloadedHistory(nodeWithBlockHash(HASH), 5n, sources), undefined);
});
