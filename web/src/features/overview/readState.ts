/**
 * What a view shows for an indexer read (pure): the value once read, "unknown" with the reason while it cannot be
 * read, "loading" before the first answer. A failed read never turns into zeros or an empty table.
 */
import type { IndexedRead } from "@/hooks/useIndexer";

export type Shown<T> = { kind: "value"; value: T } | { kind: "unknown"; reason: string } | { kind: "loading" };

/** The reason a read failed, in the words of the error (viem's shortMessage when it has one). */
export const reasonOf = (error: Error): string =>
  (error as Error & { shortMessage?: string }).shortMessage ?? error.message;

export function shown<T>(read: Pick<IndexedRead<T>, "data" | "error">): Shown<T> {
  if (read.error && read.data === undefined) return { kind: "unknown", reason: reasonOf(read.error) };
  if (read.data === undefined) return { kind: "loading" };
  return { kind: "value", value: read.data };
}

/** One field of a read that may be unknown (e.g. one total of the overview). */
export function shownField<T, K extends keyof T>(s: Shown<T>, key: K): Shown<T[K]> {
  return s.kind === "value" ? { kind: "value", value: s.value[key] } : s;
}
