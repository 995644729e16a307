/**
 * The benchmark's chain, made deterministic so that two runs write byte-identical bench/gas.json and docs/GAS.md
 * (a diff in GAS.md then means a real change).
 *
 * Gas depends on the bytes a transaction carries: a zero byte of calldata costs 4 gas, any other byte 16. Three
 * inputs used to vary from run to run and moved figures by a few dozen gas (`submitSignedReports` 167,607 in one
 * run, 167,583 in the next): block timestamps (wall clock: they enter deadlines and `observedAt`), and through
 * them every signature (its r and s bytes), and random addresses (`Wallet.createRandom`). Here:
 *
 * - the chain starts at {@link GENESIS_DATE} (`initialDate`) and every block is {@link BLOCK_INTERVAL_SECONDS}
 *   after the previous one, whatever the wall clock says: before each transaction is sent, the clock sets the next
 *   block's timestamp (network helpers' `time.setNextBlockTimestamp`);
 * - accounts the modules create are {@link benchAddress}es, derived from a label, never random;
 * - keys are the default Hardhat accounts, nonces start at 0, deadlines are read from the pinned clock; so every
 *   signature (RFC 6979) is the same on every run.
 */
import { getAddress, id, Wallet, type Provider } from "ethers";
import { network } from "hardhat";

import type { GasContext } from "./types.js";

/** The genesis block's timestamp (a fixed date; every timestamp of a run follows from it). */
export const GENESIS_DATE = "2026-01-05T08:00:00.000Z";
/** Seconds between consecutive blocks (one mainnet slot). */
export const BLOCK_INTERVAL_SECONDS = 12;

const SENDS = new Set(["eth_sendTransaction", "eth_sendRawTransaction"]);

/**
 * A new in-process chain whose genesis is {@link GENESIS_DATE} and whose every block is
 * {@link BLOCK_INTERVAL_SECONDS} after the previous one.
 */
export async function createDeterministicChain(): Promise<GasContext> {
  const connection = await network.create({ override: { initialDate: GENESIS_DATE } });
  const { provider, networkHelpers } = connection;
  let next = BigInt(await networkHelpers.time.latest());
  const request = provider.request.bind(provider);
  // Every transaction the benchmark sends (ethers' signers and contracts all go through this provider) mines one
  // block (automine), so pinning the next block's timestamp before each send pins every block.
  provider.request = async (args) => {
    if (SENDS.has(args.method)) {
      // A module may move the clock on itself (`time.increaseTo`, e.g. past a grace period): continue from there.
      const latest = BigInt(await networkHelpers.time.latest());
      if (latest > next) next = latest;
      next += BigInt(BLOCK_INTERVAL_SECONDS);
      await networkHelpers.time.setNextBlockTimestamp(next);
    }
    return request(args);
  };
  return connection;
}

/** A fixed address for `label` (the last 20 bytes of its keccak256): an account nobody holds a key for. */
export function benchAddress(label: string): string {
  return getAddress(`0x${id(label).slice(-40)}`);
}

/** `benchAddress` of `${prefix} ${n}` for n = 0, 1, …: a fresh, fixed address on every call. */
export function benchAddresses(prefix: string): () => string {
  let n = 0;
  return () => benchAddress(`${prefix} ${n++}`);
}

/**
 * A fresh wallet on every call, the same ones on every run: the key of the n-th is keccak256(`${prefix} ${n}`).
 * For accounts that must sign (a supplier's EIP-712 record or listing acceptance); never use these keys elsewhere.
 */
export function benchWallets(prefix: string, provider: Provider): () => Wallet {
  let n = 0;
  return () => new Wallet(id(`${prefix} ${n++}`), provider);
}
