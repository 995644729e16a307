/**
 * `npm run bench:indexer` — the indexer's benchmark (not a test). Run it under the shared port lock:
 * `flock /tmp/ports.lock npm run bench:indexer`.
 *
 *   1. starts a Hardhat node on 127.0.0.1:BENCH_RPC_PORT (default 8547), deploys and seeds the demo scenario
 *      (scripts/demo/seed-indexer-chain.ts, disruption fired),
 *   2. adds BENCH_FUNDINGS (default 5,000) `RDEscrow.fund(2, 0.01 dCNY)` calls from the four financiers,
 *      BENCH_PER_BLOCK (default 10) per block (automine off + evm_mine, JSON-RPC batches, as bench:web does);
 *      each is two events the indexer follows (the token's Transfer and the escrow's Funded),
 *   3. backfill: starts the indexer on an empty database — embedded PGlite, then a throw-away PostgreSQL 15 — and
 *      times it from the process start (and from its HTTP server answering) until it serves the chain's head;
 *      throughput = indexed events (the audit trail's row count) / seconds,
 *   4. live lag: with the indexer at the head, BENCH_LAG_RUNS (default 10) times sends one `fund` and measures
 *      the time from the transaction's receipt until the indexer's GraphQL API serves its flow row,
 * prints a table, writes bench/indexer.json and stops everything it started. Target (issue 16): lag ≤ 3 s.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeFunctionData, maxUint256, type Address, type Hex } from "viem";

import { demoStablecoinAbi, rDEscrowAbi } from "../../web/src/generated/abis.js";
import {
  countLogs,
  deployAndSeed,
  freePort,
  rpc,
  startHardhatNode,
  startIndexer,
  startPostgres,
  waitFor,
  type Indexer,
} from "../../indexer/test/lib/processes.js";

const RPC_PORT = Number(process.env.BENCH_RPC_PORT ?? 8547);
const FUNDINGS = Number(process.env.BENCH_FUNDINGS ?? 5_000);
const PER_BLOCK = Math.max(1, Number(process.env.BENCH_PER_BLOCK ?? 10));
const LAG_RUNS = Number(process.env.BENCH_LAG_RUNS ?? 10);
const LAG_TARGET_MS = 3_000;
const OUT_FILE = path.join("bench", "indexer.json");
const log = (line: string) => console.log(`[bench:indexer] ${line}`);

interface Record_ {
  chainId: number;
  contracts: Record<string, { address: Address } | undefined>;
}

async function rpcBatch(url: string, calls: { method: string; params: unknown[] }[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((c, i) => ({ jsonrpc: "2.0", id: i, ...c }))),
  });
  const body = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[];
  const failed = body.find((r) => r.error);
  if (failed) throw new Error(`JSON-RPC error: ${failed.error!.message}`);
  return body.sort((a, b) => a.id - b.id).map((r) => r.result);
}

/** The four demo financiers (scripts/lib/demo-accounts.ts: bank, venture, guidance, green). */
async function financiers(url: string): Promise<Address[]> {
  const accounts = await rpc<Address[]>(url, "eth_accounts");
  return [1, 2, 3, 17].map((i) => accounts[i]);
}

const send = (from: Address, to: Address, data: Hex) => ({
  method: "eth_sendTransaction",
  params: [{ from, to, data, gas: "0x30d40" }],
});
const fundCall = encodeFunctionData({ abi: rDEscrowAbi, functionName: "fund", args: [2n, 1n] });

async function addFundings(url: string, record: Record_): Promise<{ blocks: number; seconds: number }> {
  const token = record.contracts.DemoStablecoin!.address;
  const escrow = record.contracts.RDEscrow!.address;
  const from = await financiers(url);
  const approve = encodeFunctionData({ abi: demoStablecoinAbi, functionName: "approve", args: [escrow, maxUint256] });
  await rpcBatch(
    url,
    from.map((f) => send(f, token, approve)),
  );
  const started = Date.now();
  const startBlock = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  await rpc(url, "evm_setAutomine", [false]);
  try {
    const perRequest = Math.max(PER_BLOCK, Math.floor(200 / PER_BLOCK) * PER_BLOCK);
    for (let sent = 0; sent < FUNDINGS; ) {
      const calls: { method: string; params: unknown[] }[] = [];
      for (let i = 0; i < perRequest && sent < FUNDINGS; i++, sent++) {
        calls.push(send(from[sent % from.length], escrow, fundCall));
        if ((i + 1) % PER_BLOCK === 0 || sent + 1 === FUNDINGS) calls.push({ method: "evm_mine", params: [] });
      }
      await rpcBatch(url, calls);
      if (sent % 1_000 < perRequest) log(`  ${sent} / ${FUNDINGS} fundings`);
    }
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
  // The node may run a batch's evm_mine before the batch's last transactions arrive: mine what is still pending.
  const pending = await rpc<{ transactions: unknown[] }>(url, "eth_getBlockByNumber", ["pending", false]);
  if (pending.transactions.length > 0) await rpc(url, "evm_mine");
  const endBlock = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  return { blocks: endBlock - startBlock, seconds: (Date.now() - started) / 1000 };
}

interface Backfill {
  database: "PGlite" | "PostgreSQL";
  events: number;
  blocks: number;
  /** From the process start until the head is served (includes Ponder's build and database set-up). */
  totalSeconds: number;
  /** From the HTTP server answering (/health) until the head is served. */
  indexingSeconds: number;
  eventsPerSecond: number;
}

interface Lag {
  database: "PGlite" | "PostgreSQL";
  runs: number[];
  medianMs: number;
  maxMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function backfill(
  database: Backfill["database"],
  url: string,
  record: Record_,
  dir: string,
  databaseUrl?: string,
): Promise<{ result: Backfill; indexer: Indexer }> {
  const head = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  const started = Date.now();
  const indexer = await startIndexer({
    rpcUrl: url,
    deploymentsDir: dir,
    port: await freePort(),
    databaseUrl,
    pgliteDir: databaseUrl ? undefined : path.join(dir, `pglite-${Date.now()}`),
  });
  await waitFor("the indexer's HTTP server", async () => (await fetch(`${indexer.url}/health`)).ok, 120_000);
  const serving = Date.now();
  await indexer.waitForBlock(head, 600_000);
  const done = Date.now();
  const counted = await indexer.graphql<{ events: { totalCount: number } }>("{ events { totalCount } }");
  const events = counted.events.totalCount;
  const logs = await countLogs(url, Object.values(record.contracts).map((c) => c!.address), head);
  if (events !== logs) log(`  WARNING: the indexer serves ${events} events, the node counts ${logs} logs`);
  const indexingSeconds = (done - serving) / 1000;
  return {
    indexer,
    result: {
      database,
      events,
      blocks: head,
      totalSeconds: (done - started) / 1000,
      indexingSeconds,
      eventsPerSecond: Math.round(events / indexingSeconds),
    },
  };
}

async function liveLag(database: Lag["database"], url: string, record: Record_, indexer: Indexer): Promise<Lag> {
  const escrow = record.contracts.RDEscrow!.address;
  const [financier] = await financiers(url);
  const runs: number[] = [];
  for (let i = 0; i < LAG_RUNS; i++) {
    const hash = await rpc<Hex>(url, "eth_sendTransaction", [{ from: financier, to: escrow, data: fundCall, gas: "0x30d40" }]);
    // Automine: the receipt exists once the call returns; the clock starts when we hold it.
    await waitFor("the receipt", async () => (await rpc<unknown>(url, "eth_getTransactionReceipt", [hash])) !== null, 10_000);
    const receivedAt = performance.now();
    await waitFor(
      "the flow in the indexer",
      async () => {
        const data = await indexer.graphql<{ flows: { totalCount: number } }>(
          `{ flows(where: { transactionHash: "${hash}" }) { totalCount } }`,
        );
        return data.flows.totalCount === 1;
      },
      30_000,
    );
    runs.push(Math.round(performance.now() - receivedAt));
    await new Promise((r) => setTimeout(r, 300));
  }
  return { database, runs, medianMs: median(runs), maxMs: Math.max(...runs) };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "rdcf-bench-indexer-"));
  const stops: (() => Promise<void>)[] = [];
  const backfills: Backfill[] = [];
  const lags: Lag[] = [];
  let seeding = { blocks: 0, seconds: 0 };
  try {
    const node = await startHardhatNode(RPC_PORT);
    stops.push(node.stop);
    log(`node on ${node.url}; deploying and seeding the demo scenario`);
    deployAndSeed(node.url, work);
    const record = JSON.parse(readFileSync(path.join(work, "localhost.json"), "utf8")) as Record_;
    log(`adding ${FUNDINGS} fundings, ${PER_BLOCK} per block`);
    seeding = await addFundings(node.url, record);

    for (const database of ["PGlite", "PostgreSQL"] as const) {
      let databaseUrl: string | undefined;
      if (database === "PostgreSQL") {
        const postgres = await startPostgres(await freePort());
        stops.push(postgres.stop);
        databaseUrl = postgres.url;
      }
      log(`backfill into ${database}`);
      const { result, indexer } = await backfill(database, node.url, record, work, databaseUrl);
      stops.push(indexer.stop);
      backfills.push(result);
      log(`  ${result.events} events in ${result.indexingSeconds.toFixed(1)} s → ${result.eventsPerSecond} events/s`);
      log(`live lag on ${database}`);
      lags.push(await liveLag(database, node.url, record, indexer));
      await indexer.stop();
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }

  console.log("");
  console.log("| database | events | blocks | backfill (s, from server up) | total incl. start (s) | events/s |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const b of backfills) {
    console.log(
      `| ${b.database} | ${b.events} | ${b.blocks} | ${b.indexingSeconds.toFixed(1)} | ${b.totalSeconds.toFixed(1)} | ${b.eventsPerSecond} |`,
    );
  }
  console.log("");
  console.log(`| database | live lag median (ms) | max (ms) | runs | target ≤ ${LAG_TARGET_MS} ms |`);
  console.log("|---|---:|---:|---:|---|");
  for (const l of lags) {
    console.log(`| ${l.database} | ${l.medianMs} | ${l.maxMs} | ${l.runs.length} | ${l.maxMs <= LAG_TARGET_MS ? "ok" : "MISSED"} |`);
  }
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    OUT_FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        fundings: FUNDINGS,
        perBlock: PER_BLOCK,
        generation: seeding,
        backfills,
        liveLag: { targetMs: LAG_TARGET_MS, results: lags },
      },
      null,
      2,
    ) + "\n",
  );
  log(`wrote ${OUT_FILE}`);
}

await main();
