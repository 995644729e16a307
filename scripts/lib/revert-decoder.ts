/**
 * Turns a revert into something a person can read: `ErrorName(arg, ...)`, decoded against the ABIs of
 * all our contracts (custom errors, OpenZeppelin's errors, `Error(string)` and `Panic(uint256)`), and put in words
 * with the dashboard's English sentence for that error (web/src/i18n/en.ts, `err.<ErrorName>`, its `{param}`
 * placeholders filled with the error's named arguments), so scripts and the dashboard say the same thing.
 */
import { Interface, type InterfaceAbi } from "ethers";

import { en } from "../../web/src/i18n/en.js";

export interface DecodedRevert {
  name: string;
  args: readonly unknown[];
  /** The arguments by their names in the ABI (unnamed ones are left out). */
  params: Readonly<Record<string, unknown>>;
  /** `Name(arg1, arg2)` with bigint and address arguments rendered plainly. */
  text: string;
  /** The dashboard's sentence for this error, when it has one: "A quorum of 3 is not possible with 1 reporters." */
  sentence?: string;
}

const SENTENCES: Readonly<Record<string, string>> = en;

/** The dashboard's English sentence for error `name` with `params` filled in; undefined when it has none. */
export function sentenceFor(name: string, params: Readonly<Record<string, unknown>>): string | undefined {
  const template = SENTENCES[`err.${name}`];
  if (template === undefined) return undefined;
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) =>
    key in params ? renderArg(params[key]) : placeholder,
  );
}

function decoded(parsed: {
  name: string;
  args: readonly unknown[];
  fragment: { inputs: readonly { name: string }[] };
}) {
  const args = [...parsed.args];
  const params: Record<string, unknown> = {};
  parsed.fragment.inputs.forEach((input, i) => {
    if (input.name !== "") params[input.name] = args[i];
  });
  return {
    name: parsed.name,
    args,
    params,
    text: `${parsed.name}(${args.map(renderArg).join(", ")})`,
    sentence: sentenceFor(parsed.name, params),
  } satisfies DecodedRevert;
}

export class RevertDecoder {
  private readonly interfaces: Interface[];

  constructor(abis: Iterable<InterfaceAbi>) {
    this.interfaces = [...abis].map((abi) => new Interface(abi));
  }

  /** Decodes raw revert data; undefined when no ABI knows the selector. */
  decodeData(data: string | undefined | null): DecodedRevert | undefined {
    if (data === undefined || data === null || data.length < 10) return undefined;
    for (const iface of this.interfaces) {
      try {
        const parsed = iface.parseError(data);
        if (parsed === null) continue;
        return decoded(parsed);
      } catch {
        // not this ABI's error
      }
    }
    const standard = new Interface(["error Error(string)", "error Panic(uint256)"]);
    try {
      const parsed = standard.parseError(data);
      if (parsed !== null) return decoded(parsed);
    } catch {
      // unknown selector
    }
    return undefined;
  }

  /**
   * Finds revert data anywhere in an ethers / provider error and decodes it — "A quorum of 3 is not possible with 1
   * reporters. (DisruptionOracle_InvalidQuorum(3, 1))", or just `Name(args)` for an error without a sentence —
   * else returns the first line of the message.
   */
  describe(error: unknown): string {
    const data = findRevertData(error);
    const decoded = this.decodeData(data);
    if (decoded !== undefined)
      return decoded.sentence === undefined ? decoded.text : `${decoded.sentence} (${decoded.text})`;
    if (data !== undefined) return `unknown revert ${data.slice(0, 10)}`;
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

function renderArg(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(renderArg).join(", ")}]`;
  return String(value);
}

/** Walks the nested shapes ethers and JSON-RPC providers use for revert data. */
export function findRevertData(error: unknown, depth = 0): string | undefined {
  if (depth > 6 || error === null || typeof error !== "object") return undefined;
  const record = error as Record<string, unknown>;
  for (const key of ["data", "revertData"]) {
    const value = record[key];
    if (typeof value === "string" && /^0x[0-9a-fA-F]{8,}$/.test(value)) return value;
  }
  for (const key of ["error", "info", "cause", "data", "payload"]) {
    const nested = findRevertData(record[key], depth + 1);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
