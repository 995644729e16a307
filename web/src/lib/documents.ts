/**
 * The documents behind the hashes our contracts store (a project's description, a component's specification, a
 * supplier's record, milestone evidence, a rejection's reasons). Whoever writes one chooses: publish it — the
 * text goes on chain beside the hash, in the same transaction (`DocumentPublished(documentHash, text)`) — or keep
 * it private (hash only). A published text is anyone's input: it is shown only when keccak256 of it is the hash
 * on chain, and only as plain text (never HTML, never a link target).
 */
import { keccak256, stringToBytes, stringToHex, type Hex } from "viem";

/** The longest text the contracts publish, in UTF-8 bytes (`Documents.MAX_TEXT_BYTES` in contracts/libraries). */
export const MAX_DOCUMENT_BYTES = 2048;

/** Publish the text beside its hash, or keep it private (hash only). */
export type Visibility = "publish" | "private";

/** The hash a contract stores for a text: keccak256 of its UTF-8 bytes, exactly as written. */
export function documentHash(text: string): Hex {
  return keccak256(stringToHex(text));
}

/** A text's length as the contracts bound it: UTF-8 bytes. */
export function documentBytes(text: string): number {
  return stringToBytes(text).length;
}

/** The (hash, text) pair a document-taking function gets: the text itself when published, "" when private. */
export function documentArgs(text: string, visibility: Visibility): readonly [Hex, string] {
  const trimmed = text.trim();
  return [documentHash(trimmed), visibility === "publish" ? trimmed : ""];
}

/** Whether a text can be sent as chosen (not empty; a published one within MAX_DOCUMENT_BYTES). */
export function documentSendable(text: string, visibility: Visibility): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && (visibility === "private" || documentBytes(trimmed) <= MAX_DOCUMENT_BYTES);
}

/** One `DocumentPublished` log as read from the node: its indexed hash and its text. */
export interface PublishedLog {
  documentHash: string;
  text: string;
}

/** The first text of `logs` that hashes to `hash` (a log whose text does not match is ignored). */
export function verifiedText(hash: string, logs: readonly PublishedLog[]): string | undefined {
  const key = hash.toLowerCase();
  for (const log of logs) {
    if (log.documentHash.toLowerCase() === key && documentHash(log.text) === key) return log.text;
  }
  return undefined;
}

/**
 * What is known of the document behind a hash:
 * - published: its text, verified against the hash;
 * - private: no text was published, and the hash comes from a function that offered to publish it (the writer
 *   chose to keep it private);
 * - notPublished: no text was published for a hash that never had the choice (an invoice, an oracle report);
 * - unknown: not read yet, or the read failed (the hash is shown without a mark).
 */
export type DocumentState =
  { kind: "published"; text: string } | { kind: "private" } | { kind: "notPublished" } | { kind: "unknown" };

/** The state of a document from what was read of its published logs (undefined: not read). */
export function documentState(read: { text: string | undefined } | undefined, offeredChoice: boolean): DocumentState {
  if (read === undefined) return { kind: "unknown" };
  if (read.text !== undefined) return { kind: "published", text: read.text };
  return offeredChoice ? { kind: "private" } : { kind: "notPublished" };
}

/** The zero hash: no document at all (e.g. a milestone never submitted). */
export function isNoDocument(hash: string | undefined): boolean {
  return hash === undefined || /^0x0*$/i.test(hash);
}

/**
 * What a person reads of a document: the demo's documents are "<kind>:<Chinese> / <English>" (metadata) or
 * "evidence:<ipfs uri> <text>" / "rejection:<text>"; the kind prefix and the URI are dropped and the part of the reader's language
 * kept. Any other text is shown as it is.
 */
export function documentLabel(text: string, locale: "en" | "zh"): string {
  const body = text
    .replace(/^(project|component|supplier|evidence|rejection):/, "")
    .replace(/^ipfs:\/\/\S+\s+/, "")
    .trim();
  const split = bilingualSplit(body);
  if (split === undefined) return body;
  return (locale === "zh" ? body.slice(0, split) : body.slice(split + SEPARATOR.length)).trim();
}

const SEPARATOR = " / ";
const CJK = /[\u3400-\u9fff]/;

/**
 * Where "<Chinese> / <English>" splits: the first " / " with Chinese before it and none after it (either half
 * may itself contain " / "); else a lone " / "; else undefined (not a bilingual label).
 */
function bilingualSplit(text: string): number | undefined {
  const at: number[] = [];
  for (let i = text.indexOf(SEPARATOR); i !== -1; i = text.indexOf(SEPARATOR, i + 1)) at.push(i);
  const split = at.find((i) => CJK.test(text.slice(0, i)) && !CJK.test(text.slice(i + SEPARATOR.length)));
  if (split !== undefined) return split;
  return at.length === 1 ? at[0] : undefined;
}
