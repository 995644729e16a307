"use client";
/**
 * Chain status around every page: no deployment on the chain → how to run the demo (instead of the page);
 * node not answering → a banner that disappears by itself when it answers again (polled);
 * wallet on another chain → a prompt to switch; and on every page how far the indexer has indexed (IndexStatus).
 */
import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import { useClient, useSwitchChain } from "wagmi";
import { getCode } from "viem/actions";
import { appConfig } from "@/config";
import { useDeployment, useWalletChain } from "@/hooks/useDeployment";
import { useNodeHealth } from "@/hooks/useNodeHealth";
import { useMounted } from "@/hooks/useMounted";
import { useT } from "@/i18n";
import { targetChain } from "@/wallet/wagmiConfig";
import { IndexStatus } from "./IndexStatus";
import { networkName } from "./networkName";
import { Notice } from "./ui";

export function ChainStatus({ children }: { children: ReactNode }) {
  const t = useT();
  const mounted = useMounted();
  const { deployment, chainId } = useDeployment();
  const { wrongChain } = useWalletChain();
  const health = useNodeHealth();
  const { switchChain, isPending } = useSwitchChain();
  const nodeDown = mounted && health.isError;
  const code = useDeployedCode();
  return (
    <>
      {nodeDown && (
        <Notice tone="error" testId="node-down">
          {t("status.nodeDown", { url: appConfig.rpcUrl })}
        </Notice>
      )}
      {mounted && wrongChain && (
        <Notice tone="warn" testId="wrong-chain">
          {t("wallet.wrongNetwork", { network: `${networkName(chainId, targetChain.name, t)} (${chainId})` })}{" "}
          <button type="button" className="primary" disabled={isPending} onClick={() => switchChain({ chainId })}>
            {t("wallet.switchTo", { network: networkName(chainId, targetChain.name, t) })}
          </button>
        </Notice>
      )}
      {deployment && code !== "missing" && <IndexStatus />}
      {deployment && code !== "missing" ? children : <NoDeployment chainId={chainId} />}
    </>
  );
}

/**
 * Whether the deployment's contracts have code on the node: a restarted local node keeps the chain id but
 * loses the contracts, which must read as "no deployment", not as an empty dashboard.
 */
function useDeployedCode(): "present" | "missing" | "unknown" {
  const { chainId, deployment } = useDeployment();
  const client = useClient({ chainId });
  const address = deployment?.contracts.RDEscrow;
  const { data } = useQuery({
    queryKey: ["deployedCode", chainId, address],
    queryFn: async () => ((await getCode(client!, { address: address! })) ?? "0x") !== "0x",
    enabled: !!client && !!address,
    refetchInterval: 5_000,
    retry: false,
  });
  return data === undefined ? "unknown" : data ? "present" : "missing";
}

function NoDeployment({ chainId }: { chainId: number }) {
  const t = useT();
  return (
    <Notice tone="info" testId="no-deployment">
      <strong>{t("status.noDeploymentTitle")}</strong>
      <p>{t("status.noDeploymentBody", { chainId })}</p>
      <pre className="mono">npm ci && npm run demo</pre>
    </Notice>
  );
}
