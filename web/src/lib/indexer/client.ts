/**
 * The dashboard's one way to the indexer (indexer/, Ponder): its GraphQL API for pages and aggregates and its
 * /status for how far it has indexed. Plain fetch (no client library in the bundle); every answer decoded into
 * the schema's row types (rows.ts). A failed read throws an IndexerError naming why — views show it as unknown,
 * never as zero.
 */
import { COLUMNS, decodeRow, selection, type KnownTable, type Row } from "./rows";

/** Most rows one GraphQL page may hold (Ponder's MAX_LIMIT). */
export const MAX_PAGE = 1000;

export class IndexerError extends Error {
  override readonly name = "IndexerError";
}

/** A Ponder GraphQL filter: column → value, `column_in`, `column_has`, `column_gte`, …, AND / OR. */
export type Where = Record<string, unknown>;

export interface PageRequest<T extends KnownTable> {
  where?: Where;
  orderBy?: keyof Row<T> & string;
  orderDirection?: "asc" | "desc";
  limit?: number;
  offset?: number;
  /** Cursor of the previous page's last row (pageInfo.endCursor). */
  after?: string;
  /**
   * false: the answer leaves out the number of matching rows (totalCount is then undefined). Counting reads every
   * matching row, so a page of a large table takes its total from a counter (the event_count table) instead.
   */
  count?: boolean;
}

export interface Page<T extends KnownTable, Counted extends boolean = true> {
  items: Row<T>[];
  totalCount: Counted extends true ? number : undefined;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface IndexedBlock {
  chainId: number;
  blockNumber: bigint;
  timestamp: number;
}

/** JSON variables: bigints as decimal strings (GraphQL's BigInt scalar reads strings). */
const jsonVariables = (value: unknown): string =>
  JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

export interface IndexerClient {
  readonly url: string;
  page<T extends KnownTable>(table: T, request?: PageRequest<T> & { count?: true }): Promise<Page<T>>;
  page<T extends KnownTable>(table: T, request: PageRequest<T> & { count: false }): Promise<Page<T, false>>;
  /** Every row matching `request.where`, page by page (refuses more than `max` rows: views ask for pages). */
  all<T extends KnownTable>(
    table: T,
    request?: Omit<PageRequest<T>, "limit" | "after" | "offset">,
    max?: number,
  ): Promise<Row<T>[]>;
  /** The block the indexer has indexed to (its /status), for the deployment's chain. */
  status(chainId: number): Promise<IndexedBlock>;
}

export function createIndexerClient(url: string, fetchFn: typeof fetch = (...a) => fetch(...a)): IndexerClient {
  const base = url.replace(/\/+$/, "");
  const request = async (path: string, init?: RequestInit): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, { cache: "no-store", ...init });
    } catch (error) {
      throw new IndexerError(`the indexer at ${base} does not answer (${(error as Error).message})`);
    }
    if (!response.ok)
      throw new IndexerError(`the indexer answered ${response.status} ${response.statusText} for ${path}`);
    return response.json();
  };

  const page = async <T extends KnownTable>(table: T, req: PageRequest<T> = {}): Promise<Page<T, boolean>> => {
    const { where, orderBy, orderDirection, limit = 50, offset, after, count = true } = req;
    const query = `query($where: ${table}Filter, $orderBy: String, $orderDirection: String, $limit: Int, $offset: Int, $after: String) {
  page: ${table}s(where: $where, orderBy: $orderBy, orderDirection: $orderDirection, limit: $limit, offset: $offset, after: $after) {
    items { ${selection(table)} }${count ? "\n    totalCount" : ""}
    pageInfo { hasNextPage endCursor }
  }
}`;
    const answer = (await request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: jsonVariables({ query, variables: { where, orderBy, orderDirection, limit, offset, after } }),
    })) as {
      data?: {
        page?: {
          items: Record<string, unknown>[];
          totalCount?: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      errors?: { message: string }[];
    };
    if (answer.errors?.length) throw new IndexerError(`the indexer refused the query: ${answer.errors[0].message}`);
    const data = answer.data?.page;
    if (!data) throw new IndexerError(`the indexer answered no ${table} page`);
    return {
      items: data.items.map((json) => decodeRow(table, json)),
      totalCount: count ? data.totalCount : undefined,
      hasNextPage: data.pageInfo.hasNextPage,
      endCursor: data.pageInfo.endCursor,
    };
  };

  return {
    url: base,
    page: page as IndexerClient["page"],
    async all(table, req = {}, max = 20_000) {
      const rows: Row<typeof table>[] = [];
      let after: string | undefined;
      for (;;) {
        const p = await page(table, { ...req, limit: MAX_PAGE, after, count: false });
        rows.push(...p.items);
        if (rows.length > max) throw new IndexerError(`more than ${max} ${table} rows match; ask for a page`);
        if (!p.hasNextPage || !p.endCursor) return rows;
        after = p.endCursor;
      }
    },
    async status(chainId) {
      const answer = (await request("/status")) as Record<
        string,
        { id: number; block: { number: number; timestamp: number } }
      >;
      const chain = Object.values(answer).find((c) => c.id === chainId);
      if (!chain) throw new IndexerError(`the indexer does not index chain ${chainId}`);
      return { chainId, blockNumber: BigInt(chain.block.number), timestamp: chain.block.timestamp };
    },
  };
}

export { COLUMNS };
