"use client";
/** The transaction notifier: pending → confirmed (tx hash) → error, as toasts in a live region. */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { useT } from "@/i18n";
import styles from "./Notifier.module.css";
import { TxLink } from "./TxLink";

export type NoteStatus = "pending" | "confirmed" | "error";
export interface Note {
  id: number;
  status: NoteStatus;
  title: string;
  message: string;
  detail?: string;
  hash?: `0x${string}`;
}

interface NotifierValue {
  notes: Note[];
  push: (n: Omit<Note, "id">) => number;
  update: (id: number, patch: Partial<Omit<Note, "id">>) => void;
  dismiss: (id: number) => void;
}

const NotifierContext = createContext<NotifierValue | undefined>(undefined);

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<Note[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotes((ns) => ns.filter((n) => n.id !== id)), []);
  const push = useCallback((n: Omit<Note, "id">) => {
    const id = next.current++;
    setNotes((ns) => [...ns.slice(-4), { ...n, id }]);
    return id;
  }, []);
  const update = useCallback(
    (id: number, patch: Partial<Omit<Note, "id">>) => {
      setNotes((ns) => ns.map((n) => (n.id === id ? { ...n, ...patch } : n)));
      if (patch.status === "confirmed") setTimeout(() => dismiss(id), 8_000);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ notes, push, update, dismiss }), [notes, push, update, dismiss]);
  return (
    <NotifierContext.Provider value={value}>
      {children}
      <Toasts notes={notes} dismiss={dismiss} />
    </NotifierContext.Provider>
  );
}

export function useNotifier(): NotifierValue {
  const v = useContext(NotifierContext);
  if (!v) throw new Error("useNotifier outside NotifierProvider");
  return v;
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
