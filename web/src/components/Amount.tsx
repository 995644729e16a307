"use client";
/** Renders a token amount through the one formatter, in the current language, with tabular numerals. */
import { useI18n } from "@/i18n";
import { formatAmount } from "@/lib/format";
import { useTokenInfo } from "@/hooks/useTokenInfo";

export function Amount({
  value,
  token,
  compact = false,
  symbol = true,
}: {
  value: bigint | undefined;
  token?: `0x${string}`;
  compact?: boolean;
  symbol?: boolean;
}) {
  const { locale } = useI18n();
  const info = useTokenInfo(token);
  if (value === undefined) return <span className="num muted">—</span>;
  const full = formatAmount(value, info.decimals, { locale, symbol: symbol ? info.symbol : undefined });
  const text = compact
    ? formatAmount(value, info.decimals, { locale, symbol: symbol ? info.symbol : undefined, compact: true })
    : full;
  return (
    <span className="num" title={full} data-value={value.toString()}>
      {text}
    </span>
  );
}
