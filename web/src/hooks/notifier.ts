"use client";
/**
 * The transaction notifier's state: the notes of the current writes (pending → confirmed (tx hash) → error) and
 * the context the write flow pushes them through. Its markup (toasts in a live region) is
 * components/Notifier.tsx, which provides this context.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";

export type NoteStatus = "pending" | "confirmed" | "error";
export interface Note {
  id: number;
  status: NoteStatus;
  title: string;
  message: string;
  detail?: string;
  hash?: `0x${string}`;
}

export interface NotifierValue {
  notes: Note[];
  push: (n: Omit<Note, "id">) => number;
  update: (id: number, patch: Partial<Omit<Note, "id">>) => void;
  dismiss: (id: number) => void;
}

/** How many notes stay on screen (the oldest beyond it are dropped). */
const MAX_NOTES = 5;
/** A confirmed note goes away by itself after this long. */
const CONFIRMED_NOTE_MS = 8_000;

export const NotifierContext = createContext<NotifierValue | undefined>(undefined);

/** The notifier's state, for its provider. */
export function useNotifierState(): NotifierValue {
  const [notes, setNotes] = useState<Note[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotes((ns) => ns.filter((n) => n.id !== id)), []);
  const push = useCallback((n: Omit<Note, "id">) => {
    const id = next.current++;
    setNotes((ns) => [...ns.slice(-(MAX_NOTES - 1)), { ...n, id }]);
    return id;
  }, []);
  const update = useCallback(
    (id: number, patch: Partial<Omit<Note, "id">>) => {
      setNotes((ns) => ns.map((n) => (n.id === id ? { ...n, ...patch } : n)));
      if (patch.status === "confirmed") setTimeout(() => dismiss(id), CONFIRMED_NOTE_MS);
    },
    [dismiss],
  );
  return useMemo(() => ({ notes, push, update, dismiss }), [notes, push, update, dismiss]);
}

export function useNotifier(): NotifierValue {
  const v = useContext(NotifierContext);
  if (!v) throw new Error("useNotifier outside NotifierProvider");
  return v;
}
