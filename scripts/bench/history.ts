/**
 * History for the benchmarks (bench:web, bench:indexer) and the indexer's backfill of it.
 *
 * {@link addFundings}: cheap movements on our real contracts, `RDEscrow.fund(2, 0.01 dCNY)` from the four demo
 * financiers, `perBlock` per block (automine off + evm_mine, in JSON-RPC batches). Each funding is two events the
 * indexer follows (the token's Transfer and the escrow's Funded). The mix is fundings only (one project, four
 * financiers): disbursements, milestones and more firms/projects are not generated yet.
 *
 * Pace (2 CPUs shared with other work): about 190 fundings/s at 10 per block on a quiet machine, ~60/s at load 9.
 * More per block was slower on the Hardhat node, not faster: 100 per block ran at ~10 fundings/s against ~60/s at
 * 10 per block (same loaded machine, 2026-12-01) — presumably because with automine off each eth_sendTransaction
 * re-builds the pending block (re-executes what is already in it), ~n²/2 executions per block of n. Hence
 * BENCH_PER_BLOCK defaults to 10. (Anvil, pre-signed raw transactions
 * or several calls per transaction through a batching contract are the next steps; not done.)
 * {@link backfill}: an indexer started on an empty database, timed until it serves the chain's head.
 */
import path from "node:path";
import { encodeFunctionData, maxUint256, type Address, type Hex } from "viem";

import { demoStablecoinAbi, rDEscrowAbi } from "../../web/src/generated/abis.js";
import { countLogs, freePort, rpc, startIndexer, waitFor, type Indexer } from "../../indexer/test/lib/processes.js";

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
export const fundCall = (amount = 1n): Hex =>
  encodeFunctionData({ abi: rDEscrowAbi, functionName: "fund", args: [2n, amount] });

/** Adds `count` fundings, `perBlock` per block; returns how many blocks and seconds that took. */
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
  const call = fundCall();
  const started = Date.now();
  const startBlock = Number(BigInt(await rpc<Hex>(url, "eth_blockNumber")));
  await rpc(url, "evm_setAutomine", [false]);
  try {
    const perRequest = Math.max(perBlock, Math.floor(200 / perBlock) * perBlock);
    for (let sent = 0; sent < count; ) {
      const calls: { method: string; params: unknown[] }[] = [];
      for (let i = 0; i < perRequest && sent < count; i++, sent++) {
        calls.push(sendTx(from[sent % from.length], escrow, call));
        if ((i + 1) % perBlock === 0 || sent + 1 === count) calls.push({ method: "evm_mine", params: [] });
      }
      await rpcBatch(url, calls);
      if (sent % 10_000 < perRequest) log(`  ${sent} / ${count} fundings`);
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
