/**
 * The browser tests' stack after the node (playwright.config.ts starts that first): deploy + seed on it, then the
 * indexer and the dashboard, all on 127.0.0.1. Run from web/ by Playwright (`tsx e2e/stack.ts`), or by hand with
 * E2E_REUSE=1 for the tests (the same steps, e.g. while writing tests):
 *
 *   1. compile (cached), deploy, seed the demo scenario (the disruption is NOT fired — the scenario test fires it),
 *   2. start the indexer (`ponder start`, embedded PGlite in a temporary directory, port 42069, telemetry off)
 *      and, while it starts and backfills, `next build` with the indexer's URL in its environment,
 *   3. wait until the indexer is ready (backfill done) and at the node's head, then `next start` on :3000.
 *
 * Every service runs in its own process group and is stopped by its pid when this process gets SIGTERM/SIGINT
 * (Playwright's shutdown). The tests can stop and restart the indexer (the stopped-indexer test) through
 * {@link STACK_FILE}: SIGUSR1 to this process stops it, SIGUSR2 starts it again on the same database, and the file
 * says which state it is in.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  REPO_ROOT,
  rpc,
  startIndexer,
  startService,
  waitFor,
  type Indexer,
  type Service,
} from "../../indexer/test/lib/processes";
import { E2E_INDEXER_URL, E2E_RPC_URL, STACK_FILE, type StackState } from "./stackState";

const WEB_URL = "http://127.0.0.1:3000";
const INDEXER_PORT = Number(new URL(E2E_INDEXER_URL).port);
const began = Date.now();
const log = (line: string) => console.log(`[e2e stack ${((Date.now() - began) / 1000).toFixed(1)}s] ${line}`);

/** What the dashboard is built and served with (NEXT_PUBLIC_* is read at build time). */
const webEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_PUBLIC_RPC_URL: E2E_RPC_URL,
  NEXT_PUBLIC_INDEXER_URL: E2E_INDEXER_URL,
};

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  log(`$ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { cwd: REPO_ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${r.status ?? r.signal}`);
}

const pgliteRoot = mkdtempSync(path.join(tmpdir(), "rdcf-e2e-indexer-"));
let indexer: Indexer | undefined;
let web: Service | undefined;
let stopping = false;

function writeState(state: StackState["indexer"]): void {
  mkdirSync(path.dirname(STACK_FILE), { recursive: true });
  const stack: StackState = { pid: process.pid, indexer: state, indexerUrl: E2E_INDEXER_URL };
  // Atomically (write, then rename): the tests read the file while the stack changes it.
  writeFileSync(`${STACK_FILE}.tmp`, JSON.stringify(stack, null, 2) + "\n");
  renameSync(`${STACK_FILE}.tmp`, STACK_FILE);
}

/** The indexer on the deployment the seed wrote (deployments/localhost.json), resuming from its PGlite directory. */
async function startTheIndexer(): Promise<Indexer> {
  writeState("starting");
  const started = await startIndexer({
    rpcUrl: E2E_RPC_URL,
    deploymentsDir: path.join(REPO_ROOT, "deployments"),
    port: INDEXER_PORT,
    pgliteDir: path.join(pgliteRoot, "pglite"),
  });
  started.child.once("exit", (code, signal) => {
    if (!stopping && indexer === started)
      console.error(`[e2e stack] the indexer exited (${signal ?? code}):\n${started.output().slice(-3000)}`);
  });
  return started;
}

async function indexerAtHead(service: Indexer): Promise<void> {
  const head = Number(BigInt(await rpc<string>(E2E_RPC_URL, "eth_blockNumber")));
  await service.waitForBlock(head, 180_000);
}

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all([web?.stop(), indexer?.stop()]);
    rmSync(pgliteRoot, { recursive: true, force: true });
    rmSync(STACK_FILE, { force: true });
  }
  process.exit(code);
}

// The stopped-indexer test's controls. One change at a time: a request while one runs waits for it.
let control: Promise<void> = Promise.resolve();
const onControl = (what: "stop" | "start") => {
  control = control.then(async () => {
    if (stopping) return;
    if (what === "stop" && indexer) {
      log("stopping the indexer (test control)");
      const stopped = indexer;
      indexer = undefined;
      await stopped.stop();
      writeState("stopped");
    } else if (what === "start" && !indexer) {
      log("starting the indexer again (test control)");
      indexer = await startTheIndexer();
      await indexerAtHead(indexer);
      writeState("ready");
    }
  });
  control.catch((error: Error) => {
    log(`indexer control failed: ${error.message}`);
    void stopAll(1);
  });
};

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAll(0));
  process.on("SIGUSR1", () => onControl("stop"));
  process.on("SIGUSR2", () => onControl("start"));

  run("npx", ["hardhat", "build", "--quiet", "--no-tests"]);
  run("npx", ["hardhat", "run", "--no-compile", "scripts/deploy/deploy.ts", "--network", "localhost"]);
  run("npx", ["hardhat", "run", "--no-compile", "scripts/demo/seed-demo.ts", "--network", "localhost"]);

  // The indexer starts (Ponder builds its app, sets up PGlite, backfills) while Next builds the dashboard.
  indexer = await startTheIndexer();
  run("npm", ["run", "build", "-w", "web"], webEnv);
  await indexerAtHead(indexer);
  log(`indexer ready at ${E2E_INDEXER_URL}`);
  writeState("ready");

  web = startService("web", "npm", ["run", "start", "-w", "web"], { env: webEnv });
  await waitFor("the dashboard", async () => (await fetch(WEB_URL)).ok, 60_000);
  log(`dashboard at ${WEB_URL}`);
}

main().catch(async (error: unknown) => {
  console.error(`[e2e stack] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
