/**
 * History for the benchmarks (bench:web, bench:indexer) and the indexer's backfill of it.
 *
 * {@link addFundings}: cheap movements on our real contracts, `RDEscrow.fund(2, 0.01 dCNY)`, made by one
 * BenchFunder per demo financier (contracts/test/BenchFunder.sol, a bench-only batching contract that holds the
 * stablecoin its financier gave it and calls the real escrow's `fund` up to 500 times in one transaction), `perBlock`
 * per block (default 250: one `fundMany` transaction per block, automine on). Each funding is two events the indexer
 * follows (the escrow's Funded and the token's Transfer) — real events of the deployed contracts, emitted by real
 * calls; only the caller is a contract. The mix is fundings only (one project, four financiers — the BenchFunders
 * are the financiers of record): disbursements, milestones and more firms/projects are not generated.
 *
 * Pace (2 CPUs, load ~5 from other work, 2026-12-01): 100,000 fundings in 29.6 s over 400 blocks (3,373/s); 2,000 at
 * 250 or 500 per block ~2,800–3,000/s, at 1,000 per block (2 transactions per block, automine off + evm_mine) 909/s.
 * Before (one `eth_sendTransaction` per funding, 10 per block): ~190/s quiet, ~60/s at load 9; 100 per block was
 * ~6× slower still — with automine off each sent transaction seems to re-build the pending block (~n²/2 executions
 * per block of n), which is why several transactions per block stay slow and one big transaction per block is fast.
 * {@link backfill}: an indexer started on an empty database, timed until it serves the chain's head.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { encodeDeployData, encodeFunctionData, maxUint256, toHex, type Abi, type Address, type Hex } from "viem";

import { demoStablecoinAbi, rDEscrowAbi } from "../../web/src/generated/abis.js";
import { REPO_ROOT, countLogs, freePort, rpc, startIndexer, waitFor, type Indexer } from "../../indexer/test/lib/processes.js";
import { right } from "./table.js";

export interface FundingRecord {
  contracts: Record<string, { address: string } | undefined>;
}

export async function rpcBatch(url: string, calls: { method: string; params: unknown[] }[]): Promise<unknown[]> {
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
export async function financiers(url: string): Promise<Address[]> {
  const accounts = await rpc<Address[]>(url, "eth_accounts");
  return [1, 2, 3, 17].map((i) => accounts[i]);
}

export const sendTx = (from: Address, to: Address, data: Hex) => ({
  method: "eth_sendTransaction",
  params: [{ from, to, data, gas: "0x30d40" }],
});

/** `RDEscrow.fund(2, amount)`'s calldata (project 2 of the seeded scenario has room for a long history). */
const benchFunderAbi = [
  {
    type: "function",
    name: "fundMany",
    stateMutability: "nonpayable",
    inputs: [
      { name: "projectId", type: "uint256" },
      { name: "amount", type: "uint256" },
      { name: "calls", type: "uint256" },
    ],
    outputs: [],
  },
] as const;

export const fundCall = (amount = 1n): Hex =>
  encodeFunctionData({ abi: rDEscrowAbi, functionName: "fund", args: [2n, amount] });

/** The bench-only batching financier (contracts/test/BenchFunder.sol), as compiled by `hardhat build`. */
function benchFunderArtifact(): { abi: Abi; bytecode: Hex } {
  const file = path.join(REPO_ROOT, "artifacts", "contracts", "test", "BenchFunder.sol", "BenchFunder.json");
  return JSON.parse(readFileSync(file, "utf8")) as { abi: Abi; bytecode: Hex };
}

/** Most `fund` calls per BenchFunder transaction (its MAX_CALLS). */
export const MAX_CALLS_PER_TX = 500;

/**
 * Adds `count` fundings (`count` Funded events of the escrow, and as many token Transfers), `perBlock` per block:
 * one BenchFunder per demo financier (deployed, given the stablecoin it needs by its financier), then
 * `fundMany(2, 1, n)` transactions round-robin over the funders, ceil(perBlock / 500) per block. Also approves the
 * escrow for the demo financiers themselves (the live-lag probes fund from them directly). Returns how many blocks
 * and seconds the fundings took (the set-up of the funders not included), and checks the node's receipts: every
 * transaction succeeded and emitted its fundings.
 */
export async function addFundings(
  url: string,
  record: FundingRecord,
  count: number,
  perBlock: number,
  log: (line: string) => void,
): Promise<{ blocks: number; seconds: number }> {
  const token = record.contracts.DemoStablecoin!.address as Address;
  const escrow = record.contracts.RDEscrow!.address as Address;
  const from = await financiers(url);
  const approve = encodeFunctionData({ abi: demoStablecoinAbi, functionName: "approve", args: [escrow, maxUint256] });
  await rpcBatch(
    url,
    from.map((f) => sendTx(f, token, approve)),
  );
  if (count <= 0) return { blocks: 0, seconds: 0 };

  // One funder per financier; each gets the stablecoin for its share (1 unit per funding) from its financier.
  const artifact = benchFunderArtifact();
  const deployData = encodeDeployData({ abi: artifact.abi, bytecode: artifact.bytecode, args: [escrow, token] });
  const deployHashes = (await rpcBatch(
    url,
    from.map((f) => ({ method: "eth_sendTransaction", params: [{ from: f, data: deployData, gas: "0x16e360" }] })),
  )) as Hex[];
  const funders: Address[] = [];
  for (const hash of deployHashes) {
    const receipt = await rpc<{ status: Hex; contractAddress: Address }>(url, "eth_getTransactionReceipt", [hash]);
    if (receipt.status !== "0x1") throw new Error(`BenchFunder deployment ${hash} failed`);
    funders.push(receipt.contractAddress);
  }
  const share = BigInt(Math.ceil(count / from.length));
  await rpcBatch(
    url,
    from.map((f, i) =>
      sendTx(f, token, encodeFunctionData({ abi: demoStablecoinAbi, functionName: "transfer", args: [funders[i], share] })),
    ),
  );

  const perTx = Math.min(MAX_CALLS_PER_TX, Math.max(1, perBlock));
  const txPerBlock = Math.max(1, Math.ceil(perBlock / perTx));
  // ~12k gas per warm `fund` call measured; 25k per call leaves room.
  const gas = (calls: number) => toHex(200_000 + 25_000 * calls);
  const started = Date.now();
  const startBlock = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  // One transaction per block mines as it arrives (automine); several per block need automine off + evm_mine.
  if (txPerBlock > 1) await rpc(url, "evm_setAutomine", [false]);
  const hashes: { hash: Hex; calls: number }[] = [];
  try {
    let tx = 0;
    for (let sent = 0; sent < count; ) {
      const calls: { method: string; params: unknown[] }[] = [];
      const batch: number[] = [];
      for (let b = 0; b < 4 && sent < count; b++) {
        for (let t = 0; t < txPerBlock && sent < count; t++, tx++) {
          const n = Math.min(perTx, count - sent);
          const data = encodeFunctionData({ abi: benchFunderAbi, functionName: "fundMany", args: [2n, 1n, BigInt(n)] });
          const i = tx % funders.length;
          calls.push({ method: "eth_sendTransaction", params: [{ from: from[i], to: funders[i], data, gas: gas(n) }] });
          batch.push(n);
          sent += n;
        }
        if (txPerBlock > 1) calls.push({ method: "evm_mine", params: [] });
      }
      const results = await rpcBatch(url, calls);
      let k = 0;
      for (const r of results) if (typeof r === "string" && r.length === 66) hashes.push({ hash: r as Hex, calls: batch[k++] });
      if (Math.floor(sent / 10_000) !== Math.floor((sent - batch.reduce((a, b) => a + b, 0)) / 10_000)) {
        log(`  ${sent} / ${count} fundings`);
      }
    }
  } finally {
    if (txPerBlock > 1) await rpc(url, "evm_setAutomine", [true]);
  }
  // The node may run a batch's evm_mine before the batch's last transactions arrive: mine what is still pending.
  const pending = await rpc<{ transactions: unknown[] }>(url, "eth_getBlockByNumber", ["pending", false]);
  if (pending.transactions.length > 0) await rpc(url, "evm_mine");
  const endBlock = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  const seconds = (Date.now() - started) / 1000;

  // Smoke check of the funders: every transaction succeeded with one Funded (+ one Transfer) per call.
  for (let i = 0; i < hashes.length; i += 100) {
    const receipts = (await rpcBatch(
      url,
      hashes.slice(i, i + 100).map((h) => ({ method: "eth_getTransactionReceipt", params: [h.hash] })),
    )) as { status: Hex; logs: unknown[] }[];
    receipts.forEach((r, j) => {
      const { hash, calls } = hashes[i + j];
      if (r.status !== "0x1" || r.logs.length !== 2 * calls) {
        throw new Error(`funding transaction ${hash}: status ${r.status}, ${r.logs.length} logs for ${calls} calls`);
      }
    });
  }
  return { blocks: endBlock - startBlock, seconds };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export interface Backfill {
  database: "PGlite" | "PostgreSQL";
  events: number;
  blocks: number;
  /** From the process start until the head is served (includes Ponder's build and database set-up). */
  totalSeconds: number;
  /** From the HTTP server answering (/health) until the head is served. */
  indexingSeconds: number;
  eventsPerSecond: number;
}

/** The columns of a backfill in the benches' tables (bench:indexer, bench:web), and its cells in them. */
export const BACKFILL_COLUMNS = [
  right("indexed events"),
  right("blocks"),
  right("backfill (s, from server up)"),
  right("incl. start (s)"),
  right("events/s"),
];
export const backfillCells = (b: Backfill): (string | number)[] => [
  b.events,
  b.blocks,
  b.indexingSeconds.toFixed(1),
  b.totalSeconds.toFixed(1),
  b.eventsPerSecond,
];

export interface BackfillOptions {
  database: Backfill["database"];
  rpcUrl: string;
  record: FundingRecord;
  /** Where `localhost.json` (the deployment record) is; a fresh PGlite directory is made inside it. */
  deploymentsDir: string;
  databaseUrl?: string;
  /** The indexer's port (default: a free one). */
  port?: number;
  log: (line: string) => void;
}

/**
 * Starts an indexer on an empty database (a new PGlite directory, or `databaseUrl`) and times it until it serves
 * the chain's head with every event; returns the timing and the running indexer (the caller stops it).
 */
export async function backfill(options: BackfillOptions): Promise<{ result: Backfill; indexer: Indexer }> {
  const { rpcUrl: url, databaseUrl } = options;
  const head = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  const started = Date.now();
  const indexer = await startIndexer({
    rpcUrl: url,
    deploymentsDir: options.deploymentsDir,
    port: options.port ?? (await freePort()),
    databaseUrl,
    pgliteDir: databaseUrl ? undefined : path.join(options.deploymentsDir, `pglite-${Date.now()}`),
  });
  await waitFor("the indexer's HTTP server", async () => (await fetch(`${indexer.url}/health`)).ok, 120_000);
  const serving = Date.now();
  await indexer.waitForBlock(head, 1_800_000);
  const done = Date.now();
  const counted = await indexer.graphql<{ events: { totalCount: number } }>("{ events { totalCount } }");
  const events = counted.events.totalCount;
  const logs = await countLogs(
    url,
    Object.values(options.record.contracts).map((c) => c!.address),
    head,
  );
  if (events !== logs) options.log(`  WARNING: the indexer serves ${events} events, the node counts ${logs} logs`);
  const indexingSeconds = (done - serving) / 1000;
  return {
    indexer,
    result: {
      database: options.database,
      events,
      blocks: head,
      totalSeconds: (done - started) / 1000,
      indexingSeconds,
      eventsPerSecond: Math.round(events / indexingSeconds),
    },
  };
}
