/**
 * Checks of the configuration a script is given (environment variables, command-line options), run before the
 * script sends anything. Each refusal is a {@link ConfigError}: one sentence saying what is wrong and how to fix
 * it, which the scripts print without a stack trace ({@link failureMessage}) before exiting non-zero.
 *
 * Used by the deploy (scripts/lib/deploy-config.ts), the demo seed and the reporter service.
 */
import { formatEther, getAddress, isHexString, ZeroAddress, type InterfaceAbi } from "ethers";

import { loadArtifacts } from "./artifacts.js";
import { RevertDecoder } from "./revert-decoder.js";

/** A configuration the script refuses: its message is the whole story (no stack trace is shown). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The chain ids of local development nodes (Hardhat, Anvil's default, Ganache). */
export const LOCAL_CHAIN_IDS: ReadonlySet<number> = new Set([31337, 1337]);

/**
 * `value` of `variable` as a checksummed address. Accepts a checksummed or an all-lower-case hex address; refuses
 * anything else (an ENS name, a typo, a wrong checksum) and, unless `allowZero`, the zero address.
 */
export function parseAddress(variable: string, value: string, options: { allowZero?: boolean } = {}): string {
  const text = value.trim();
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new ConfigError(
      `${variable}: "${text}" is not an address; give 0x followed by 40 hex digits (checksummed or lower-case).`,
    );
  }
  let address: string;
  try {
    address = getAddress(text);
  } catch {
    throw new ConfigError(
      `${variable}: "${text}" fails its checksum (a mistyped letter?); copy the address again, or give it in lower case.`,
    );
  }
  if (address === ZeroAddress && options.allowZero !== true) {
    throw new ConfigError(`${variable}: the zero address cannot be used; give the address of a real account.`);
  }
  return address;
}

/** A comma-separated list of addresses (blanks ignored); refuses an entry that is not an address, and repeats. */
export function parseAddressList(variable: string, value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const addresses = entries.map((entry) => parseAddress(variable, entry));
  const seen = new Set<string>();
  for (const address of addresses) {
    if (seen.has(address)) {
      throw new ConfigError(`${variable}: ${address} is listed twice; give each address once.`);
    }
    seen.add(address);
  }
  return addresses;
}

/** A whole number in `min..max` given in `variable`; `what` describes the range in the refusal. */
export function parseInteger(variable: string, value: string, min: number, max: number, what: string): number {
  const text = value.trim();
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(`${variable}: "${text}" is not ${what}.`);
  }
  return number;
}

/** A private key (32 bytes as 64 hex digits, with or without 0x); `where` names it in the refusal. */
export function parsePrivateKey(where: string, value: string): string {
  const text = value.trim();
  const key = text.startsWith("0x") ? text : `0x${text}`;
  if (!isHexString(key, 32)) {
    throw new ConfigError(`${where} is not a private key; give 64 hex digits (optionally after 0x).`);
  }
  return key;
}

/** The expected chain id from EXPECTED_CHAIN_ID, when it is set. */
export function expectedChainId(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.EXPECTED_CHAIN_ID;
  if (value === undefined || value.trim() === "") return undefined;
  return parseInteger("EXPECTED_CHAIN_ID", value, 1, Number.MAX_SAFE_INTEGER, "a chain id (a positive whole number)");
}

/** Refuses an endpoint whose chain id is not the configured one. */
export function checkChainId(endpoint: string, answered: number, expected: number | undefined): void {
  if (expected !== undefined && answered !== expected) {
    throw new ConfigError(
      `${endpoint} answers with chain id ${answered}, but EXPECTED_CHAIN_ID is ${expected}; ` +
        `point it at the intended network or correct EXPECTED_CHAIN_ID.`,
    );
  }
}

/**
 * Asks a JSON-RPC endpoint for its chain id (`eth_chainId`), refusing one that does not answer within `timeoutMs`
 * or answers something else than a chain id, and (when `expected` is given) one on another chain.
 */
export async function checkRpcEndpoint(url: string, expected?: number, timeoutMs = 10_000): Promise<number> {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new ConfigError(`RPC endpoint "${url}" is not a URL; give one like http://127.0.0.1:8545.`);
  }
  if (parsedUrl.protocol !== "http:" && parsedUrl.protocol !== "https:") {
    throw new ConfigError(`RPC endpoint "${url}" is not an http(s) URL; give one like http://127.0.0.1:8545.`);
  }
  let chainId: number;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== "string" || !isHexString(body.result)) throw new Error("no chain id in the answer");
    chainId = Number(BigInt(body.result));
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
    throw new ConfigError(
      `RPC endpoint ${url} does not answer eth_chainId${reason ? ` (${reason})` : ""}; start the node or correct the URL.`,
    );
  }
  checkChainId(`RPC endpoint ${url}`, chainId, expected);
  return chainId;
}

/** Refuses an account whose balance is below `needed` (wei); `role` says what the account is for. */
export function checkFunds(role: string, address: string, balance: bigint, needed: bigint, why: string): void {
  if (balance < needed) {
    throw new ConfigError(
      `The ${role} ${address} holds ${formatEther(balance)} of the chain's native coin, but ${why} needs about ` +
        `${formatEther(needed)}; send it funds first.`,
    );
  }
}

let allErrors: RevertDecoder | undefined;

/** A decoder for the custom errors of every compiled contract (and OpenZeppelin's). */
export function revertDecoder(extra: InterfaceAbi[] = []): RevertDecoder {
  if (extra.length > 0) return new RevertDecoder([...extra, ...[...loadArtifacts().values()].map((a) => a.abi)]);
  allErrors ??= new RevertDecoder([...loadArtifacts().values()].map((a) => a.abi));
  return allErrors;
}

/**
 * What a script prints when it stops: a refusal's sentence as it is; a revert decoded to its custom error in words
 * ("A quorum of 3 is not possible with 1 reporters. (DisruptionOracle_InvalidQuorum(3, 1))"); anything else, the
 * first line of its message. Never a stack trace.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  try {
    return revertDecoder().describe(error);
  } catch {
    // no artifacts to decode with: fall back to the message
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
