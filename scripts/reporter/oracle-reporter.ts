/**
 * `npm run reporter -- [options]` — the disruption reporter service.
 *
 * Watches a disruption feed (JSON file or HTTP endpoint) and submits reports to the DisruptionOracle from
 * several reporter keys, or has one relayer carry their EIP-712 signatures. See scripts/reporter/reporter.ts.
 *
 * Options:
 *   --feed <path|url>      the feed (default: .demo/disruption-feed.json)
 *   --network <name>       which deployments/<name>.json to read the oracle address from (default: localhost)
 *   --rpc <url>            JSON-RPC endpoint (default: $RPC_URL or http://127.0.0.1:8545)
 *   --oracle <address>     override the oracle address
 *   --mode direct|relay    one tx per reporter, or one relayed tx with all signatures (default: direct)
 *   --watch                keep polling the feed until Ctrl-C (default: one pass, then exit)
 *   --interval <seconds>   polling interval with --watch (default: 5)
 *
 * Keys: REPORTER_KEYS (comma-separated private keys) and, for relay mode, RELAYER_KEY. On a local chain
 * (31337) without keys, the node's unlocked accounts labelled "reporter" in the deployment are used.
 * EXPECTED_CHAIN_ID, when set, refuses an RPC endpoint on another chain.
 * Before sending anything it checks the options, the keys, the endpoint, the oracle's code and the payers' funds
 * (scripts/reporter/reporter-config.ts); a refusal prints one sentence and exits 1.
 * Exit code: 0 when every event is confirmed, voted or already done; 1 when an event failed (one pass).
 */
import { parseArgs } from "node:util";
import { JsonRpcProvider, Wallet, type Signer } from "ethers";

import { loadArtifact, loadArtifacts } from "../lib/artifacts.js";
import { checkRpcEndpoint, ConfigError, expectedChainId, failureMessage } from "../lib/config-checks.js";
import { contractAddress, readDeployment } from "../lib/deployments.js";
import { DisruptionReporter, readFeed } from "./reporter.js";
import { checkReporterChain, readReporterConfig, type ReporterConfig } from "./reporter-config.js";
import { withRetry } from "../lib/retry.js";

const { values } = parseArgs({
  options: {
    feed: { type: "string", default: ".demo/disruption-feed.json" },
    network: { type: "string", default: "localhost" },
    rpc: { type: "string", default: process.env.RPC_URL ?? "http://127.0.0.1:8545" },
    oracle: { type: "string" },
    mode: { type: "string" },
    watch: { type: "boolean", default: false },
    interval: { type: "string" },
  },
});

async function reporterSigners(provider: JsonRpcProvider, networkName: string, keys: string[]): Promise<Signer[]> {
  if (keys.length > 0) return keys.map((key) => new Wallet(key, provider));
  const { chainId } = await provider.getNetwork();
  if (chainId !== 31337n) {
    throw new ConfigError(
      `REPORTER_KEYS is not set; give the reporters' private keys (comma-separated) for chain ${chainId}.`,
    );
  }
  const roles = readDeployment(networkName).roles ?? {};
  const addresses = Object.entries(roles)
    .filter(([, label]) => label.role === "reporter")
    .map(([address]) => address);
  if (addresses.length === 0) {
    throw new ConfigError(`No reporter accounts are labelled in deployments/${networkName}.json; set REPORTER_KEYS.`);
  }
  return Promise.all(addresses.map((address) => provider.getSigner(address)));
}

async function main(): Promise<void> {
  const config = readReporterConfig(
    { mode: values.mode, interval: values.interval, oracle: values.oracle },
    process.env,
  );
  // The node may still be starting (the demo launches the reporter right after it): retry a refused connection.
  await withRetry(() => checkRpcEndpoint(values.rpc, expectedChainId(process.env)), { attempts: 8 });
  const provider = new JsonRpcProvider(values.rpc, undefined, { staticNetwork: false });
  try {
    await run(config, provider);
  } finally {
    provider.destroy();
  }
}

async function run(config: ReporterConfig, provider: JsonRpcProvider): Promise<void> {
  const oracleAddress = config.oracle ?? contractAddress(readDeployment(values.network), "DisruptionOracle");
  const reporters = await reporterSigners(provider, values.network, config.reporterKeys);
  const relayer =
    config.mode === "relay"
      ? config.relayerKey !== undefined
        ? new Wallet(config.relayerKey, provider)
        : await provider.getSigner(0)
      : undefined;
  await checkReporterChain(provider, oracleAddress, config.mode, reporters, relayer);
  const reporter = new DisruptionReporter({
    oracleAddress,
    oracleAbi: loadArtifact("DisruptionOracle").abi,
    errorAbis: [...loadArtifacts().values()].map((a) => a.abi),
    reporters,
    mode: config.mode,
    relayer,
  });
  console.log(
    `[reporter] oracle ${oracleAddress} on ${values.rpc}, ${reporters.length} reporter key(s), ${config.mode} mode, feed ${values.feed}`,
  );

  let stopping = false;
  const stop = () => {
    if (!stopping) console.log("[reporter] stopping after this pass");
    stopping = true;
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  do {
    let failed = false;
    try {
      const results = await reporter.processFeed(await readFeed(values.feed));
      failed = results.some((r) => r.outcome === "failed");
    } catch (error) {
      failed = true;
      console.error(`[reporter] ${failureMessage(error)}`);
    }
    if (!values.watch) {
      process.exitCode = failed ? 1 : 0;
      break;
    }
    const waitMs = config.intervalSeconds * 1000;
    for (let waited = 0; waited < waitMs && !stopping; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } while (!stopping);
}

main().catch((error: unknown) => {
  console.error(`[reporter] ${failureMessage(error)}`);
  process.exitCode = 1;
});
