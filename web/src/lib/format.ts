/**
 * The one amount formatter of the dashboard: bigint + decimals in, a display string out.
 * Exact (bigint arithmetic, round half up), thousands separators, optional token symbol,
 * compact units (万/亿 in Chinese, K/M/B in English) above a threshold, "< 0.01" for tiny non-zero values.
 */
export type Locale = "en" | "zh";

export interface FormatAmountOptions {
  locale?: Locale;
  /** Token symbol appended after a space, e.g. "dCNY". */
  symbol?: string;
  /** Digits after the decimal point (default 2). */
  fractionDigits?: number;
  /** Use compact units at or above `compactFrom` whole units (default false). */
  compact?: boolean;
  /** Whole-unit threshold for compact display (default 100,000). */
  compactFrom?: number;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Rounds `value / 10^decimals` to `digits` fraction digits, half up (away from zero), as a scaled bigint. */
function roundScaled(value: bigint, decimals: number, digits: number): bigint {
  if (digits >= decimals) return value * pow10(digits - decimals);
  const divisor = pow10(decimals - digits);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const q = (abs + divisor / 2n) / divisor;
  return negative ? -q : q;
}

/** Groups an unsigned integer string with commas: "1234567" → "1,234,567". */
export function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fixed-point string of a scaled bigint with `digits` fraction digits, thousands-grouped. */
function fixed(scaled: bigint, digits: number): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const s = abs.toString().padStart(digits + 1, "0");
  const intPart = s.slice(0, s.length - digits) || "0";
  const frac = digits > 0 ? `.${s.slice(s.length - digits)}` : "";
  return `${negative ? "-" : ""}${groupThousands(intPart)}${frac}`;
}

const COMPACT_UNITS: Record<Locale, { exp: number; suffix: string }[]> = {
  zh: [
    { exp: 8, suffix: "亿" },
    { exp: 4, suffix: "万" },
  ],
  en: [
    { exp: 9, suffix: "B" },
    { exp: 6, suffix: "M" },
    { exp: 3, suffix: "K" },
  ],
};

export function formatAmount(value: bigint, decimals: number, options: FormatAmountOptions = {}): string {
  const { locale = "en", symbol, fractionDigits = 2, compact = false, compactFrom = 100_000 } = options;
  const withSymbol = (s: string) => (symbol ? `${s} ${symbol}` : s);
  if (value === 0n) return withSymbol(fixed(0n, fractionDigits));
  const abs = value < 0n ? -value : value;
  const scaled = roundScaled(value, decimals, fractionDigits);
  if (scaled === 0n) {
    const min = fixed(1n, fractionDigits);
    return withSymbol(value < 0n ? `> -${min}` : `< ${min}`);
  }
  if (compact && abs >= BigInt(compactFrom) * pow10(decimals)) {
    for (const unit of COMPACT_UNITS[locale]) {
      if (abs >= pow10(decimals + unit.exp)) {
        const c = roundScaled(value, decimals + unit.exp, fractionDigits);
        return withSymbol(`${fixed(c, fractionDigits)}${unit.suffix}`);
      }
    }
  }
  return withSymbol(fixed(scaled, fractionDigits));
}

/** Parses a user-typed decimal ("1,234.5") into token units; returns undefined when not a valid amount. */
export function parseAmount(input: string, decimals: number): bigint | undefined {
  const s = input.replace(/[,\s_]/g, "");
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(s)) return undefined;
  const [i = "0", f = ""] = s.split(".");
  if (f.length > decimals) return undefined;
  return BigInt(i || "0") * pow10(decimals) + BigInt((f + "0".repeat(decimals)).slice(0, decimals) || "0");
}

/** Converts token units to a JS number of whole units (for charts only; never for accounting). */
export function toNumber(value: bigint, decimals: number): number {
  return Number(value) / 10 ** decimals;
}

/** Percentage with one decimal, e.g. 0.4567 → "45.7%". */
export function formatPercent(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0.0%";
  const permille = (part * 1000n + whole / 2n) / whole;
  return `${fixed(permille, 1)}%`;
}

/** Local date-time "2026-01-31 14:05" from Unix seconds (UTC offset of the browser). */
export function formatTimestamp(seconds: number | bigint | undefined): string {
  if (seconds === undefined) return "—";
  const d = new Date(Number(seconds) * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
