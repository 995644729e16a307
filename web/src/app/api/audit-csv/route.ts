/**
 * GET /api/audit-csv?project=&party=&type=&from=&to=&tx=&block= — the audit trail's filtered events as CSV, streamed:
 * the server pages through the indexer (newest first, 1,000 rows a request) and writes each page as it arrives, so
 * neither the browser nor this server holds the whole history. Same filter as the page (features/audit/filters.ts).
 */
import { appConfig } from "@/config";
import { CSV_HEADER, auditWhere, csvRows, filterFromParams } from "@/features/audit/filters";
import { toCsv } from "@/lib/csvFormat";
import { createIndexerClient, eventFromRow, MAX_PAGE, type ChainEvent, type Page } from "@/lib/indexer";

export const dynamic = "force-dynamic";

/** The server reads the indexer where it runs (INDEXER_URL), else where the browser does. */
const indexer = createIndexerClient(process.env.INDEXER_URL ?? appConfig.indexerUrl);

export async function GET(request: Request): Promise<Response> {
  const where = auditWhere(filterFromParams(new URL(request.url).searchParams));
  // The first page is read before answering, so an unreachable indexer is a 502 with its reason, not a cut file.
  let page: Page<"event">;
  try {
    page = await indexer.page("event", { where, orderBy: "id", orderDirection: "desc", limit: MAX_PAGE });
  } catch (error) {
    return new Response(`The audit trail cannot be exported: ${(error as Error).message}\n`, {
      status: 502,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const encoder = new TextEncoder();
  const rows = (items: typeof page.items) =>
    toCsv([], csvRows(items.map(eventFromRow).filter((e): e is ChainEvent => e !== undefined))).replace(/^\r\n/, "");
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${toCsv(CSV_HEADER, [])}`));
      try {
        for (;;) {
          controller.enqueue(encoder.encode(rows(page.items)));
          if (!page.hasNextPage || !page.endCursor) break;
          page = await indexer.page("event", {
            where,
            orderBy: "id",
            orderDirection: "desc",
            limit: MAX_PAGE,
            after: page.endCursor,
          });
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-trail-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
