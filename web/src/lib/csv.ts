/** CSV export: the format (pure, ./csvFormat.ts) and the browser download. */
export { toCsv } from "./csvFormat";

/** Triggers a download of `text` as a file in the browser (UTF-8 with BOM so spreadsheet apps read Chinese). */
export function downloadText(filename: string, text: string, mime = "text/csv;charset=utf-8"): void {
  const blob = new Blob(["\uFEFF", text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
