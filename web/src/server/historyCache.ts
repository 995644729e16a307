/**
 * The history cache of the dashboard's server (served by app/api/history): the logs of our contracts from the
 * deployment block, read from the same node the browser reads, kept in memory and extended block by block. A
 * first visit then downloads the history in one compact piece instead of the node's megabytes of eth_getLogs
 * JSON (which also cost the node their serialisation on every visit). The browser does not take it on trust: it
 * checks the served head block against the node, reads every later block from the node itself, and reconciles
 * the totals it rebuilds with the balances the contracts hold on chain (audit trail).
 *
 * A restarted or reverted chain is noticed by the cached head block's hash no longer matching: the cache is then
 * rebuilt from the deployment block. One refresh runs at a time; concurrent requests share it.
 */
import { gzipSync } from "node:zlib";
import { createClient, http, type Client, type Hex } from "viem";
import { getBlock } from "viem/actions";
import { appConfig } from "@/config";
import { deployments, type WebDeployment } from "@/generated/deployments";
import { fetchLogs } from "@/hooks/eventLog";
import { historySources } from "@/hooks/historyPreload";
import { packLogs } from "@/lib/packedLogs";

export interface HistorySnapshot {
  fromBlock: bigint;
  /** The last block included, and its hash. */
  toBlock: bigint;
  toHash: Hex;
  /** The contracts whose logs these are (lower case). */
  contracts: string[];
  /** One packed line per log (lib/packedLogs), oldest first. */
  lines: readonly string[];
}

export interface HistoryCache {
  /** The history up to the node's current head (the cache, extended; rebuilt if the chain is another one). */
  snapshot(): Promise<HistorySnapshot>;
  /** A snapshot's lines as one text, and gzipped (built once per set of lines). */
  body(snapshot: HistorySnapshot): { text: string; gzip: Buffer };
}

export function createHistoryCache(client: Client, deployment: WebDeployment | undefined): HistoryCache {
  let cached: HistorySnapshot | undefined;
  let refreshing: Promise<HistorySnapshot> | undefined;
  const bodies = new WeakMap<readonly string[], { text: string; gzip: Buffer }>();

  async function refresh(): Promise<HistorySnapshot> {
    if (!deployment) throw new Error("no deployment for the target chain");
    const contracts = [...historySources(deployment).keys()];
    const fromBlock = BigInt(deployment.deployedAtBlock);
    const head = await getBlock(client, { blockTag: "latest" });
    const read = (from: bigint) => fetchLogs(client, contracts as Hex[], from, head.number);
    let base = cached;
    if (base && base.toBlock > head.number) base = undefined; // the chain went back (revert, restart)
    if (base) {
      const block = base.toBlock === head.number ? head : await getBlock(client, { blockNumber: base.toBlock });
      if (block.hash !== base.toHash) base = undefined; // another chain at that height
    }
    if (base && base.toBlock === head.number) return base;
    const logs = await read(base ? base.toBlock + 1n : fromBlock);
    const lines = base && logs.length === 0 ? base.lines : [...(base?.lines ?? []), ...packLogs(logs)];
    return { fromBlock, toBlock: head.number, toHash: head.hash, contracts, lines };
  }

  return {
    snapshot() {
      refreshing ??= refresh()
        .then((s) => (cached = s))
        .finally(() => {
          refreshing = undefined;
        });
      return refreshing;
    },
    body(snapshot) {
      let body = bodies.get(snapshot.lines);
      if (!body) {
        const text = snapshot.lines.join("\n");
        body = { text, gzip: gzipSync(text) };
        bodies.set(snapshot.lines, body);
      }
      return body;
    },
  };
}

/** The server's cache: the target chain's deployment, read from the dashboard's RPC endpoint. */
export const historyCache: HistoryCache = createHistoryCache(
  createClient({ transport: http(appConfig.rpcUrl, { retryCount: 0, timeout: 10_000 }) }),
  deployments[appConfig.targetChainId],
);
