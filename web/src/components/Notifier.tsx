"use client";
/** The transaction notifier's markup: pending → confirmed (tx hash) → error, as toasts in a live region. */
import type { ReactNode } from "react";
import { NotifierContext, useNotifierState, type Note } from "@/hooks/notifier";
import { useT } from "@/i18n";
import styles from "./Notifier.module.css";
import { TxLink } from "./TxLink";

/** Provides the notifier (hooks/notifier.ts) to the app and shows its notes. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const value = useNotifierState();
  return (
    <NotifierContext.Provider value={value}>
      {children}
      <Toasts notes={value.notes} dismiss={value.dismiss} />
    </NotifierContext.Provider>
  );
}

function Toasts({ notes, dismiss }: { notes: Note[]; dismiss: (id: number) => void }) {
  const t = useT();
  return (
    <div className={styles.stack} aria-live="polite" data-testid="notifier">
      {notes.map((n) => (
        <div key={n.id} className={`${styles.toast} ${styles[n.status]}`} data-testid={`tx-${n.status}`} role="status">
          <div className={styles.head}>
            <strong>{n.title}</strong>
            <span className={styles.badge}>
              {n.status === "pending" ? "…" : n.status === "confirmed" ? t("tx.confirmed") : t("tx.failed")}
            </span>
          </div>
          {n.message && (
            <div className={styles.message} data-testid="tx-message">
              {n.message}
            </div>
          )}
          {n.detail && <code className={styles.detail}>{n.detail}</code>}
          {n.hash && (
            <div className={styles.hash}>
              {t("tx.hash")}: <TxLink hash={n.hash} />
            </div>
          )}
          {n.status !== "pending" && (
            <button type="button" className={styles.close} onClick={() => dismiss(n.id)}>
              {t("tx.dismiss")}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
