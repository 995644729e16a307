/**
 * The indexer on the seeded demo scenario (deploy, seed, disruption fired), first on embedded PGlite, then on a
 * real PostgreSQL 15: every per-party total, project, milestone, pool, component and supplier the indexer serves
 * equals what the node says. Then one more movement on chain must show up in the indexer (live indexing).
 *
 * Binds 127.0.0.1 ports (Hardhat node on INDEXER_TEST_RPC_PORT, default 8547; PostgreSQL and the indexer on free
 * ports): run under the shared lock, `flock /tmp/ports.lock npm run --silent test:integration -w indexer`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";

import type { DeploymentRecord } from "../src/deployment";
import {
  deployAndSeed,
  freePort,
  rpc,
  startHardhatNode,
  startIndexer,
  startPostgres,
  type Indexer,
  type Service,
} from "./lib/processes";
import { reconcile } from "./lib/reconcile";

const RPC_PORT = Number(process.env.INDEXER_TEST_RPC_PORT ?? 8547);
const work = mkdtempSync(path.join(tmpdir(), "rdcf-indexer-test-"));
let node: Service & { url: string };
let record: DeploymentRecord;
const cleanups: (() => Promise<void>)[] = [];

before(async () => {
  node = await startHardhatNode(RPC_PORT);
  cleanups.push(node.stop);
  deployAndSeed(node.url, work);
  record = JSON.parse(readFileSync(path.join(work, "localhost.json"), "utf8")) as DeploymentRecord;
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e: Error) => console.error(e.message));
  rmSync(work, { recursive: true, force: true });
});

async function head(): Promise<number> {
  return Number(BigInt(await rpc<string>(node.url, "eth_blockNumber")));
}

function assertReconciled(lines: { what: string; indexed: string; onChain: string }[]): void {
  const wrong = lines.filter((l) => l.indexed !== l.onChain);
  assert.deepEqual(
    wrong,
    [],
    `indexed ≠ on chain:\n${wrong.map((l) => `  ${l.what}: ${l.indexed} ≠ ${l.onChain}`).join("\n")}`,
  );
  assert.ok(lines.length > 30, `only ${lines.length} comparisons`);
}

async function checkIndexer(indexer: Indexer): Promise<void> {
  await indexer.waitForBlock(await head());
  assertReconciled(await reconcile(indexer, node.url, record));

  // Every movement kind of docs/EVENTS.md reached the fund-flow edges (the seeded scenario has all but Repaid
  // and Withdrawn, which the next step adds).
  const kinds = await indexer.graphql<{ flowEdges: { items: { kind: string }[] } }>(
    "{ flowEdges(limit: 1000) { items { kind } } }",
  );
  for (const kind of ["funded", "disbursed", "refunded", "committed", "financed"]) {
    assert.ok(
      kinds.flowEdges.items.some((e) => e.kind === kind),
      `no ${kind} edge`,
    );
  }
}

/** A movement after the backfill (the firm repays the pool): indexed live, totals still equal the chain. */
async function repayAndCheck(indexer: Indexer): Promise<void> {
  const { createWalletClient, http } = await import("viem");
  const { contingencyPoolAbi, demoStablecoinAbi } = await import("../../web/src/generated/abis");
  const pool = record.contracts.ContingencyPool!.address as `0x${string}`;
  const token = record.contracts.DemoStablecoin!.address as `0x${string}`;
  const scenario = JSON.parse(readFileSync(path.join(work, "scenario.json"), "utf8")) as {
    accounts: Record<string, `0x${string}`>;
  };
  const firm = scenario.accounts.photoresistFirm;
  const wallet = createWalletClient({ account: firm, transport: http(node.url) });
  const chain = {
    id: record.chainId,
    name: "local",
    nativeCurrency: { name: "ETH", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [node.url] } },
  };
  await wallet.writeContract({
    chain,
    address: token,
    abi: demoStablecoinAbi,
    functionName: "approve",
    args: [pool, 1_000n],
  });
  await wallet.writeContract({
    chain,
    address: pool,
    abi: contingencyPoolAbi,
    functionName: "repay",
    args: [1n, 1_000n],
  });
  await indexer.waitForBlock(await head(), 30_000);
  assertReconciled(await reconcile(indexer, node.url, record));
  const repaid = await indexer.graphql<{ flows: { items: { amount: string }[] } }>(
    '{ flows(where: { kind: "repaid" }) { items { amount } } }',
  );
  assert.ok(
    repaid.flows.items.some((f) => f.amount === "1000"),
    "the repayment is not indexed",
  );
}

describe("the indexer on embedded PGlite", () => {
  test("serves totals equal to the chain after the backfill, and follows a new movement", async () => {
    const indexer = await startIndexer({
      rpcUrl: node.url,
      deploymentsDir: work,
      port: await freePort(),
      pgliteDir: path.join(work, "pglite"),
    });
    try {
      await checkIndexer(indexer);
      await repayAndCheck(indexer);
    } finally {
      await indexer.stop();
    }
  });
});

describe("the indexer on PostgreSQL (DATABASE_URL)", () => {
  test("serves the same totals from a real PostgreSQL 15", async () => {
    const postgres = await startPostgres(await freePort());
    cleanups.push(postgres.stop);
    const indexer = await startIndexer({
      rpcUrl: node.url,
      deploymentsDir: work,
      port: await freePort(),
      databaseUrl: postgres.url,
    });
    try {
      await checkIndexer(indexer);
    } finally {
      await indexer.stop();
    }
  });
});
