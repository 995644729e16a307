"use client";
/**
 * The one write flow every action uses: check wallet and chain → simulate → send → pending →
 * confirmed (tx hash) or a readable error (custom error decoded to `Name(args)` and then to a sentence
 * through the catalogs; user rejection has its own). Views refresh after confirmation.
 */
import { useCallback, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useAccount, useConfig } from "wagmi";
import { readContract, simulateContract, switchChain, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import type { Abi, ContractFunctionArgs, ContractFunctionName, Hash } from "viem";
import { abis, erc20Abi, type ContractName } from "@/generated/abis";
import { useI18n } from "@/i18n";
import { errorParamFormatter, humanizeError } from "@/i18n/humanize";
import { decodeError, formatErrorSignature } from "@/lib/errors";
import { useDeployment, useWalletChain } from "./useDeployment";
import { useNotifier } from "./notifier";

export type AbiOf<C extends ContractName> = (typeof abis)[C];
export type WriteName<C extends ContractName> = ContractFunctionName<AbiOf<C>, "nonpayable" | "payable">;
export type WriteArgs<C extends ContractName, F extends WriteName<C>> = ContractFunctionArgs<
  AbiOf<C>,
  "nonpayable" | "payable",
  F
>;

export interface WriteRequest<C extends ContractName, F extends WriteName<C>> {
  contract: C;
  functionName: F;
  args: WriteArgs<C, F>;
  /** Shown in the notifier ("Fund project 1"). */
  label: string;
  /** Target address when not the deployment's (e.g. a token's approve). */
  address?: `0x${string}`;
  /** The token whose decimals and symbol render the token amounts among the error params (lib/errorUnits.ts). */
  token?: { decimals: number; symbol?: string };
}

export type WriteStatus = "idle" | "pending" | "confirmed" | "error";

const allAbis = Object.values(abis) as Abi[];

export function useWriteFlow() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const { address: account, isConnected } = useAccount();
  const { chainId, addressOf, names } = useDeployment();
  const { wrongChain } = useWalletChain();
  const { t, locale } = useI18n();
  const notifier = useNotifier();
  const [status, setStatus] = useState<WriteStatus>("idle");
  const [hash, setHash] = useState<Hash>();
  const [error, setError] = useState<string>();

  const write = useCallback(
    async <C extends ContractName, F extends WriteName<C>>(req: WriteRequest<C, F>): Promise<Hash | undefined> => {
      setError(undefined);
      setHash(undefined);
      const fail = (message: string, detail?: string, id?: number) => {
        setStatus("error");
        setError(message);
        if (id !== undefined) notifier.update(id, { status: "error", message, detail });
        else notifier.push({ status: "error", title: req.label, message, detail });
        return undefined;
      };
      if (!isConnected || !account) return fail(t("tx.notConnected"));
      const address = req.address ?? addressOf(req.contract);
      if (!address) return fail(t("status.contractMissing", { contract: req.contract }));
      setStatus("pending");
      const id = notifier.push({ status: "pending", title: req.label, message: t("tx.confirmWallet") });
      try {
        if (wrongChain) await switchChain(config, { chainId });
        const { request } = await simulateContract(config, {
          abi: abis[req.contract] as Abi,
          address,
          functionName: req.functionName as string,
          args: req.args as readonly unknown[],
          account,
          chainId,
        });
        const txHash = await writeContract(config, request as Parameters<typeof writeContract>[1]);
        setHash(txHash);
        notifier.update(id, { status: "pending", message: t("tx.pending"), hash: txHash });
        const receipt = await waitForTransactionReceipt(config, { hash: txHash, chainId });
        if (receipt.status !== "success") throw new Error(`Transaction ${txHash} reverted`);
        setStatus("confirmed");
        notifier.update(id, { status: "confirmed", message: "", hash: txHash });
        await queryClient.invalidateQueries();
        return txHash;
      } catch (e) {
        const decoded = decodeError(e, allAbis);
        const message = humanizeError(decoded, t, errorParamFormatter({ token: req.token, locale, names }));
        return fail(message, decoded.kind === "custom" ? formatErrorSignature(decoded) : undefined, id);
      }
    },
    [account, isConnected, addressOf, names, wrongChain, config, chainId, notifier, queryClient, t, locale],
  );

  /**
   * Approves `spender` for `amount` of `token` first when the allowance is short (its own notified
   * transaction), then runs `req`. Used by fund, commit and repay.
   */
  const writeWithAllowance = useCallback(
    async <C extends ContractName, F extends WriteName<C>>(
      allowance: { token: `0x${string}`; spender: `0x${string}`; amount: bigint; label: string },
      req: WriteRequest<C, F>,
    ): Promise<Hash | undefined> => {
      if (account) {
        const current = await readContract(config, {
          abi: erc20Abi,
          address: allowance.token,
          functionName: "allowance",
          args: [account, allowance.spender],
          chainId,
        }).catch(() => 0n);
        if (current < allowance.amount) {
          const ok = await write({
            contract: "ERC20",
            functionName: "approve",
            args: [allowance.spender, allowance.amount],
            address: allowance.token,
            label: allowance.label,
            token: req.token,
          });
          if (!ok) return undefined;
        }
      }
      return write(req);
    },
    [account, config, chainId, write],
  );

  return { write, writeWithAllowance, status, hash, error, isPending: status === "pending" };
}
