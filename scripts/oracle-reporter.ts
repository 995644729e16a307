/**
 * `npm run reporter -- [options]` — the disruption reporter service.
 *
 * Watches a disruption feed (JSON file or HTTP endpoint) and submits reports to the DisruptionOracle from
 * several reporter keys, or has one relayer carry their EIP-712 signatures. See scripts/lib/reporter.ts.
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
 * Exit code: 0 when every event is confirmed, voted or already done; 1 when an event failed (one pass).
 */
import { parseArgs } from "node:util";
import { JsonRpcProvider, Wallet, type Signer } from "ethers";

import { loadArtifact, loadArtifacts } from "./lib/artifacts.js";
import { contractAddress, readDeployment } from "./lib/deployments.js";
import { DisruptionReporter, readFeed } from "./lib/reporter.js";
import { withRetry } from "./lib/retry.js";

const { values } = parseArgs({
  options: {
    feed: { type: "string", default: ".demo/disruption-feed.json" },
    network: { type: "string", default: "localhost" },
    rpc: { type: "string", default: process.env.RPC_URL ?? "http://127.0.0.1:8545" },
    oracle: { type: "string" },
    mode: { type: "string", default: "direct" },
    watch: { type: "boolean", default: false },
    interval: { type: "string", default: "5" },
  },
});

async function reporterSigners(provider: JsonRpcProvider, networkName: string): Promise<Signer[]> {
  const keys = (process.env.REPORTER_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length > 0) return keys.map((key) => new Wallet(key, provider));
  const { chainId } = await provider.getNetwork();
  if (chainId !== 31337n) throw new Error("set REPORTER_KEYS (comma-separated private keys) for this network");
  const roles = readDeployment(networkName).roles ?? {};
  const addresses = Object.entries(roles)
    .filter(([, label]) => label.role === "reporter")
    .map(([address]) => address);
  if (addresses.length === 0) throw new Error(`no reporter accounts labelled in deployments/${networkName}.json`);
  return Promise.all(addresses.map((address) => provider.getSigner(address)));
}

async function main(): Promise<void> {
  if (values.mode !== "direct" && values.mode !== "relay") throw new Error('--mode must be "direct" or "relay"');
  const provider = new JsonRpcProvider(values.rpc, undefined, { staticNetwork: false });
  await withRetry(() => provider.getNetwork(), { attempts: 8 });
  const oracleAddress = values.oracle ?? contractAddress(readDeployment(values.network), "DisruptionOracle");
  const reporters = await reporterSigners(provider, values.network);
  const relayer =
    values.mode === "relay"
      ? process.env.RELAYER_KEY
        ? new Wallet(process.env.RELAYER_KEY, provider)
        : await provider.getSigner(0)
      : undefined;
  const reporter = new DisruptionReporter({
    oracleAddress,
    oracleAbi: loadArtifact("DisruptionOracle").abi,
    errorAbis: [...loadArtifacts().values()].map((a) => a.abi),
    reporters,
    mode: values.mode,
    relayer,
  });
  console.log(
    `[reporter] oracle ${oracleAddress} on ${values.rpc}, ${reporters.length} reporter key(s), ${values.mode} mode, feed ${values.feed}`,
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
      console.error(`[reporter] ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!values.watch) {
      process.exitCode = failed ? 1 : 0;
      break;
    }
    const waitMs = Number(values.interval) * 1000;
    for (let waited = 0; waited < waitMs && !stopping; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } while (!stopping);
  provider.destroy();
}

main().catch((error: unknown) => {
  console.error(`[reporter] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
