/**
 * Amounts in the documents are yuan with two decimals: every figure is an exact bigint of fen (分). A payment's
 * token amount converts to fen once (half up, with the token's decimals); every figure derived by a rate is
 * rounded down to the fen, so the documents never claim more than the rule allows.
 */
export function toFen(amount: bigint, decimals: number): bigint {
  if (decimals <= 2) return amount * 10n ** BigInt(2 - decimals);
  const unit = 10n ** BigInt(decimals - 2);
  const q = amount / unit;
  return amount % unit >= (unit + 1n) / 2n ? q + 1n : q;
}

/** `value × num / den`, rounded down (value ≥ 0). */
export const mulDivDown = (value: bigint, num: bigint, den: bigint): bigint => (value * num) / den;

export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Fen as yuan with two decimals, no separators ("1234.50", "-0.05"): what CSV and XLSX cells hold. */
export function fenToYuan(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return neg ? `-${s}` : s;
}

/** China Standard Time (UTC+8) parts of a Unix timestamp. */
export function cstParts(unixSeconds: number): {
  year: number;
  month: number;
  quarter: number;
  text: string;
  date: string;
} {
  const d = new Date((unixSeconds + 8 * 3600) * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    quarter: Math.floor(d.getUTCMonth() / 3) + 1,
    date,
    text: `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`,
  };
}

/** Unix seconds of 00:00:00 CST on 1 January of `year`. */
export const cstYearStart = (year: number): number => Date.UTC(year, 0, 1) / 1000 - 8 * 3600;
