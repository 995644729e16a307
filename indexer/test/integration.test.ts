/**
 * The indexer on the seeded demo scenario (deploy, seed, disruption fired), first on embedded PGlite, then on a
 * real PostgreSQL 15: every per-party total, project, milestone, pool, component and supplier the indexer serves
 * equals what the node says. Then one more movement on chain must show up in the indexer (live indexing), and a
 * chain reorganisation must be followed (the PostgreSQL run then indexes the chain as the reorganisation left it).
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
  countLogs,
  deployAndSeed,
  freePort,
  rpc,
  startHardhatNode,
  startIndexer,
  startPostgres,
  type Indexer,
  type Service,
  waitFor,
} from "./lib/processes";
import { compareGreenReports } from "./lib/green";
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
  await assertGreenReportsEqual(indexer);

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

/**
 * For every seeded financier and every period (year and quarter) it has money in: the indexer's green aggregates,
 * mapped as the dashboard maps them, equal lib/rdLedger's greenReport over the full event list from the node; and
 * the shares of every payment sum to the payment.
 */
async function assertGreenReportsEqual(indexer: Indexer): Promise<void> {
  const { comparisons, years, payments, unbalanced } = await compareGreenReports(indexer, node.url, record);
  assert.deepEqual(unbalanced, [], "payments whose shares do not sum to the payment");
  assert.ok(payments > 0, "the seeded scenario has payments");
  for (const y of years) assert.deepEqual(y.fromIndexer, y.fromEvents, `years of ${y.financier}`);
  assert.ok(years.length >= 3, `only ${years.length} financiers`);
  assert.ok(
    comparisons.some((c) => c.fromEvents.rows.length > 1 && c.fromEvents.greenFen > 0n),
    "no period with several payments to green projects",
  );
  for (const c of comparisons)
    assert.deepEqual(c.fromIndexer, c.fromEvents, `green report of ${c.financier}, ${JSON.stringify(c.period)}`);
}

/** The demo chain's accounts and a wallet sending as one of them (the node's unlocked accounts). */
async function walletOf(role: string) {
  const { createWalletClient, http } = await import("viem");
  const scenario = JSON.parse(readFileSync(path.join(work, "scenario.json"), "utf8")) as {
    accounts: Record<string, `0x${string}`>;
  };
  const account = scenario.accounts[role];
  assert.ok(account, `no ${role} in the scenario`);
  const chain = {
    id: record.chainId,
    name: "local",
    nativeCurrency: { name: "ETH", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [node.url] } },
  };
  return { account, chain, wallet: createWalletClient({ account, chain, transport: http(node.url) }) };
}

/** A movement after the backfill (the firm repays the pool): indexed live, totals still equal the chain. */
async function repayAndCheck(indexer: Indexer): Promise<void> {
  const { contingencyPoolAbi, demoStablecoinAbi } = await import("../../web/src/generated/abis");
  const pool = record.contracts.ContingencyPool!.address as `0x${string}`;
  const token = record.contracts.DemoStablecoin!.address as `0x${string}`;
  const { wallet, chain } = await walletOf("photoresistFirm");
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

/** The bank funds project 2 with `amount` (approve + fund: two blocks under automine); the funding's hash. */
async function bankFunds(amount: bigint): Promise<`0x${string}`> {
  const { demoStablecoinAbi, rDEscrowAbi } = await import("../../web/src/generated/abis");
  const escrow = record.contracts.RDEscrow!.address as `0x${string}`;
  const token = record.contracts.DemoStablecoin!.address as `0x${string}`;
  const { wallet, chain } = await walletOf("bank");
  await wallet.writeContract({
    chain,
    address: token,
    abi: demoStablecoinAbi,
    functionName: "approve",
    args: [escrow, amount],
  });
  return wallet.writeContract({ chain, address: escrow, abi: rDEscrowAbi, functionName: "fund", args: [2n, amount] });
}

/** Whether the indexer serves a flow of the transaction `hash` (the Funded movement). */
async function flowIndexed(indexer: Indexer, hash: string): Promise<boolean> {
  const data = await indexer.graphql<{ flows: { totalCount: number } }>(
    `{ flows(where: { transactionHash: "${hash}" }) { totalCount } }`,
  );
  return data.flows.totalCount > 0;
}

async function projectFunded(indexer: Indexer, id: number): Promise<bigint> {
  const data = await indexer.graphql<{ project: { funded: string } | null }>(`{ project(id: "${id}") { funded } }`);
  assert.ok(data.project, `project ${id} is not indexed`);
  return BigInt(data.project.funded);
}

/**
 * A reorganisation of the local chain (evm_snapshot, movements, evm_revert, other movements on more blocks than
 * the reverted ones): the reverted movements leave the indexer's rows and totals, the new chain's arrive, and
 * everything again equals the chain. Ponder follows reorganisations of blocks it does not hold final yet: on
 * chain 31337 that is the last 30 blocks (Ponder 0.17's default finality depth, not configurable), so the
 * reverted branch here is a few blocks deep.
 */
async function reorgAndCheck(indexer: Indexer): Promise<void> {
  const fundedBefore = await projectFunded(indexer, 2);
  const snapshot = await rpc<string>(node.url, "evm_snapshot");
  const onA = await bankFunds(70_000n);
  // The flow row can be served a moment before the project's total (seen once in a clean-clone run: the flow was
  // there, `funded` still the old value), so wait for both, then check the total.
  await waitFor(
    "chain A's funding in the indexer",
    async () => (await flowIndexed(indexer, onA)) && (await projectFunded(indexer, 2)) === fundedBefore + 70_000n,
    30_000,
  );
  assert.equal(await projectFunded(indexer, 2), fundedBefore + 70_000n);
  const headA = await head();

  assert.equal(await rpc<boolean>(node.url, "evm_revert", [snapshot]), true);
  const onB = await bankFunds(30_000n);
  while ((await head()) <= headA) await rpc(node.url, "evm_mine");
  await waitFor(
    "the indexer on chain B",
    async () => (await flowIndexed(indexer, onB)) && !(await flowIndexed(indexer, onA)),
    30_000,
  );
  await indexer.waitForBlock(await head(), 30_000);
  assert.equal(await projectFunded(indexer, 2), fundedBefore + 30_000n);
  const events = await indexer.graphql<{ events: { totalCount: number } }>("{ events { totalCount } }");
  const addresses = Object.values(record.contracts).map((c) => c!.address);
  assert.equal(
    events.events.totalCount,
    await countLogs(node.url, addresses, await head()),
    "audit rows ≠ the chain's logs",
  );
  await assertEventCountersMatch(indexer);
  assertReconciled(await reconcile(indexer, node.url, record));
}

/**
 * Every counter of event_count (what the trail pages show as their totals) equals the number of `event` rows its
 * scope's filter matches, counted by the database; run after the reorganisation, so reverted events must have left
 * the counters as well.
 */
async function assertEventCountersMatch(indexer: Indexer): Promise<void> {
  const { eventCounts } = await indexer.graphql<{ eventCounts: { items: { scope: string; count: number }[] } }>(
    "{ eventCounts(limit: 1000) { items { scope count } } }",
  );
  const scopes = new Set(eventCounts.items.map((c) => c.scope));
  assert.ok(scopes.has("all") && [...scopes].some((s) => s.startsWith("project:")), "counters missing");
  for (const { scope, count } of eventCounts.items) {
    const [kind, value] = scope.split(":");
    const filter = kind === "all" ? "" : kind === "project" ? `projectId: "${value}"` : `name: "${value}"`;
    const counted = await indexer.graphql<{ events: { totalCount: number } }>(
      `{ events(where: { ${filter} }) { totalCount } }`,
    );
    assert.equal(count, counted.events.totalCount, `event_count ${scope}`);
  }
}

describe("the indexer on embedded PGlite", () => {
  let indexer: Indexer;
  before(async () => {
    indexer = await startIndexer({
      rpcUrl: node.url,
      deploymentsDir: work,
      port: await freePort(),
      pgliteDir: path.join(work, "pglite"),
    });
  });
  after(() => indexer.stop());

  test("serves totals equal to the chain after the backfill, and follows a new movement", async () => {
    await checkIndexer(indexer);
    await repayAndCheck(indexer);
  });

  test("follows a chain reorganisation: the reverted movements disappear, the new chain's appear", async () => {
    await reorgAndCheck(indexer);
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
