/** Address shortening and known-name lookup: the one address renderer's pure part. */
export type Hex = `0x${string}`;

export type KnownNames = Record<string, { role: string; name: string }>;

/** A name as the deployment gives it: one string, or one per language. */
export type LocalizedName = string | { zh: string; en: string };

/** Demo labels as the deployment module gives them (keys may be checksummed). */
export type RoleLabels = Record<string, { role: string; name: LocalizedName }>;

/** "0x1234567890…" → "0x1234…cdef" (addresses and 32-byte hashes). Anything else is returned unchanged. */
export function shortenAddress(address: string, head = 6, tail = 4): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address) && !/^0x[0-9a-fA-F]{64}$/.test(address)) return address;
  return `${address.slice(0, head)}…${address.slice(-tail)}`;
}

/** Lower-cased lookup map from a deployment's `roles`, names resolved for `locale`. */
export function normalizeNames(locale: "en" | "zh", ...sources: (RoleLabels | undefined)[]): KnownNames {
  const out: KnownNames = {};
  for (const src of sources) {
    if (!src) continue;
    for (const [addr, v] of Object.entries(src)) {
      out[addr.toLowerCase()] = { role: v.role, name: typeof v.name === "string" ? v.name : v.name[locale] };
    }
  }
  return out;
}

/** The known name of an address, if any. */
export function lookupName(address: string | undefined, names: KnownNames): { role: string; name: string } | undefined {
  if (!address) return undefined;
  return names[address.toLowerCase()];
}

/** A label: the known name, else the shortened address. */
export function addressLabel(address: string, names: KnownNames): string {
  return lookupName(address, names)?.name ?? shortenAddress(address);
}

export const sameAddress = (a?: string, b?: string): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();
