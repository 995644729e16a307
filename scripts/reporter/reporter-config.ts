/**
 * The reporter service's configuration (scripts/reporter/oracle-reporter.ts), checked before it sends anything: its options
 * and keys ({@link readReporterConfig}), then the chain ({@link checkReporterChain}: the oracle holds code, the
 * accounts that pay for transactions hold funds). Every refusal is a ConfigError in one sentence.
 */
import type { Provider, Signer } from "ethers";

import { checkFunds, ConfigError, parseAddress, parseInteger, parsePrivateKey } from "../lib/config-checks.js";

export interface ReporterCliValues {
  mode?: string;
  interval?: string;
  oracle?: string;
}

export interface ReporterConfig {
  mode: "direct" | "relay";
  intervalSeconds: number;
  /** --oracle, checksummed (undefined: read it from the deployment record). */
  oracle?: string;
  /** REPORTER_KEYS (empty: the local node's accounts labelled "reporter"). */
  reporterKeys: string[];
  /** RELAYER_KEY (undefined: the node's first account, relay mode only). */
  relayerKey?: string;
}

/** Reads and checks the command-line values and the keys in `env` (REPORTER_KEYS, RELAYER_KEY). */
export function readReporterConfig(values: ReporterCliValues, env: NodeJS.ProcessEnv): ReporterConfig {
  const mode = values.mode ?? "direct";
  if (mode !== "direct" && mode !== "relay") {
    throw new ConfigError(`--mode "${mode}" is not a mode; give --mode direct or --mode relay.`);
  }
  const intervalSeconds = parseInteger(
    "--interval",
    values.interval ?? "5",
    1,
    86_400,
    "a polling interval in whole seconds from 1 to 86400",
  );
  const oracle = values.oracle === undefined ? undefined : parseAddress("--oracle", values.oracle);
  const reporterKeys = (env.REPORTER_KEYS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key, i) => parsePrivateKey(`REPORTER_KEYS entry #${i + 1}`, key));
  if (new Set(reporterKeys.map((k) => k.toLowerCase())).size !== reporterKeys.length) {
    throw new ConfigError("REPORTER_KEYS lists the same key twice; give each reporter's key once.");
  }
  const relayerKey =
    env.RELAYER_KEY === undefined || env.RELAYER_KEY.trim() === ""
      ? undefined
      : parsePrivateKey("RELAYER_KEY", env.RELAYER_KEY);
  return { mode, intervalSeconds, oracle, reporterKeys, relayerKey };
}

/** Gas assumed for one report or relayed submission when checking funds (a confirming vote is ~130k-170k). */
export const REPORT_GAS_ALLOWANCE = 250_000n;

/**
 * Refuses an oracle address without code, and accounts that cannot pay for one transaction: every reporter in
 * direct mode, the relayer in relay mode.
 */
export async function checkReporterChain(
  provider: Provider,
  oracleAddress: string,
  mode: "direct" | "relay",
  reporters: Signer[],
  relayer: Signer | undefined,
): Promise<void> {
  const { chainId } = await provider.getNetwork();
  if ((await provider.getCode(oracleAddress)) === "0x") {
    throw new ConfigError(
      `No contract at the oracle address ${oracleAddress} on chain ${chainId}; deploy first, or correct --oracle / --network.`,
    );
  }
  const fees = await provider.getFeeData();
  const needed = REPORT_GAS_ALLOWANCE * (fees.maxFeePerGas ?? fees.gasPrice ?? 0n);
  const payers = mode === "relay" ? (relayer === undefined ? [] : [relayer]) : reporters;
  for (const payer of payers) {
    const address = await payer.getAddress();
    checkFunds(
      mode === "relay" ? "relayer" : "reporter",
      address,
      await provider.getBalance(address),
      needed,
      "a report",
    );
  }
}
