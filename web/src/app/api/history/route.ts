/**
 * GET /api/history — the logs of our contracts from the deployment block to the node's head, packed
 * (lib/packedLogs), from the server's history cache (server/historyCache.ts). Headers name the range, the head
 * block's hash and the contracts, which the browser checks against the node before using the history.
 *
 * `?gzip` answers the cached gzip file of the text (application/gzip; the browser inflates it with a
 * DecompressionStream): compressed once per history rather than on every request, which a route handler cannot
 * otherwise do (the server drops its Content-Encoding).
 */
import { historyCache } from "@/server/historyCache";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  let snapshot;
  try {
    snapshot = await historyCache.snapshot();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return new Response(`history unavailable: ${message}`, { status: 502, headers: { "cache-control": "no-store" } });
  }
  const body = historyCache.body(snapshot);
  const gzip = new URL(request.url).searchParams.has("gzip");
  return new Response(gzip ? new Uint8Array(body.gzip) : body.text, {
    headers: {
      "content-type": gzip ? "application/gzip" : "text/plain; charset=utf-8",
      // no-transform: a gzip file is not to be compressed again.
      "cache-control": gzip ? "no-store, no-transform" : "no-store",
      "x-history-from-block": snapshot.fromBlock.toString(),
      "x-history-to-block": snapshot.toBlock.toString(),
      "x-history-block-hash": snapshot.toHash,
      "x-history-contracts": snapshot.contracts.join(","),
    },
  });
}
