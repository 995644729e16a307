"use client";
/** The frame: brand, navigation, language switch, wallet menu, chain status; the page below. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { useIsFetching, useQueryClient } from "@tanstack/react-query";
import { INDEXER_QUERY, useIndexerSync } from "@/hooks/useIndexer";
import { useI18n, type MessageKey } from "@/i18n";
import { ChainStatus } from "./ChainStatus";
import { WalletMenu } from "./WalletMenu";
import styles from "./AppShell.module.css";

const NAV: { href: string; key: MessageKey; testId: string }[] = [
  { href: "/", key: "nav.overview", testId: "nav-overview" },
  { href: "/projects", key: "nav.projects", testId: "nav-projects" },
  { href: "/financier", key: "nav.financier", testId: "nav-financier" },
  { href: "/firm", key: "nav.firm", testId: "nav-firm" },
  { href: "/verifier", key: "nav.verifier", testId: "nav-verifier" },
  { href: "/supply-chain", key: "nav.supplyChain", testId: "nav-supply-chain" },
  { href: "/audit", key: "nav.audit", testId: "nav-audit" },
  { href: "/rd-ledger", key: "nav.rdLedger", testId: "nav-rd-ledger" },
];

export function AppShell({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const pathname = usePathname();
  const prefetch = usePrefetchWhenSettled();
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            ◆
          </span>
          <div>
            <div className={styles.title} data-testid="app-title">
              {t("app.title")}
            </div>
            <div className={styles.subtitle}>{t("app.subtitle")}</div>
          </div>
        </div>
        <div className={styles.tools}>
          <button
            type="button"
            className={styles.lang}
            onClick={() => setLocale(locale === "en" ? "zh" : "en")}
            aria-label={t("lang.label")}
            data-testid="lang-switch"
          >
            {t("lang.switchTo")}
          </button>
          <WalletMenu />
        </div>
      </header>
      <nav className={styles.nav} aria-label="main">
        {NAV.map((n) => (
          <Link
            key={n.href}
            href={n.href}
            prefetch={prefetch ? undefined : false}
            className={active(n.href) ? styles.active : undefined}
            aria-current={active(n.href) ? "page" : undefined}
            data-testid={n.testId}
          >
            {t(n.key)}
          </Link>
        ))}
      </nav>
      <main className={styles.main}>
        <EventLogSync />
        <ChainStatus>{children}</ChainStatus>
      </main>
    </div>
  );
}

/**
 * Whether the navigation may prefetch the other views: only once the page's history read is done and the
 * browser is idle. Prefetching (route payloads and code of six views) otherwise competes with the first
 * render of the view being opened.
 */
function usePrefetchWhenSettled(): boolean {
  const queryClient = useQueryClient();
  const readingHistory = useIsFetching({ queryKey: [INDEXER_QUERY] }) > 0;
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled || readingHistory || queryClient.isFetching({ queryKey: [INDEXER_QUERY] }) > 0) return;
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const id = idle(() => setSettled(true), { timeout: 2_000 });
    return () => cancel(id);
  }, [settled, readingHistory, queryClient]);
  return settled;
}

/** Keeps the indexer reads and the contract reads in step with the chain (see useIndexerSync); renders nothing. */
function EventLogSync() {
  useIndexerSync();
  return null;
}
