/**
 * `npm run demo` — from a fresh clone (after `npm ci`) to a living scenario:
 *
 *   1. compiles the contracts (offline),
 *   2. starts a Hardhat node on 127.0.0.1:8545,
 *   3. deploys every contract (scripts/deploy/deploy.ts → deployments/localhost.json + the web's generated module),
 *   4. seeds the scenario (scripts/demo/seed-demo.ts: financiers, firms, projects, milestones in every state,
 *      suppliers with substitutes, a contingency pool) and writes the disruption feed,
 *   5. runs the reporter service once, which fires the disruption that finances a substitute supplier,
 *   6. starts the indexer (indexer/, Ponder on embedded PGlite in .demo/indexer-pglite, emptied first: the chain is
 *      new) on http://127.0.0.1:42069 — GraphQL at /graphql, SQL over HTTP at /sql, progress at /status,
 *   7. builds and starts the dashboard on http://127.0.0.1:3000,
 *
 * then prints the URLs and who is who, and waits. Ctrl-C stops everything it started.
 * Set DEMO_SKIP_WEB=1 to skip step 7 (chain and indexer only).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";

import { DEMO_ACCOUNTS } from "../lib/demo-accounts.js";

const RPC_URL = "http://127.0.0.1:8545";
const WEB_URL = "http://127.0.0.1:3000";
const INDEXER_URL = "http://127.0.0.1:42069";
const INDEXER_DB = resolve(".demo", "indexer-pglite");
const children: ChildProcess[] = [];

function log(line: string): void {
  console.log(`[demo] ${line}`);
}

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
function run(command: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  log(`$ ${command}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`"${command}" exited with ${code}`))));
  });
}

/** Starts a long-running command in its own process group, prefixing its output. */
function start(name: string, command: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  log(`starting ${name}: ${command}`);
  const child = spawn(command, {
    shell: true,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => `[${name}] ${l}`)
      .join("\n") + "\n";
  child.stdout?.on("data", (chunk: Buffer) => {
    if (process.env.DEMO_VERBOSE) process.stdout.write(prefix(chunk));
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on("exit", (code, signal) => {
    if (!stopping) log(`${name} exited (${signal ?? code})`);
  });
  children.push(child);
  return child;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000}s`);
}

async function rpcIsUp(): Promise<boolean> {
  const response = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return response.ok;
}

/** Whether the indexer serves the node's latest block (its /status reports the block it has indexed). */
async function indexerAtHead(): Promise<boolean> {
  const status = (await (await fetch(`${INDEXER_URL}/status`)).json()) as Record<
    string,
    { block?: { number: number } }
  >;
  const indexed = Math.min(...Object.values(status).map((chain) => chain.block?.number ?? -1));
  const head = await fetch(RPC_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return indexed >= Number(((await head.json()) as { result: string }).result);
}

let stopping = false;
function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  log("stopping everything the demo started…");
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM"); // the whole process group (npx → node → …)
      } catch {
        // already gone
      }
    }
  }
  setTimeout(() => process.exit(exitCode), 500);
}

async function main(): Promise<void> {
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  if (await rpcIsUp().catch(() => false)) {
    throw new Error(`something is already listening on ${RPC_URL}; stop it first (the demo starts its own node)`);
  }
  await run("npx hardhat build");
  start("node", "npx hardhat node --hostname 127.0.0.1 --port 8545");
  await waitFor("the Hardhat node", rpcIsUp, 60_000);
  log(`chain up at ${RPC_URL} (chain id 31337)`);

  await run("npx hardhat run --no-compile scripts/deploy/deploy.ts --network localhost");
  if (existsSync("scripts/demo/seed-demo.ts")) {
    await run("npx hardhat run --no-compile scripts/demo/seed-demo.ts --network localhost");
    await run("tsx scripts/reporter/oracle-reporter.ts --network localhost --feed .demo/disruption-feed.json");
  } else {
    log("scripts/demo/seed-demo.ts is not there yet: chain deployed without a scenario");
  }

  const withIndexer = existsSync("indexer/package.json");
  if (withIndexer) {
    rmSync(INDEXER_DB, { recursive: true, force: true }); // a new chain: nothing indexed yet
    start("indexer", "npm run start -w indexer", {
      PONDER_RPC_URL: RPC_URL,
      PONDER_NETWORK: "localhost",
      PGLITE_DIR: INDEXER_DB,
      PONDER_TELEMETRY_DISABLED: "true",
    });
    await waitFor("the indexer", async () => (await fetch(`${INDEXER_URL}/ready`)).ok, 180_000);
    await waitFor("the indexer to reach the chain head", indexerAtHead, 120_000);
    log(`indexer up at ${INDEXER_URL} (GraphQL /graphql, SQL over HTTP /sql, progress /status)`);
  }

  const withWeb = process.env.DEMO_SKIP_WEB !== "1" && existsSync("web/package.json");
  if (withWeb) {
    await run("npm run build -w web");
    start("web", "npm run start -w web");
    await waitFor("the dashboard", async () => (await fetch(WEB_URL)).ok, 120_000);
  }

  console.log("");
  log("ready.");
  log(`  chain      ${RPC_URL}  (chain id 31337)`);
  if (withIndexer) log(`  indexer    ${INDEXER_URL}/graphql  (embedded PGlite in ${INDEXER_DB})`);
  if (withWeb) log(`  dashboard  ${WEB_URL}`);
  log("  accounts (the node's unlocked test accounts; the dashboard's connect menu offers them by role):");
  for (const account of DEMO_ACCOUNTS) {
    log(`    #${String(account.index).padStart(2)} ${account.role.padEnd(9)} ${account.name.en} / ${account.name.zh}`);
  }
  log("Ctrl-C stops the node, the indexer and the dashboard.");
  await new Promise(() => {}); // wait for Ctrl-C
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  stopAll(1);
});
