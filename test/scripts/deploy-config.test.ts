/**
 * The deploy's configuration checks and its dry run (scripts/lib/deploy-config.ts, scripts/deploy/deploy.ts): every
 * refusal names the variable and the fix in one sentence before anything is sent, a revert that would still happen
 * is decoded in words, and `--dry-run` plans exactly the addresses a deployment then creates, sending nothing.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";

import { deployAndRecord } from "../../scripts/lib/deploy.js";
import {
  localReporters,
  planDeployment,
  readDeployConfig,
  renderPlan,
  type DeployConfig,
} from "../../scripts/lib/deploy-config.js";
import { asyncRefusal, refusal } from "../helpers/refusals.js";

const { ethers, networkHelpers } = await network.getOrCreate();
const NETWORK = "hardhat-deploy-config-test";
const REMOTE = 11155111; // a chain that is not local: nothing defaults
const R1 = "0xdF3e18d64BC6A983f673Ab319CCaE4f1a57C7097";
const R2 = "0xcd3B766CCDd6AE721141F452C550Ca635964ce71";

const remote = (env: NodeJS.ProcessEnv) => readDeployConfig({ TOKEN_ADDRESS: R2, ...env }, REMOTE, []);

async function localConfigFixture() {
  const reporters = await localReporters(ethers);
  const config = readDeployConfig({}, 31337, reporters);
  const token = await ethers.deployContract("DemoStablecoin", ["Digital CNY (demo)", "dCNY", R1]);
  const notAToken = await ethers.deployContract("RecordingSubscriber");
  return { reporters, config, token, notAToken };
}

describe("deploy configuration (scripts/lib/deploy-config.ts)", function () {
  describe("addresses", function () {
    it("refuses a reporter that is not an address, naming ORACLE_REPORTERS (was: resolveName is not implemented)", function () {
      expect(refusal(() => remote({ ORACLE_REPORTERS: "0xnotanaddress" }))).to.equal(
        'ORACLE_REPORTERS: "0xnotanaddress" is not an address; give 0x followed by 40 hex digits (checksummed or lower-case).',
      );
      expect(refusal(() => remote({ ORACLE_REPORTERS: `${R1},oracle.eth` }))).to.match(
        /^ORACLE_REPORTERS: "oracle\.eth" is not an address/,
      );
    });

    it("refuses a wrong checksum, the zero address and a reporter listed twice", function () {
      const badChecksum = R1.replace("dF3e", "Df3e");
      expect(refusal(() => remote({ ORACLE_REPORTERS: badChecksum }))).to.equal(
        `ORACLE_REPORTERS: "${badChecksum}" fails its checksum (a mistyped letter?); copy the address again, or give it in lower case.`,
      );
      expect(refusal(() => remote({ ORACLE_REPORTERS: ethers.ZeroAddress }))).to.match(
        /^ORACLE_REPORTERS: the zero address cannot be used/,
      );
      expect(refusal(() => remote({ ORACLE_REPORTERS: `${R1}, ${R1.toLowerCase()}` }))).to.equal(
        `ORACLE_REPORTERS: ${R1} is listed twice; give each address once.`,
      );
    });

    it("accepts checksummed and lower-case addresses and returns them checksummed", function () {
      const config = remote({ ORACLE_REPORTERS: `${R1}, ${R2.toLowerCase()}`, ORACLE_QUORUM: "2" });
      expect(config.reporters).to.deep.equal([R1, R2]);
      expect(config.quorum).to.equal(2);
    });

    it("names TOKEN_ADDRESS and ORACLE_GUARDIAN when theirs is wrong", function () {
      expect(refusal(() => remote({ ORACLE_REPORTERS: R1, TOKEN_ADDRESS: "usdc" }))).to.match(/^TOKEN_ADDRESS: "usdc"/);
      expect(refusal(() => remote({ ORACLE_REPORTERS: R1, ORACLE_GUARDIAN: "0x1234" }))).to.match(
        /^ORACLE_GUARDIAN: "0x1234" is not an address/,
      );
    });
  });

  describe("quorum and report age", function () {
    it("refuses a quorum above the number of reporters (was: an unexpected error … please report it)", function () {
      expect(refusal(() => remote({ ORACLE_REPORTERS: R1, ORACLE_QUORUM: "3" }))).to.equal(
        'ORACLE_QUORUM: "3" is not a quorum from 1 to 1 (the number of reporters); lower it or add reporters to ORACLE_REPORTERS.',
      );
    });

    it("refuses a quorum of 0 and one that is not a whole number; defaults to 2 (1 with a single reporter)", function () {
      for (const quorum of ["0", "two", "1.5", "-1"]) {
        expect(
          refusal(() => remote({ ORACLE_REPORTERS: `${R1},${R2}`, ORACLE_QUORUM: quorum })),
          quorum,
        ).to.match(/^ORACLE_QUORUM: .* is not a quorum from 1 to 2/);
      }
      expect(remote({ ORACLE_REPORTERS: `${R1},${R2}` }).quorum).to.equal(2);
      expect(remote({ ORACLE_REPORTERS: R1 }).quorum).to.equal(1);
    });

    it("refuses a max report age that is not a positive number of seconds", function () {
      for (const age of ["0", "1d", "86400.5"]) {
        expect(
          refusal(() => remote({ ORACLE_REPORTERS: R1, ORACLE_MAX_REPORT_AGE: age })),
          age,
        ).to.match(/^ORACLE_MAX_REPORT_AGE: .* is not a number of seconds greater than zero/);
      }
      expect(remote({ ORACLE_REPORTERS: R1, ORACLE_MAX_REPORT_AGE: "3600" }).maxReportAge).to.equal(3600);
    });
  });

  describe("required off local chains", function () {
    it("refuses a remote chain without ORACLE_REPORTERS or without TOKEN_ADDRESS", function () {
      expect(refusal(() => readDeployConfig({}, REMOTE, []))).to.match(
        /^ORACLE_REPORTERS is not set; .*chain 11155111/,
      );
      expect(refusal(() => readDeployConfig({ ORACLE_REPORTERS: R1 }, REMOTE, []))).to.match(
        /^TOKEN_ADDRESS is not set; give the stablecoin/,
      );
    });

    it("on a local chain, the demo reporters and the demo token fill the gaps", async function () {
      const { reporters, config } = await networkHelpers.loadFixture(localConfigFixture);
      expect(reporters).to.have.length(3);
      expect(config).to.deep.equal({
        tokenAddress: undefined,
        reporters,
        quorum: 2,
        guardian: undefined,
        maxReportAge: undefined,
        projectTokens: undefined,
      });
    });
  });

  describe("PROJECT_TOKENS", function () {
    it("lists the tokens the pool may hold (checked addresses); unset, the pool takes the project token", function () {
      const env = { ORACLE_REPORTERS: R1, TOKEN_ADDRESS: R1 };
      expect(readDeployConfig(env, REMOTE, []).projectTokens).to.equal(undefined);
      expect(readDeployConfig({ ...env, PROJECT_TOKENS: ` ${R1} ` }, REMOTE, []).projectTokens).to.deep.equal([R1]);
      expect(refusal(() => readDeployConfig({ ...env, PROJECT_TOKENS: `${R1},${R1}` }, REMOTE, []))).to.match(
        /^PROJECT_TOKENS: .* is listed twice/,
      );
    });
  });

  describe("against the chain", function () {
    it("refuses a TOKEN_ADDRESS without code, and one that does not answer decimals()", async function () {
      const { config, notAToken } = await networkHelpers.loadFixture(localConfigFixture);
      expect(
        await asyncRefusal(planDeployment(ethers, NETWORK, { ...config, tokenAddress: R1 }, { env: {} })),
      ).to.equal(`TOKEN_ADDRESS ${R1} holds no contract on chain 31337; give the stablecoin's address on this chain.`);
      const address = await notAToken.getAddress();
      expect(
        await asyncRefusal(planDeployment(ethers, NETWORK, { ...config, tokenAddress: address }, { env: {} })),
      ).to.equal(
        `TOKEN_ADDRESS ${address} does not answer decimals(), so it is not an ERC-20 token; give the stablecoin's address.`,
      );
    });

    it("accepts an ERC-20 TOKEN_ADDRESS and plans no demo token", async function () {
      const { config, token } = await networkHelpers.loadFixture(localConfigFixture);
      const tokenAddress = await token.getAddress();
      const plan = await planDeployment(ethers, NETWORK, { ...config, tokenAddress }, { env: {} });
      expect(plan.token).to.deep.equal({ address: tokenAddress, decimals: 2, symbol: "dCNY" });
      expect(plan.transactions.map((t) => t.what)).to.deep.equal([
        "SupplyChainRegistry",
        "RDEscrow",
        "DisruptionOracle",
        "ContingencyPool",
        "DisruptionOracle.addSubscriber",
      ]);
      expect(renderPlan(plan)).to.include(`Token: ${tokenAddress} (dCNY, 2 decimals)`);
    });

    it("refuses a network whose chain id is not EXPECTED_CHAIN_ID, and an EXPECTED_CHAIN_ID that is not one", async function () {
      const { config } = await networkHelpers.loadFixture(localConfigFixture);
      expect(await asyncRefusal(planDeployment(ethers, NETWORK, config, { env: { EXPECTED_CHAIN_ID: "1" } }))).to.equal(
        `Network "${NETWORK}" answers with chain id 31337, but EXPECTED_CHAIN_ID is 1; point it at the intended network or correct EXPECTED_CHAIN_ID.`,
      );
      expect(
        await asyncRefusal(planDeployment(ethers, NETWORK, config, { env: { EXPECTED_CHAIN_ID: "mainnet" } })),
      ).to.match(/^EXPECTED_CHAIN_ID: "mainnet" is not a chain id/);
      const plan = await planDeployment(ethers, NETWORK, config, { env: { EXPECTED_CHAIN_ID: "31337" } });
      expect(plan.chainId).to.equal(31337);
    });

    it("refuses a deployer without the funds the deployment needs", async function () {
      const { config } = await networkHelpers.loadFixture(localConfigFixture);
      const broke = await ethers.getImpersonatedSigner("0x000000000000000000000000000000000000bEEF");
      expect(await asyncRefusal(planDeployment(ethers, NETWORK, config, { env: {}, deployer: broke }))).to.match(
        /^The deployer 0x000000000000000000000000000000000000bEEF holds 0\.0 of the chain's native coin, but the deployment \(\d+ gas at [\d.]+ gwei\) needs about [\d.]+; send it funds first\.$/,
      );
    });

    it("decodes, in words, a revert that the checks let through (a quorum given past readDeployConfig)", async function () {
      const { reporters } = await networkHelpers.loadFixture(localConfigFixture);
      const unchecked: DeployConfig = { reporters: reporters.slice(0, 1), quorum: 3 };
      expect(await asyncRefusal(planDeployment(ethers, NETWORK, unchecked, { env: {} }))).to.equal(
        "Deploying DisruptionOracle would fail: A quorum of 3 is not possible with 1 reporters. " +
          "(DisruptionOracle_InvalidQuorum(3, 1))",
      );
    });
  });

  describe("dry run", function () {
    it("sends nothing, and plans exactly the addresses, wiring and oracle the deployment then creates", async function () {
      const { config } = await networkHelpers.loadFixture(localConfigFixture);
      const [deployer] = await ethers.getSigners();
      const nonceBefore = await ethers.provider.getTransactionCount(deployer.address, "pending");
      const blockBefore = await ethers.provider.getBlockNumber();

      const plan = await planDeployment(ethers, NETWORK, config, { env: {} });
      expect(await ethers.provider.getTransactionCount(deployer.address, "pending")).to.equal(nonceBefore);
      expect(await ethers.provider.getBlockNumber()).to.equal(blockBefore);
      expect(plan.nonce).to.equal(nonceBefore);
      expect(plan.transactions.map((t) => t.nonce)).to.deep.equal([0, 1, 2, 3, 4, 5].map((i) => nonceBefore + i));
      expect(plan.transactions.every((t) => t.gas > 0n)).to.equal(true);

      const lines = renderPlan(plan);
      expect(lines[0]).to.equal(`Dry run on ${NETWORK} (chain 31337): nothing is sent.`);
      const text = lines.join("\n");
      for (const address of Object.values(plan.addresses)) expect(text).to.include(address);
      for (const reporter of config.reporters) expect(text).to.include(reporter);
      expect(text).to.include(`quorum 2 of 3 reporter(s)`);
      expect(text).to.include(`guardian ${deployer.address}`);
      expect(text).to.include(
        `escrow ${plan.addresses.escrow}, pool ${plan.addresses.pool}, oracle ${plan.addresses.oracle}`,
      );

      // What the plan predicted is what a deployment from the same nonce creates.
      const dir = mkdtempSync(join(tmpdir(), "rdcf-dry-run-"));
      const { stack } = await deployAndRecord(ethers, NETWORK, config, {
        deploymentsDir: join(dir, "deployments"),
        webModuleFile: join(dir, "deployments.ts"),
      });
      expect(stack.addresses).to.deep.equal(plan.addresses);
      expect(await stack.registry.escrow()).to.equal(plan.addresses.escrow);
      expect(await stack.oracle.subscribers()).to.deep.equal([plan.addresses.pool]);
      expect((await stack.oracle.config())[1]).to.equal(BigInt(plan.quorum));
      // The pool's constructor: its owner (the deployer) and its project tokens (default: the project token).
      expect(plan.projectTokens).to.deep.equal([plan.addresses.token]);
      expect(text).to.include(`owner ${deployer.address} (the deployer), project tokens ${plan.addresses.token}`);
      expect(await stack.pool.owner()).to.equal(deployer.address);
      expect(await stack.pool.isProjectToken(plan.addresses.token)).to.equal(true);
      expect(await ethers.provider.getTransactionCount(deployer.address, "pending")).to.equal(
        nonceBefore + plan.transactions.length,
      );
    });
  });

  describe("command line (npm run deploy)", function () {
    this.timeout(120_000);
    const deploy = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync("npx", ["tsx", "scripts/deploy/deploy.ts", ...args], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      });

    it("--dry-run prints the plan and exits 0", function () {
      const run = deploy(["--dry-run"]);
      expect(run.status, run.stderr).to.equal(0);
      expect(run.stdout).to.match(/^Dry run on default \(chain 31337\): nothing is sent\.$/m);
      expect(run.stdout).to.match(/nonce 5 +DisruptionOracle\.addSubscriber/);
    });

    it("a refusal is one sentence on stderr, no stack trace, exit code 1", function () {
      const run = deploy(["--dry-run"], { ORACLE_REPORTERS: R1, ORACLE_QUORUM: "3" });
      expect(run.status).to.equal(1);
      expect(run.stdout).to.equal("");
      expect(run.stderr.trim().split("\n")).to.deep.equal([
        '[deploy] ORACLE_QUORUM: "3" is not a quorum from 1 to 1 (the number of reporters); lower it or add reporters to ORACLE_REPORTERS.',
      ]);
    });
  });
});
