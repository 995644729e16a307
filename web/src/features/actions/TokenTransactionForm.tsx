"use client";
/**
 * The one form for a write that moves the connected account's tokens into one of our contracts (fund, commit,
 * repay): an amount field → approve the contract first if its allowance is short → the write, both through the
 * write flow and its notifier. The field clears when the write is confirmed.
 */
import { useState, type ReactNode } from "react";
import type { ContractName } from "@/generated/abis";
import { useDeployment } from "@/hooks/useDeployment";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow, type WriteArgs, type WriteName } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { AmountField, useParsedAmount } from "./fields";

export function TokenTransactionForm<C extends ContractName, F extends WriteName<C>>({
  token,
  contract,
  functionName,
  args,
  amountLabel,
  submitLabel,
  writeLabel,
  testId,
  primary = false,
  disabled = false,
  children,
}: {
  /** The token moved (the project's). */
  token: `0x${string}`;
  /** The contract written to; it is also the spender the token is approved for. */
  contract: C;
  functionName: F;
  /** The write's arguments for the entered amount (in units of the token's decimals). */
  args: (amount: bigint) => WriteArgs<C, F>;
  amountLabel: string;
  submitLabel: string;
  /** The notifier's title for the write. */
  writeLabel: string;
  /** Prefix of the test ids: `<testId>-amount`, `<testId>-submit`. */
  testId: string;
  primary?: boolean;
  /** The write is not possible yet (e.g. the pool has no terms to accept). */
  disabled?: boolean;
  /** Shown at the start of the row (e.g. what is owed). */
  children?: ReactNode;
}) {
  const t = useT();
  const { addressOf } = useDeployment();
  const info = useTokenInfo(token);
  const { writeWithAllowance, isPending } = useWriteFlow();
  const [value, setValue] = useState("");
  const amount = useParsedAmount(value, token);
  const spender = addressOf(contract);
  const submit = async () => {
    if (!amount || !spender) return;
    const ok = await writeWithAllowance(
      { token, spender, amount, label: t("actions.approve") },
      {
        contract,
        functionName,
        args: args(amount),
        label: writeLabel,
        token: { decimals: info.decimals, symbol: info.symbol },
      },
    );
    if (ok) setValue("");
  };
  return (
    <div className="formRow">
      {children}
      <AmountField label={amountLabel} value={value} onChange={setValue} token={token} testId={`${testId}-amount`} />
      <button
        type="button"
        className={primary ? "primary" : undefined}
        disabled={disabled || !amount || !spender || isPending}
        data-testid={`${testId}-submit`}
        onClick={() => void submit()}
      >
        {submitLabel}
      </button>
    </div>
  );
}
