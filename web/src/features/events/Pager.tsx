"use client";
/** Paging of a long table: the rows of the current page, and the row count with previous / next buttons. */
import { useEffect, useState } from "react";
import { useT } from "@/i18n";
import type { Paging } from "@/lib/paging";
import styles from "./EventTable.module.css";

export function usePage<T>(items: readonly T[], pageSize: number) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  useEffect(() => {
    if (page >= pages) setPage(0);
  }, [page, pages]);
  return { page, pages, setPage, rows: items.slice(page * pageSize, (page + 1) * pageSize) };
}

/**
 * The rows a table shows and its pager: `items` is the page the indexer read when `paging` is given (the server
 * pages), else the whole (bounded) list, paged here.
 */
export function useTableRows<T>(items: readonly T[], pageSize: number, paging?: Paging) {
  const local = usePage(items, pageSize);
  if (paging) return { rows: items, pager: paging };
  return {
    rows: local.rows,
    pager: { page: local.page, pages: local.pages, rows: items.length, onPage: local.setPage },
  };
}

export function Pager({
  page,
  pages,
  rows,
  onPage,
}: {
  page: number;
  pages: number;
  rows: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  return (
    <div className={styles.pager}>
      <span className="muted">{t("common.rows", { count: rows })}</span>
      <button type="button" onClick={() => onPage(Math.max(0, page - 1))} disabled={page === 0} data-testid="page-prev">
        {t("common.prev")}
      </button>
      <span className="num">{t("common.page", { page: page + 1, pages })}</span>
      <button
        type="button"
        onClick={() => onPage(Math.min(pages - 1, page + 1))}
        disabled={page >= pages - 1}
        data-testid="page-next"
      >
        {t("common.next")}
      </button>
    </div>
  );
}
