/**
 * The off-chain documents behind the hashes our contracts store (project and component metadata, evidence),
 * as the deployment publishes them (the demo seed writes them; a production deployment would serve them from
 * IPFS or a document store). A document is shown only if keccak256 of its text is the hash on chain — the
 * dashboard never shows a text the chain does not vouch for.
 */
import { keccak256, stringToHex, type Hex } from "viem";

/** The hash a contract stores for a published text: keccak256 of its UTF-8 bytes, exactly as published. */
export function documentHash(text: string): Hex {
  return keccak256(stringToHex(text));
}

/** Lower-case hash → text, only the documents whose text hashes to their key. */
export function verifiedDocuments(documents: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const [hash, text] of Object.entries(documents ?? {})) {
    if (documentHash(text) === hash.toLowerCase()) out.set(hash.toLowerCase(), text);
  }
  return out;
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
