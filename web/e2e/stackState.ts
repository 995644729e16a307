/**
 * Where the browser tests' stack (e2e/stack.ts) runs, and the tests' handle on its indexer: the stack writes
 * {@link STACK_FILE}; a test stops the indexer with {@link stopIndexer} and starts it again with
 * {@link restartIndexer} (the stack process owns it and stops it at the end, whatever the test did).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_RPC_URL = process.env.E2E_RPC_URL ?? "http://127.0.0.1:8545";
export const E2E_INDEXER_URL = process.env.E2E_INDEXER_URL ?? "http://127.0.0.1:42069";
export const STACK_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "test-results", "stack.json");

export interface StackState {
  /** The stack process (e2e/stack.ts): SIGUSR1 stops its indexer, SIGUSR2 starts it again. */
  pid: number;
  indexer: "starting" | "ready" | "stopped";
  indexerUrl: string;
}

export function stackState(): StackState {
  try {
    return JSON.parse(readFileSync(STACK_FILE, "utf8")) as StackState;
  } catch (error) {
    throw new Error(
      `no running e2e stack (${(error as Error).message}): the tests start it (playwright.config.ts); ` +
        "with E2E_REUSE=1 start it yourself: `npx hardhat node --hostname 127.0.0.1` and `cd web && npx tsx e2e/stack.ts`",
    );
  }
}

async function waitForState(want: StackState["indexer"], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (stackState().indexer !== want) {
    if (Date.now() > deadline) throw new Error(`the e2e stack's indexer is not ${want} after ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops the indexer (its whole process group); resolves once it is down and no longer answers. */
export async function stopIndexer(): Promise<void> {
  process.kill(stackState().pid, "SIGUSR1");
  await waitForState("stopped", 30_000);
}

/** Starts the indexer again on the same database; resolves once it is ready and at the node's head. */
export async function restartIndexer(timeoutMs = 120_000): Promise<void> {
  process.kill(stackState().pid, "SIGUSR2");
  await waitForState("ready", timeoutMs);
}

/** What the indexer reports as indexed (Ponder's /status), or undefined while it does not answer. */
export async function indexedBlock(): Promise<number | undefined> {
  try {
    const status = (await (await fetch(`${E2E_INDEXER_URL}/status`)).json()) as Record<
      string,
      { block?: { number: number } }
    >;
    return Math.min(...Object.values(status).map((c) => c.block?.number ?? -1));
  } catch {
    return undefined;
  }
}
