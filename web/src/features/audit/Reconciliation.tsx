"use client";
/** The indexer's totals beside the token balances the contracts actually hold (read from the node). They must match. */
import { erc20Abi } from "viem";
import { useReadContracts } from "wagmi";
import { Amount } from "@/components/Amount";
import { Section } from "@/components/ui";
import { useDeployment } from "@/hooks/useDeployment";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useT } from "@/i18n";
import type { Totals } from "@/lib/ledger";
import styles from "./audit.module.css";

export function Reconciliation({ totals }: { totals: Totals | undefined }) {
  const t = useT();
  const { chainId, deployment } = useDeployment();
  const token = useTokenInfo();
  const holders = [
    { key: "escrowHeld" as const, label: t("totals.escrowHeld"), address: deployment?.contracts.RDEscrow },
    { key: "poolHeld" as const, label: t("totals.poolHeld"), address: deployment?.contracts.ContingencyPool },
  ];
  const balances = useReadContracts({
    allowFailure: true,
    contracts: holders.map((h) => ({
      abi: erc20Abi,
      address: token.address,
      functionName: "balanceOf" as const,
      args: [h.address!] as const,
      chainId,
    })),
    query: { enabled: !!token.address && holders.every((h) => !!h.address) },
  });
  return (
    <Section title={t("audit.reconciliation")} testId="reconciliation">
      <table className="data" data-testid="reconcile-table" data-ready={String(balances.isSuccess && !!totals)}>
        <thead>
          <tr>
            <th />
            <th className="right">{t("audit.rebuilt")}</th>
            <th className="right">{t("audit.onChain")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {holders.map((h, i) => {
            const r = balances.data?.[i];
            const onChain = r?.status === "success" ? (r.result as bigint) : undefined;
            const rebuilt = totals?.[h.key];
            const ok = onChain !== undefined && onChain === rebuilt;
            return (
              <tr key={h.key} data-testid={`reconcile-${h.key}`}>
                <td>{h.label}</td>
                <td className="right">
                  <Amount value={rebuilt} />
                </td>
                <td className="right">
                  <Amount value={onChain} />
                </td>
                <td>
                  {onChain !== undefined && rebuilt !== undefined && (
                    <span
                      className={ok ? styles.match : styles.mismatch}
                      data-testid="reconcile-result"
                      data-match={String(ok)}
                    >
                      {ok ? t("audit.match") : t("audit.mismatch")}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
