/**
 * The first history read, started by an inline script at the top of every page (root layout) instead of after
 * the app's JavaScript has loaded and hydrated: the history arrives while the scripts are still downloading and
 * running, which is most of a cold load. It asks the dashboard's history route (app/api/history: the server's
 * cache of our contracts' logs, packed — a fraction of the node's eth_getLogs JSON to download and to parse).
 *
 * useEventLog takes the answer once and trusts it only after checking it against the node (see
 * checkedPreloadedHistory below): the same contracts and start block, and the served head block's hash equal to the
 * node's. Anything else — no route (a static export), the route failing, another chain — means the usual read
 * from the node runs instead.
 */
import type { Client } from "viem";
import { getBlock } from "viem/actions";
import type { WebDeployment } from "@/generated/deployments";
import type { ChainEvent, Hex, SourceContract } from "@/lib/events";
import { unpackLogs } from "@/lib/packedLogs";
import { decodeLogs } from "./eventLog";

/** The history route's answer. */
export interface ServedHistory {
  fromBlock: bigint;
  toBlock: bigint;
  toHash: Hex;
  /** Lower-case addresses of the contracts whose logs these are. */
  contracts: string[];
  /** lib/packedLogs text. */
  packed: string;
}

export const HISTORY_ROUTE = "/api/history";

/** What the inline script leaves in `window.__rdcfHistory`. */
interface PreloadSlot {
  history: Promise<{ from: string; to: string; hash: string; contracts: string; packed: string }>;
}

const slot = globalThis as typeof globalThis & { __rdcfHistory?: PreloadSlot };

/**
 * The contracts whose events make the audit trail, lower-case address → name. The token is excluded: its
 * Transfer/Approval history is not ours and, for a production stablecoin, unbounded; our movement events
 * cover it.
 */
export function historySources(deployment: WebDeployment | undefined): Map<string, SourceContract> {
  const out = new Map<string, SourceContract>();
  for (const [name, address] of Object.entries(deployment?.contracts ?? {})) {
    if (address && name !== "DemoStablecoin") out.set(address.toLowerCase(), name as SourceContract);
  }
  return out;
}

/**
 * The preload itself, plain ES2017: it runs before any bundle. It takes the gzip file where the browser can
 * inflate it (DecompressionStream), else the text.
 */
const PRELOAD = `(function (route) {
  var gzip = typeof DecompressionStream === "function";
  var history = fetch(gzip ? route + "?gzip" : route, { cache: "no-store" }).then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    var text = gzip ? new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).text() : r.text();
    return text.then(function (packed) {
      return {
        from: r.headers.get("x-history-from-block"),
        to: r.headers.get("x-history-to-block"),
        hash: r.headers.get("x-history-block-hash"),
        contracts: r.headers.get("x-history-contracts"),
        packed: packed,
      };
    });
  });
  history.catch(function () {});
  window.__rdcfHistory = { history: history };
})`;

/** The inline script (undefined when this build has no deployment for the target chain). */
export function historyPreloadScript(deployment: WebDeployment | undefined): string | undefined {
  if (historySources(deployment).size === 0) return undefined;
  return `${PRELOAD}(${JSON.stringify(HISTORY_ROUTE)});`;
}

/**
 * The history the page preloaded, taken once (later reads extend the cached history block by block from the
 * node); undefined if there is none, and a rejected promise if the route failed or answered something else.
 */
export function takePreloadedHistory(): Promise<ServedHistory> | undefined {
  const pre = slot.__rdcfHistory;
  if (!pre) return undefined;
  delete slot.__rdcfHistory;
  return pre.history.then((h) => {
    if (!h.from || !h.to || !/^0x[0-9a-fA-F]{64}$/.test(h.hash ?? "") || h.contracts === null) {
      throw new Error("not a history answer");
    }
    return {
      fromBlock: BigInt(h.from),
      toBlock: BigInt(h.to),
      toHash: h.hash as Hex,
      contracts: h.contracts ? h.contracts.split(",") : [],
      packed: h.packed,
    };
  });
}

/**
 * The page's preloaded history (historyPreload.ts: the dashboard server's cache), decoded — if it is this
 * history and the node agrees with it: the same contracts and start block, and the node's block at the served
 * head has the served hash (the cache is of this chain, not of a restarted or reverted one). Later blocks are
 * read from the node; the audit trail reconciles the rebuilt totals with on-chain balances. Undefined when there
 * is no preload or it does not check out (the usual read from the node runs).
 */
export async function checkedPreloadedHistory(
  client: Client,
  from: bigint,
  sources: Map<string, SourceContract>,
): Promise<{ head: bigint; events: ChainEvent[] } | undefined> {
  const preloaded = takePreloadedHistory();
  if (!preloaded) return undefined;
  let served: ServedHistory;
  try {
    served = await preloaded;
  } catch {
    return undefined;
  }
  const sameContracts = [...served.contracts].sort().join() === [...sources.keys()].sort().join();
  if (served.fromBlock !== from || !sameContracts || served.toBlock < from - 1n) return undefined;
  // Asked now, answered while the history decodes.
  const onChain = getBlock(client, { blockNumber: served.toBlock }).then(
    (block) => block.hash === served.toHash,
    () => false,
  );
  // Decoding a long history takes a while: first let the reads that the page's other components started in the
  // same render (token, balances) go out. Their batch is a timer, queued once their promise chains have run:
  // two timer hops from here come after it.
  for (let hop = 0; hop < 2; hop++) await new Promise((resolve) => setTimeout(resolve, 0));
  const events = decodeLogs(unpackLogs(served.packed), sources);
  return (await onChain) ? { head: served.toBlock, events } : undefined;
}
