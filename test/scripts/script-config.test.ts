/**
 * What the reporter service and the demo seed refuse before sending anything (scripts/reporter/reporter-config.ts,
 * scripts/demo/seed-config.ts, scripts/lib/config-checks.ts), each refusal one sentence naming what is wrong and the
 * fix, and how a script words a failure that still happens (a revert decoded to its custom error in words).
 */
import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { network } from "hardhat";

import { checkRpcEndpoint, ConfigError, failureMessage } from "../../scripts/lib/config-checks.js";
import { deployStack } from "../../scripts/lib/deploy-stack.js";
import type { DeploymentRecord } from "../../scripts/lib/deployments.js";
import { checkReporterChain, readReporterConfig } from "../../scripts/reporter/reporter-config.js";
import { checkSeedTarget } from "../../scripts/demo/seed-config.js";
import { asyncRefusal, refusal } from "../helpers/refusals.js";

const { ethers, networkHelpers } = await network.getOrCreate();
const KEY = "0x" + "11".repeat(32);
const NETWORK = "hardhat-script-config-test";

async function stackFixture() {
  const signers = await ethers.getSigners();
  const deployed = await deployStack(ethers, { reporters: [signers[14].address, signers[15].address], quorum: 2 });
  const entry = (address: string) => ({ address, deployedOnBlock: deployed.deploymentBlock });
  const record: DeploymentRecord = {
    network: NETWORK,
    chainId: 31337,
    deployer: deployed.deployer,
    deployedAtBlock: deployed.deploymentBlock,
    deployedAtBlockHash: "",
    contracts: {
      DemoStablecoin: entry(deployed.addresses.token),
      SupplyChainRegistry: entry(deployed.addresses.registry),
      RDEscrow: entry(deployed.addresses.escrow),
      DisruptionOracle: entry(deployed.addresses.oracle),
      ContingencyPool: entry(deployed.addresses.pool),
    },
  };
  return { deployed, record, signers };
}

/** An HTTP server on 127.0.0.1 (ephemeral port) answering every JSON-RPC request with `answer`. */
async function rpcServer(answer: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("script configuration", function () {
  describe("reporter service options and keys (readReporterConfig)", function () {
    it("defaults to direct mode every 5 s, the oracle from the deployment and the node's reporter accounts", function () {
      expect(readReporterConfig({}, {})).to.deep.equal({
        mode: "direct",
        intervalSeconds: 5,
        oracle: undefined,
        reporterKeys: [],
        relayerKey: undefined,
      });
    });

    it("refuses an unknown --mode, an --interval that is not whole seconds, an --oracle that is not an address", function () {
      expect(refusal(() => readReporterConfig({ mode: "fast" }, {}))).to.equal(
        '--mode "fast" is not a mode; give --mode direct or --mode relay.',
      );
      for (const interval of ["0", "fast", "2.5"]) {
        expect(
          refusal(() => readReporterConfig({ interval }, {})),
          interval,
        ).to.match(/^--interval: .* is not a polling interval in whole seconds from 1 to 86400\.$/);
      }
      expect(refusal(() => readReporterConfig({ oracle: "0xnotanaddress" }, {}))).to.match(
        /^--oracle: "0xnotanaddress" is not an address/,
      );
    });

    it("refuses a REPORTER_KEYS entry or a RELAYER_KEY that is not a private key, and a key given twice", function () {
      expect(refusal(() => readReporterConfig({}, { REPORTER_KEYS: `${KEY},0x1234` }))).to.equal(
        "REPORTER_KEYS entry #2 is not a private key; give 64 hex digits (optionally after 0x).",
      );
      expect(refusal(() => readReporterConfig({}, { REPORTER_KEYS: `${KEY}, ${KEY.slice(2)}` }))).to.match(
        /^REPORTER_KEYS lists the same key twice/,
      );
      expect(refusal(() => readReporterConfig({}, { RELAYER_KEY: "relayer" }))).to.match(
        /^RELAYER_KEY is not a private key/,
      );
      const config = readReporterConfig({ mode: "relay" }, { REPORTER_KEYS: KEY.slice(2), RELAYER_KEY: KEY });
      expect(config.reporterKeys).to.deep.equal([KEY]);
      expect(config.relayerKey).to.equal(KEY);
    });
  });

  describe("reporter service chain (checkReporterChain)", function () {
    it("refuses an oracle address without code", async function () {
      const { signers } = await networkHelpers.loadFixture(stackFixture);
      const nowhere = signers[19].address;
      expect(
        await asyncRefusal(checkReporterChain(ethers.provider, nowhere, "direct", [signers[14]], undefined)),
      ).to.equal(
        `No contract at the oracle address ${nowhere} on chain 31337; deploy first, or correct --oracle / --network.`,
      );
    });

    it("refuses a reporter without funds in direct mode, a relayer without funds in relay mode", async function () {
      const { deployed, signers } = await networkHelpers.loadFixture(stackFixture);
      const oracle = deployed.addresses.oracle;
      const broke = await ethers.getImpersonatedSigner("0x000000000000000000000000000000000000bEEF");
      expect(
        await asyncRefusal(checkReporterChain(ethers.provider, oracle, "direct", [signers[14], broke], undefined)),
      ).to.match(/^The reporter 0x000000000000000000000000000000000000bEEF holds 0\.0 .* a report needs about/);
      expect(await asyncRefusal(checkReporterChain(ethers.provider, oracle, "relay", [broke], broke))).to.match(
        /^The relayer 0x000000000000000000000000000000000000bEEF holds 0\.0/,
      );
      // Relayed reporters only sign: they need no funds.
      await checkReporterChain(ethers.provider, oracle, "relay", [broke], signers[0]);
      await checkReporterChain(ethers.provider, oracle, "direct", [signers[14], signers[15]], undefined);
    });
  });

  describe("RPC endpoint (checkRpcEndpoint)", function () {
    it("refuses a URL that is not http(s), and an endpoint that does not answer", async function () {
      expect(await asyncRefusal(checkRpcEndpoint("localhost:8545"))).to.match(/^RPC endpoint "localhost:8545" is not/);
      expect(await asyncRefusal(checkRpcEndpoint("ws://127.0.0.1:8545"))).to.match(/is not an http\(s\) URL/);
      const { url, server } = await rpcServer({ jsonrpc: "2.0", id: 1, result: "0x7a69" });
      await new Promise((resolve) => server.close(resolve));
      expect(await asyncRefusal(checkRpcEndpoint(url))).to.match(
        new RegExp(`^RPC endpoint ${url} does not answer eth_chainId .*; start the node or correct the URL\\.$`),
      );
    });

    it("refuses an endpoint on another chain than EXPECTED_CHAIN_ID, or one that answers no chain id", async function () {
      const { url, server } = await rpcServer({ jsonrpc: "2.0", id: 1, result: "0x7a69" });
      const garbled = await rpcServer({ jsonrpc: "2.0", id: 1, error: { code: -32601, message: "no such method" } });
      try {
        expect(await checkRpcEndpoint(url)).to.equal(31337);
        expect(await checkRpcEndpoint(url, 31337)).to.equal(31337);
        expect(await asyncRefusal(checkRpcEndpoint(url, 1))).to.equal(
          `RPC endpoint ${url} answers with chain id 31337, but EXPECTED_CHAIN_ID is 1; point it at the intended network or correct EXPECTED_CHAIN_ID.`,
        );
        expect(await asyncRefusal(checkRpcEndpoint(garbled.url))).to.match(/does not answer eth_chainId/);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await new Promise((resolve) => garbled.server.close(resolve));
      }
    });
  });

  describe("demo seed target (checkSeedTarget)", function () {
    it("accepts the local deployment and returns its addresses", async function () {
      const { deployed, record } = await networkHelpers.loadFixture(stackFixture);
      const { chainId, addresses } = await checkSeedTarget(ethers, NETWORK, record, {});
      expect(chainId).to.equal(31337);
      expect(addresses).to.deep.equal(deployed.addresses);
    });

    it("refuses a record of another chain, a record without the demo token, a contract without code", async function () {
      const { record, signers } = await networkHelpers.loadFixture(stackFixture);
      expect(await asyncRefusal(checkSeedTarget(ethers, NETWORK, { ...record, chainId: 1337 }, {}))).to.equal(
        `deployments/${NETWORK}.json is for chain 1337, but the network is chain 31337; deploy again first.`,
      );
      const withoutToken = { ...record, contracts: { ...record.contracts, DemoStablecoin: undefined } };
      expect(await asyncRefusal(checkSeedTarget(ethers, NETWORK, withoutToken, {}))).to.match(
        new RegExp(`^deployments/${NETWORK}\\.json has no DemoStablecoin`),
      );
      const gone = {
        ...record,
        contracts: { ...record.contracts, RDEscrow: { address: signers[19].address, deployedOnBlock: 1 } },
      };
      expect(await asyncRefusal(checkSeedTarget(ethers, NETWORK, gone, {}))).to.match(
        new RegExp(
          `^RDEscrow has no code at ${signers[19].address} \\(the node was restarted\\?\\); deploy again first`,
        ),
      );
      expect(await asyncRefusal(checkSeedTarget(ethers, NETWORK, record, { EXPECTED_CHAIN_ID: "5" }))).to.match(
        /answers with chain id 31337, but EXPECTED_CHAIN_ID is 5/,
      );
    });

    it("refuses a chain that is not a local node", async function () {
      const other = await network.create({ override: { chainId: 11155111 } });
      try {
        const { record } = await networkHelpers.loadFixture(stackFixture);
        expect(await asyncRefusal(checkSeedTarget(other.ethers, "sepolia-like", record, {}))).to.match(
          /^Network "sepolia-like" is chain 11155111, but the demo seed mints the demo token .* \(--network localhost\)\.$/,
        );
      } finally {
        await other.close();
      }
    });
  });

  describe("failures that still happen (failureMessage)", function () {
    it("words a revert as its custom error's sentence with the decoded call, a refusal as it is, anything else by its first line", async function () {
      const [admin, r1] = await ethers.getSigners();
      let revert: unknown;
      try {
        await ethers.deployContract("DisruptionOracle", [admin.address, admin.address, 86_400, [r1.address], 3]);
      } catch (error) {
        revert = error;
      }
      expect(failureMessage(revert)).to.equal(
        "A quorum of 3 is not possible with 1 reporters. (DisruptionOracle_InvalidQuorum(3, 1))",
      );
      expect(failureMessage(new ConfigError("ORACLE_QUORUM: wrong."))).to.equal("ORACLE_QUORUM: wrong.");
      expect(failureMessage(new Error("first line\n    at somewhere (file.ts:1:1)"))).to.equal("first line");
    });
  });
});
