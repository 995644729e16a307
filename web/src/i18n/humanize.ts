/**
 * Decoded error → human sentence through the catalogs: `err.<ErrorName>` with the error's named params
 * (amount-like params formatted with the token), "user rejected" → its own message, otherwise a generic
 * sentence naming the error (never a raw hex blob).
 */
import { addressLabel, type KnownNames } from "@/lib/address";
import type { DecodedError } from "@/lib/errors";
import { formatAmount } from "@/lib/format";
import { en, type MessageKey } from "./en";
import type { Params } from "./interpolate";

type Translate = (key: MessageKey, params?: Params) => string;

/** Param names that carry token amounts (formatted with the token's decimals and symbol). */
const AMOUNT_PARAMS =
  /^(amount|room|needed|available|balance|remaining|budget|target|cap|owed|requested|paid|limit|max)/i;

export function humanizeError(
  decoded: DecodedError,
  t: Translate,
  formatParam: (name: string, value: unknown) => string = defaultFormatParam,
): string {
  switch (decoded.kind) {
    case "userRejected":
      return t("err.userRejected");
    case "revert":
      return t("err.revert", { reason: decoded.reason ?? "" });
    case "unknown":
      return t("err.unknown", { message: decoded.message });
    case "custom": {
      const key = `err.${decoded.name}`;
      if (!(key in en)) return t("err.generic", { name: decoded.name });
      const params: Params = {};
      for (const [name, value] of Object.entries(decoded.params)) params[name] = formatParam(name, value);
      return t(key as MessageKey, params);
    }
  }
}

export function defaultFormatParam(_name: string, value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

export const isAmountParam = (name: string): boolean => AMOUNT_PARAMS.test(name);

/**
 * The parameter formatter of a write's error sentence: amount-like integers with the token's decimals and
 * symbol, addresses by their known name or shortened (the notifier's detail line keeps the full arguments),
 * other integers as numbers.
 */
export function errorParamFormatter(options: {
  token?: { decimals: number; symbol?: string };
  locale: "en" | "zh";
  names: KnownNames;
}): (name: string, value: unknown) => string {
  const { token, locale, names } = options;
  return (name, value) => {
    if (typeof value === "bigint") {
      return token && isAmountParam(name)
        ? formatAmount(value, token.decimals, { symbol: token.symbol, locale })
        : value.toString();
    }
    if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return addressLabel(value, names);
    return defaultFormatParam(name, value);
  };
}
