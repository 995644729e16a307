/**
 * Throw-away services for the indexer's integration test and benchmark: a Hardhat node, a PostgreSQL cluster and
 * the indexer itself, each on 127.0.0.1 and a port of its own, each stopped by its process (group) id. Callers hold
 * the shared port lock (`flock /tmp/ports.lock …`).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const INDEXER_ROOT = path.join(REPO_ROOT, "indexer");
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** A port nobody listens on right now (ask the kernel, then release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000}s`);
}

export interface Service {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `command` in its own process group, keeping its output (printed when `DEBUG_SERVICES` is set). */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (process.env.DEBUG_SERVICES) process.stderr.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => output, stop };
}

// ---- JSON-RPC ---------------------------------------------------------------------------------------------------

export async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/**
 * How many logs `addresses` emitted up to `toBlock`, from the node itself: eth_getLogs in ranges of
 * `blocksPerRequest` blocks (100 by default). The range is kept small because the bench packs up to 500 events
 * into a block: 2,000 such blocks in one answer (~1,000,000 logs) are more than the Hardhat node's HTTP server
 * sends before it drops the connection.
 */
export async function countLogs(
  url: string,
  addresses: string[],
  toBlock: number,
  blocksPerRequest = 100,
): Promise<number> {
  let count = 0;
  for (let from = 0; from <= toBlock; from += blocksPerRequest) {
    const to = Math.min(toBlock, from + blocksPerRequest - 1);
    const logs = await rpc<unknown[]>(url, "eth_getLogs", [
      { address: addresses, fromBlock: `0x${from.toString(16)}`, toBlock: `0x${to.toString(16)}` },
    ]);
    count += logs.length;
  }
  return count;
}

/** A Hardhat node on 127.0.0.1:`port`. */
export async function startHardhatNode(port: number): Promise<Service & { url: string }> {
  const url = `http://127.0.0.1:${port}`;
  if (
    await rpc(url, "eth_chainId").then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`something already answers JSON-RPC on ${url}; stop it first`);
  }
  const node = startService("node", "npx", ["hardhat", "node", "--hostname", "127.0.0.1", "--port", String(port)]);
  await waitFor(
    `the Hardhat node on ${url}`,
    async () => (await rpc<string>(url, "eth_chainId")) !== undefined,
    60_000,
  );
  return { ...node, url };
}

/** Deploys and seeds the demo scenario (scripts/demo/seed-indexer-chain.ts); the deployment record goes to `dir`. */
export function deployAndSeed(rpcUrl: string, dir: string): void {
  const r = spawnSync("npx", ["tsx", "scripts/demo/seed-indexer-chain.ts", rpcUrl, dir], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`seeding failed:\n${r.stdout}\n${r.stderr}`);
}

// ---- PostgreSQL -------------------------------------------------------------------------------------------------

/**
 * A throw-away PostgreSQL 15 cluster (Debian's `postgresql` package) on 127.0.0.1:`port`, trust auth, data in a
 * temporary directory removed on stop. PostgreSQL refuses to run as root: then it runs as the `postgres` user.
 */
export async function startPostgres(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "rdcf-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const pg = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(PG_BIN, tool), ...args]]
      : [path.join(PG_BIN, tool), args];
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: dir });
    if (r.error) throw new Error(`${tool}: ${r.error.message} (install Debian's postgresql package)`);
    if (r.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  };
  pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  writeFileSync(path.join(dir, ".keep"), "");
  pg("pg_ctl", [
    "-D",
    data,
    "-l",
    path.join(dir, "server.log"),
    "-o",
    `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "-w",
    "start",
  ]);
  const stop = async () => {
    try {
      pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
}

// ---- the indexer ------------------------------------------------------------------------------------------------

export interface IndexerOptions {
  rpcUrl: string;
  deploymentsDir: string;
  port: number;
  /** Postgres; without it, embedded PGlite in `pgliteDir`. */
  databaseUrl?: string;
  pgliteDir?: string;
  schema?: string;
}

export interface Indexer extends Service {
  url: string;
  /**
   * Waits until the indexer has finished its backfill, reports block `block` (or later) in /status and its audit
   * trail (GraphQL `events`) holds every log our contracts emitted up to that block, as the node counts them.
   */
  waitForBlock: (block: number, timeoutMs?: number) => Promise<void>;
  graphql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

export async function startIndexer(options: IndexerOptions): Promise<Indexer> {
  const record = JSON.parse(readFileSync(path.join(options.deploymentsDir, "localhost.json"), "utf8")) as {
    contracts: Record<string, { address: string }>;
  };
  const addresses = Object.values(record.contracts).map((c) => c.address);
  const url = `http://127.0.0.1:${options.port}`;
  const env: Record<string, string | undefined> = {
    PONDER_TELEMETRY_DISABLED: "true",
    PONDER_RPC_URL: options.rpcUrl,
    DEPLOYMENTS_DIR: options.deploymentsDir,
    PONDER_NETWORK: "localhost",
    DATABASE_URL: options.databaseUrl ?? "",
    PGLITE_DIR: options.pgliteDir ?? "",
  };
  if (!options.databaseUrl) delete env.DATABASE_URL;
  const service = startService(
    "indexer",
    "npx",
    [
      "ponder",
      "start",
      "--hostname",
      "127.0.0.1",
      "--port",
      String(options.port),
      "--schema",
      options.schema ?? "rdcf",
    ],
    { cwd: INDEXER_ROOT, env },
  );
  const failed = () => service.child.exitCode !== null;
  const status = async (): Promise<number> => {
    const body = (await (await fetch(`${url}/status`)).json()) as Record<string, { block?: { number: number } }>;
    return Math.min(...Object.values(body).map((c) => c.block?.number ?? -1));
  };
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
    return body.data as T;
  };
  const waitForBlock = async (block: number, timeoutMs = 120_000) => {
    const logs = await countLogs(options.rpcUrl, addresses, block);
    await waitFor(
      `the indexer at block ${block} with ${logs} events`,
      async () => {
        if (failed()) throw new Error(`the indexer exited:\n${service.output()}`);
        if (!(await fetch(`${url}/ready`)).ok || (await status()) < block) return false;
        const indexed = await graphql<{ events: { totalCount: number } }>("{ events { totalCount } }");
        return indexed.events.totalCount >= logs;
      },
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- indexer output ---\n${service.output().slice(-4000)}`);
    });
  };
  return { ...service, url, waitForBlock, graphql };
}
