/**
 * Markdown tables for the benchmarks' console output and docs (gas.ts, indexer.ts, web-perf.ts): one column list
 * with each column's title and alignment, then rows of cells, so a table's header, separator and cells cannot
 * disagree on the number of columns.
 */

export interface Column {
  title: string;
  /** Numbers align right (`---:`), text left (`---`). */
  align?: "left" | "right";
}

/** The table as lines of markdown: header, separator, one line per row. */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly (string | number)[])[]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length) {
      throw new Error(`row ${i} has ${row.length} cells, the table ${columns.length} columns`);
    }
  }
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [
    line(columns.map((c) => c.title)),
    `|${columns.map((c) => (c.align === "right" ? "---:" : "---")).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

/** A text column (left-aligned). */
export const left = (title: string): Column => ({ title });

/** A figures column (right-aligned). */
export const right = (title: string): Column => ({ title, align: "right" });
