/**
 * Decoded error → human sentence through the catalogs: `err.<ErrorName>` with the error's named params, each
 * rendered in its unit (lib/errorUnits.ts: token amounts with the token's decimals and symbol, counts and ids as
 * numbers, positions 1-based, times as dates, addresses by name); "user rejected" → its own message; otherwise
 * a generic sentence naming the error (never a raw hex blob).
 */
import { addressLabel, shortenAddress, type KnownNames } from "@/lib/address";
import { errorParamUnit, type ParamUnit } from "@/lib/errorUnits";
import type { DecodedError } from "@/lib/errors";
import { formatAmount, formatTimestamp, type Locale } from "@/lib/format";
import { en, type MessageKey } from "./en";
import type { Params } from "./interpolate";

type Translate = (key: MessageKey, params?: Params) => string;

/** Renders one error parameter's value in its unit (undefined: the ABIs do not know the parameter). */
export type ParamFormatter = (value: unknown, unit: ParamUnit | undefined) => string;

/**
 * The parameter formatter of a write's error sentence. Token amounts need the token (without it they stay
 * integers); addresses are shown by their known name or shortened, hashes shortened (the notifier's detail line
 * keeps the full arguments).
 */
export function errorParamFormatter(options: {
  token?: { decimals: number; symbol?: string };
  locale: Locale;
  names?: KnownNames;
}): ParamFormatter {
  const { token, locale, names = {} } = options;
  return (value, unit) => {
    if (typeof value === "bigint") {
      switch (unit) {
        case "amount":
          return token ? formatAmount(value, token.decimals, { symbol: token.symbol, locale }) : value.toString();
        case "index":
          return (value + 1n).toString();
        case "time":
          return formatTimestamp(value);
        case "duration":
          return `${value} s`;
        default:
          return value.toString();
      }
    }
    if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) return addressLabel(value, names);
    if (typeof value === "string") return shortenAddress(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    return String(value);
  };
}

/** Without a token or known names: amounts stay integers, addresses are shortened. */
export const defaultFormatParam: ParamFormatter = errorParamFormatter({ locale: "en" });

export function humanizeError(
  decoded: DecodedError,
  t: Translate,
  formatParam: ParamFormatter = defaultFormatParam,
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
      for (const [name, value] of Object.entries(decoded.params)) {
        params[name] = formatParam(value, errorParamUnit(decoded.name, name));
      }
      return t(key as MessageKey, params);
    }
  }
}
