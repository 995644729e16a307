"use client";
/**
 * Connect menu: wallets discovered through EIP-6963 and window.ethereum; on local chains also the node's
 * test accounts, labelled by their demo role. Renders only after mount (wallet state is client-only).
 */
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useAccount, useConnect, useConnectors, useDisconnect } from "wagmi";
import type { Address as Addr } from "viem";
import { appConfig, isLocalChain } from "@/config";
import { useDeployment } from "@/hooks/useDeployment";
import { useMounted } from "@/hooks/useMounted";
import { useT } from "@/i18n";
import { lookupName, shortenAddress } from "@/lib/address";
import { fetchNodeAccounts, localAccountStore } from "@/wallet/localAccounts";
import { chains } from "@/wallet/wagmiConfig";
import { networkName } from "./networkName";
import styles from "./WalletMenu.module.css";

export function WalletMenu() {
  const mounted = useMounted();
  if (!mounted) return <div className={styles.placeholder} aria-hidden />;
  return <WalletMenuInner />;
}

function WalletMenuInner() {
  const t = useT();
  const { address, chainId, connector, isConnected, isConnecting, isReconnecting } = useAccount();
  const connectors = useConnectors();
  const { connectAsync, isPending } = useConnect();
  const { disconnect } = useDisconnect();
  const { names } = useDeployment();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const local = connectors.find((c) => c.type === "localAccounts");
  const nodeAccounts = useQuery({
    queryKey: ["nodeAccounts", appConfig.rpcUrl],
    queryFn: () => fetchNodeAccounts(),
    enabled: open && !!local && isLocalChain(appConfig.targetChainId),
    staleTime: 30_000,
  });

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const injectedConnectors = connectors.filter(
    (c) => c.type === "injected" && (c.id !== "injected" || typeof window.ethereum !== "undefined"),
  );
  const chainName = networkName(chainId, chains.find((c) => c.id === chainId)?.name, t);

  const pickLocal = async (account: Addr) => {
    if (!local) return;
    localAccountStore.set(account);
    if (isConnected && connector?.id === local.id) {
      local.onAccountsChanged([account]);
    } else {
      if (isConnected) disconnect();
      await connectAsync({ connector: local });
    }
    setOpen(false);
  };

  // Test accounts sorted: those with a demo role first.
  const accounts = [...(nodeAccounts.data ?? [])].sort(
    (a, b) => Number(!!lookupName(b, names)) - Number(!!lookupName(a, names)),
  );
  const me = address ? lookupName(address, names) : undefined;

  return (
    <div className={styles.wrap} ref={ref}>
      {isConnected && address ? (
        <button type="button" className={styles.trigger} onClick={() => setOpen((o) => !o)} data-testid="wallet-button">
          <span className={styles.dot} />
          <span data-testid="wallet-account" data-address={address.toLowerCase()}>
            {me ? `${me.name} · ` : ""}
            <span className="mono">{shortenAddress(address)}</span>
          </span>
          <span className={styles.network} data-testid="wallet-network">
            {chainName}
          </span>
        </button>
      ) : (
        <button
          type="button"
          className={styles.trigger}
          onClick={() => setOpen((o) => !o)}
          disabled={isPending}
          data-testid="connect-button"
        >
          {isPending || isConnecting || isReconnecting ? t("wallet.connecting") : t("wallet.connect")}
        </button>
      )}
      {open && (
        <div className={styles.menu} role="menu" data-testid="wallet-menu">
          <div className={styles.group}>{t("wallet.injected")}</div>
          {injectedConnectors.length === 0 && <div className={styles.none}>{t("wallet.noInjected")}</div>}
          {injectedConnectors.map((c) => (
            <button
              key={c.uid}
              type="button"
              role="menuitem"
              className={styles.item}
              data-testid={`connector-${c.id}`}
              onClick={async () => {
                if (isConnected) disconnect();
                setOpen(false);
                await connectAsync({ connector: c, chainId: appConfig.targetChainId }).catch(() => undefined);
              }}
            >
              {c.icon && <img src={c.icon} alt="" width={18} height={18} />}
              {c.name}
            </button>
          ))}
          {local && isLocalChain(appConfig.targetChainId) && (
            <>
              <div className={styles.group}>{t("wallet.localAccounts")}</div>
              <div className={styles.hint}>{t("wallet.localHint")}</div>
              <div className={styles.accounts}>
                {accounts.map((a) => {
                  const known = lookupName(a, names);
                  return (
                    <button
                      key={a}
                      type="button"
                      role="menuitem"
                      className={styles.item}
                      data-testid={`local-account-${a.toLowerCase()}`}
                      data-role={known?.role}
                      onClick={() => void pickLocal(a)}
                    >
                      <span className={styles.role}>{known ? known.name : "—"}</span>
                      <span className="mono">{shortenAddress(a)}</span>
                    </button>
                  );
                })}
              </div>
            </>
          )}
          {isConnected && (
            <button
              type="button"
              className={`${styles.item} ${styles.disconnect}`}
              onClick={() => {
                disconnect();
                setOpen(false);
              }}
              data-testid="disconnect"
            >
              {t("wallet.disconnect")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

declare global {
  interface Window {
    ethereum?: unknown;
  }
}
