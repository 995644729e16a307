/**
 * Turns a revert into something a person can read: `ErrorName(arg, ...)`, decoded against the ABIs of
 * all our contracts (custom errors, OpenZeppelin's errors, `Error(string)` and `Panic(uint256)`).
 */
import { Interface, type InterfaceAbi } from "ethers";

export interface DecodedRevert {
  name: string;
  args: readonly unknown[];
  /** `Name(arg1, arg2)` with bigint and address arguments rendered plainly. */
  text: string;
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
        const args = [...parsed.args];
        return { name: parsed.name, args, text: `${parsed.name}(${args.map(renderArg).join(", ")})` };
      } catch {
        // not this ABI's error
      }
    }
    const standard = new Interface(["error Error(string)", "error Panic(uint256)"]);
    try {
      const parsed = standard.parseError(data);
      if (parsed !== null) {
        const args = [...parsed.args];
        return { name: parsed.name, args, text: `${parsed.name}(${args.map(renderArg).join(", ")})` };
      }
    } catch {
      // unknown selector
    }
    return undefined;
  }

  /** Finds revert data anywhere in an ethers / provider error and decodes it, else returns the message. */
  describe(error: unknown): string {
    const data = findRevertData(error);
    const decoded = this.decodeData(data);
    if (decoded !== undefined) return decoded.text;
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
