/**
 * Paging of long lists (pure): a list a view shows one page at a time, read from the indexer page by page — never
 * the whole history — with how many rows match in all.
 */

/** Where a paged list stands: the current page (0-based), how many pages and rows there are, how to move. */
export interface Paging {
  page: number;
  pages: number;
  rows: number;
  onPage: (page: number) => void;
}

/** Most rows a page may hold (the indexer's largest page, lib/indexer MAX_PAGE). */
export const MAX_PAGE_SIZE = 1000;

/** The URL parameter that sets the rows per page of a view's paged lists (`?pageSize=5`), for a link or a test. */
export const PAGE_SIZE_PARAM = "pageSize";

/** How many pages `rows` rows fill at `pageSize` rows a page (at least one, the empty page). */
export const pageCount = (rows: number, pageSize: number): number => Math.max(1, Math.ceil(rows / pageSize));

/** The page to show once there are `pages` pages: `page`, or the last one when the list shrank under it. */
export const pageWithin = (page: number, pages: number): number => Math.min(Math.max(0, page), pages - 1);

/**
 * The rows per page that `search` (a URL query string) asks for with `pageSize=N`, a whole number from 1 to
 * MAX_PAGE_SIZE; else `fallback`.
 */
export function pageSizeFrom(search: string, fallback: number): number {
  const asked = new URLSearchParams(search).get(PAGE_SIZE_PARAM);
  if (asked === null || !/^\d+$/.test(asked)) return fallback;
  const size = Number(asked);
  return size >= 1 && size <= MAX_PAGE_SIZE ? size : fallback;
}
