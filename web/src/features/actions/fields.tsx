"use client";
/** Small form fields shared by the action forms. */
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { parseAmount } from "@/lib/format";

export function AmountField({
  label,
  value,
  onChange,
  token,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  token?: `0x${string}`;
  testId?: string;
}) {
  const info = useTokenInfo(token);
  const invalid = value !== "" && parseAmount(value, info.decimals) === undefined;
  return (
    <label>
      {label}
      {info.symbol ? ` (${info.symbol})` : ""}
      <input
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        className="num"
        size={16}
        data-testid={testId}
      />
    </label>
  );
}

/** The parsed amount of a field, or undefined (empty, invalid or zero). */
export function useParsedAmount(value: string, token?: `0x${string}`): bigint | undefined {
  const info = useTokenInfo(token);
  const v = parseAmount(value, info.decimals);
  return v && v > 0n ? v : undefined;
}
