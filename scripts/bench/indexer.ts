/**
 * `npm run bench:indexer` — the indexer's benchmark (not a test). Run it under the shared port lock:
 * `flock /tmp/ports.lock npm run bench:indexer`.
 *
 *   1. starts a Hardhat node on 127.0.0.1:BENCH_RPC_PORT (default 8547), deploys and seeds the demo scenario
 *      (scripts/demo/seed-indexer-chain.ts, disruption fired),
 *   2. adds BENCH_FUNDINGS (default 5,000) `RDEscrow.fund(2, 0.01 dCNY)` calls from the four financiers,
 *      BENCH_PER_BLOCK (default 250) per block (BenchFunder transactions of up to 500 fundings each, as bench:web does);
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
import type { Address, Hex } from "viem";

import {
  addFundings,
  BACKFILL_COLUMNS,
  backfill,
  backfillCells,
  financiers,
  fundCall,
  median,
  type Backfill,
} from "./history.js";
import { left, markdownTable, right } from "./table.js";
import {
  deployAndSeed,
  freePort,
  rpc,
  startHardhatNode,
  startPostgres,
  waitFor,
  type Indexer,
} from "../../indexer/test/lib/processes.js";

const RPC_PORT = Number(process.env.BENCH_RPC_PORT ?? 8547);
const FUNDINGS = Number(process.env.BENCH_FUNDINGS ?? 5_000);
const PER_BLOCK = Math.max(1, Number(process.env.BENCH_PER_BLOCK ?? 250));
const LAG_RUNS = Number(process.env.BENCH_LAG_RUNS ?? 10);
const LAG_TARGET_MS = 3_000;
const OUT_FILE = path.join("bench", "indexer.json");
const log = (line: string) => console.log(`[bench:indexer] ${line}`);

interface Record_ {
  chainId: number;
  contracts: Record<string, { address: Address } | undefined>;
}

interface Lag {
  database: "PGlite" | "PostgreSQL";
  runs: number[];
  medianMs: number;
  maxMs: number;
}

async function liveLag(database: Lag["database"], url: string, record: Record_, indexer: Indexer): Promise<Lag> {
  const escrow = record.contracts.RDEscrow!.address;
  const [financier] = await financiers(url);
  const runs: number[] = [];
  for (let i = 0; i < LAG_RUNS; i++) {
    const hash = await rpc<Hex>(url, "eth_sendTransaction", [{ from: financier, to: escrow, data: fundCall(), gas: "0x30d40" }]);
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
    seeding = await addFundings(node.url, record, FUNDINGS, PER_BLOCK, log);

    for (const database of ["PGlite", "PostgreSQL"] as const) {
      let databaseUrl: string | undefined;
      if (database === "PostgreSQL") {
        const postgres = await startPostgres(await freePort());
        stops.push(postgres.stop);
        databaseUrl = postgres.url;
      }
      log(`backfill into ${database}`);
      const { result, indexer } = await backfill({
        database,
        rpcUrl: node.url,
        record,
        deploymentsDir: work,
        databaseUrl,
        log,
      });
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
  console.log(
    markdownTable(
      [left("database"), ...BACKFILL_COLUMNS],
      backfills.map((b) => [b.database, ...backfillCells(b)]),
    ),
  );
  console.log("");
  console.log(
    markdownTable(
      [
        left("database"),
        right("live lag median (ms)"),
        right("max (ms)"),
        right("runs"),
        left(`target ≤ ${LAG_TARGET_MS} ms`),
      ],
      lags.map((l) => [l.database, l.medianMs, l.maxMs, l.runs.length, l.maxMs <= LAG_TARGET_MS ? "ok" : "MISSED"]),
    ),
  );
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
