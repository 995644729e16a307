/** CSV export: the format (pure, ./csvFormat.ts) and the browser download. */
export { toCsv } from "./csvFormat";

/** Triggers a download of `text` as a file in the browser (UTF-8 with BOM so spreadsheet apps read Chinese). */
export function downloadText(filename: string, text: string, mime = "text/csv;charset=utf-8"): void {
  downloadBlob(filename, new Blob(["\uFEFF", text], { type: mime }));
}

/** Triggers a download of an XLSX workbook's bytes. */
export function downloadXlsx(filename: string, bytes: Uint8Array): void {
  downloadBlob(
    filename,
    new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
}

function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
