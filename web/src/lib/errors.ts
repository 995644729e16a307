/**
 * Error decoding: any error thrown by a read, a simulation or a transaction → a structured reason.
 * Custom errors become `{ name, args }` (decoded against the ABI that threw, falling back to matching the
 * selector against every known ABI); a wallet's "user rejected" becomes its own kind; anything else keeps
 * viem's short message. The i18n layer turns the result into a human sentence (see humanizeError).
 */
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError, decodeErrorResult, type Abi } from "viem";

/** The part of an ABI error item the decoder needs. */
type AbiError = { inputs: readonly { name?: string }[] };

export type DecodedError =
  | { kind: "custom"; name: string; args: readonly unknown[]; params: Record<string, unknown> }
  | { kind: "userRejected" }
  | { kind: "revert"; reason?: string }
  | { kind: "unknown"; message: string };

const HEX_DATA = /^0x[0-9a-fA-F]{8,}$/;

/** Finds revert data (a hex string starting with a 4-byte selector) anywhere in an error chain. */
function findRevertData(error: unknown, depth = 0): `0x${string}` | undefined {
  if (!error || typeof error !== "object" || depth > 8) return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["data", "raw"]) {
    const v = e[key];
    if (typeof v === "string" && HEX_DATA.test(v)) return v as `0x${string}`;
    if (v && typeof v === "object") {
      const nested = (v as Record<string, unknown>).data;
      if (typeof nested === "string" && HEX_DATA.test(nested)) return nested as `0x${string}`;
    }
  }
  return findRevertData(e.cause, depth + 1) ?? (e.error ? findRevertData(e.error, depth + 1) : undefined);
}

function isUserRejection(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 8) return false;
  const e = error as { code?: unknown; name?: unknown; cause?: unknown; message?: unknown };
  if (e.code === 4001 || e.code === UserRejectedRequestError.code) return true;
  if (e.name === "UserRejectedRequestError") return true;
  if (typeof e.message === "string" && /user (rejected|denied)/i.test(e.message)) return true;
  return isUserRejection(e.cause, depth + 1);
}

function paramsOf(abiError: AbiError | undefined, args: readonly unknown[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  args.forEach((value, i) => {
    params[String(i)] = value;
    const name = abiError?.inputs[i]?.name;
    if (name) params[name] = value;
  });
  return params;
}

/** Decodes raw revert data against each ABI in turn. */
export function decodeRevertData(data: `0x${string}`, abis: readonly Abi[]): DecodedError | undefined {
  for (const abi of abis) {
    try {
      const { errorName, args, abiItem } = decodeErrorResult({ abi, data });
      if (errorName === "Error") return { kind: "revert", reason: String((args ?? [])[0] ?? "") };
      if (errorName === "Panic") return { kind: "revert", reason: `Panic(${String((args ?? [])[0])})` };
      const list = (args ?? []) as readonly unknown[];
      return { kind: "custom", name: errorName, args: list, params: paramsOf(abiItem as AbiError, list) };
    } catch {
      // not in this ABI; try the next one
    }
  }
  return undefined;
}

export function decodeError(error: unknown, abis: readonly Abi[]): DecodedError {
  if (isUserRejection(error)) return { kind: "userRejected" };
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const data = reverted.data;
      if (data && data.errorName !== "Error" && data.errorName !== "Panic") {
        const args = (data.args ?? []) as readonly unknown[];
        return { kind: "custom", name: data.errorName, args, params: paramsOf(data.abiItem as AbiError, args) };
      }
      if (reverted.raw) {
        const viaSelector = decodeRevertData(reverted.raw, abis);
        if (viaSelector) return viaSelector;
      }
      if (reverted.reason) return { kind: "revert", reason: reverted.reason };
    }
  }
  const raw = findRevertData(error);
  if (raw) {
    const decoded = decodeRevertData(raw, abis);
    if (decoded) return decoded;
  }
  if (error instanceof BaseError) return { kind: "unknown", message: error.shortMessage };
  if (error instanceof Error) return { kind: "unknown", message: error.message };
  return { kind: "unknown", message: String(error) };
}

/** `ErrorName(arg0, arg1)` — the developer-facing form, shown under the human message. */
export function formatErrorSignature(decoded: DecodedError): string {
  switch (decoded.kind) {
    case "custom":
      return `${decoded.name}(${decoded.args.map((a) => (typeof a === "bigint" ? a.toString() : String(a))).join(", ")})`;
    case "userRejected":
      return "UserRejectedRequest";
    case "revert":
      return `Error(${decoded.reason ?? ""})`;
    case "unknown":
      return decoded.message;
  }
}
