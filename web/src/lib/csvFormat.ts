/** CSV export (RFC 4180: comma-separated, CRLF, fields with comma/quote/newline quoted). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    const s = v === undefined || v === null ? "" : typeof v === "bigint" ? v.toString() : String(v);
    // Neutralise spreadsheet formulas in user-controlled text.
    const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
