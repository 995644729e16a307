/**
 * The deploy path (scripts/lib/deploy.ts deployAndRecord) on the in-process network, run twice into a temp
 * directory: the deployment record (chain id, addresses with code, blocks, deployer, demo roles) and the web's
 * generated module (only the latest addresses, and exactly what renderWebDeployments makes of the record).
 */
import { expect } from "chai";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";

import { DEMO_ACCOUNTS } from "../../scripts/lib/demo-accounts.js";
import { configFromEnvironment, deployAndRecord } from "../../scripts/lib/deploy.js";
import { CONTRACT_NAMES, readDeployment, type DeploymentRecord } from "../../scripts/lib/deployments.js";
import { renderWebDeployments, writeWebDeployments } from "../../scripts/lib/web-deployments.js";

const connection = await network.getOrCreate();
const { ethers, networkHelpers } = connection;
const NETWORK = "hardhat-deploy-test";

async function deployedTwiceFixture() {
  const dir = mkdtempSync(join(tmpdir(), "rdcf-deploy-"));
  const deploymentsDir = join(dir, "deployments");
  const webModuleFile = join(dir, "web", "src", "generated", "deployments.ts");
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const config = await configFromEnvironment(ethers, chainId, {});
  const first = await deployAndRecord(ethers, NETWORK, config, { deploymentsDir, webModuleFile });
  const firstModule = readFileSync(webModuleFile, "utf8");
  const second = await deployAndRecord(ethers, NETWORK, config, { deploymentsDir, webModuleFile });
  return { dir, deploymentsDir, webModuleFile, chainId, config, first, firstModule, second };
}

/** The message a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a rejection");
}

const addressesOf = (record: DeploymentRecord) =>
  Object.values(record.contracts).map((entry) => entry!.address.toLowerCase());

describe("deploy (scripts/lib/deploy.ts)", function () {
  it("configures a local chain from the demo accounts and refuses a remote one without configuration", async function () {
    const signers = await ethers.getSigners();
    const config = await configFromEnvironment(ethers, 31337, {});
    expect(config.reporters).to.deep.equal(
      DEMO_ACCOUNTS.filter((a) => a.role === "reporter").map((a) => signers[a.index].address),
    );
    expect(config.quorum).to.equal(2);
    expect(config.tokenAddress).to.equal(undefined);
    expect(await failure(configFromEnvironment(ethers, 11155111, {}))).to.match(/ORACLE_REPORTERS/);
    expect(
      await failure(
        configFromEnvironment(ethers, 11155111, { ORACLE_REPORTERS: signers[1].address, ORACLE_QUORUM: "1" }),
      ),
    ).to.match(/TOKEN_ADDRESS/);
  });

  it("writes deployments/<network>.json: chain id, addresses with code, blocks, deployer, roles", async function () {
    const { deploymentsDir, chainId, second, config } = await networkHelpers.loadFixture(deployedTwiceFixture);
    const signers = await ethers.getSigners();
    const record = readDeployment(NETWORK, deploymentsDir);
    expect(record).to.deep.equal(second.record);
    expect(second.recordPath).to.equal(join(deploymentsDir, `${NETWORK}.json`));
    expect(record.network).to.equal(NETWORK);
    expect(record.chainId).to.equal(chainId).and.to.equal(31337);
    expect(record.deployer).to.equal(signers[0].address);

    // Every contract, at the address the stack reports, with code, deployed in or after the recorded first block.
    expect(Object.keys(record.contracts).sort()).to.deep.equal([...CONTRACT_NAMES].sort());
    const fromStack = {
      DemoStablecoin: second.stack.addresses.token,
      SupplyChainRegistry: second.stack.addresses.registry,
      RDEscrow: second.stack.addresses.escrow,
      DisruptionOracle: second.stack.addresses.oracle,
      ContingencyPool: second.stack.addresses.pool,
    };
    for (const name of CONTRACT_NAMES) {
      const entry = record.contracts[name]!;
      expect(entry.address, name).to.equal(fromStack[name]);
      expect(await ethers.provider.getCode(entry.address), name).to.not.equal("0x");
      expect(entry.deployedOnBlock, name).to.be.at.least(record.deployedAtBlock);
      const receiptBlock = await ethers.provider.getBlock(entry.deployedOnBlock);
      expect(receiptBlock, name).to.not.equal(null);
    }
    expect(record.deployedAtBlock).to.equal(
      Math.min(...Object.values(record.contracts).map((entry) => entry!.deployedOnBlock)),
    );
    expect(record.deployedAtBlockHash).to.equal((await ethers.provider.getBlock(record.deployedAtBlock))!.hash);

    // Wiring: the registry knows the escrow, pool and oracle; the pool is subscribed; the reporters and quorum.
    const { registry, escrow, oracle, pool } = second.stack;
    expect(await registry.escrow()).to.equal(fromStack.RDEscrow);
    expect(await registry.pool()).to.equal(fromStack.ContingencyPool);
    expect(await registry.oracle()).to.equal(fromStack.DisruptionOracle);
    expect(await escrow.registry()).to.equal(fromStack.SupplyChainRegistry);
    expect(await pool.oracle()).to.equal(fromStack.DisruptionOracle);
    expect(await oracle.subscribers()).to.deep.equal([fromStack.ContingencyPool]);
    for (const reporter of config.reporters) expect(await oracle.isReporter(reporter)).to.equal(true);
    expect((await oracle.config())[1]).to.equal(BigInt(config.quorum));

    // Local chain: who is who, for the dashboard and the reporter service.
    expect(record.roles).to.not.equal(undefined);
    expect(Object.keys(record.roles!)).to.have.length(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      expect(record.roles![signers[account.index].address], account.key).to.deep.equal({
        role: account.role,
        name: account.name,
      });
    }
    // The file is the record, pretty-printed.
    expect(readFileSync(second.recordPath, "utf8")).to.equal(JSON.stringify(record, null, 2) + "\n");
  });

  it("re-deploying replaces every address: the web module holds the second run's addresses only", async function () {
    const { first, firstModule, second, webModuleFile, deploymentsDir } =
      await networkHelpers.loadFixture(deployedTwiceFixture);
    const firstAddresses = addressesOf(first.record);
    const secondAddresses = addressesOf(second.record);
    expect(firstAddresses).to.have.length(5);
    for (const address of firstAddresses) expect(secondAddresses).to.not.include(address);
    expect(second.record.deployedAtBlock).to.be.greaterThan(first.record.deployedAtBlock);

    const module = readFileSync(webModuleFile, "utf8").toLowerCase();
    for (const address of secondAddresses) expect(module, address).to.include(address);
    for (const address of firstAddresses) expect(module, address).to.not.include(address);
    for (const address of firstAddresses) expect(firstModule.toLowerCase(), address).to.include(address);

    // One chain id, once.
    expect(module.match(/"chainid": 31337/g)).to.have.length(1);
    expect(existsSync(join(deploymentsDir, `${NETWORK}.json`))).to.equal(true);
  });

  it("the web module is exactly the rendering of the record, and regenerating it changes nothing", async function () {
    const { webModuleFile, deploymentsDir, second } = await networkHelpers.loadFixture(deployedTwiceFixture);
    const written = readFileSync(webModuleFile, "utf8");
    expect(written).to.equal(renderWebDeployments([readDeployment(NETWORK, deploymentsDir)]));
    expect(written).to.equal(renderWebDeployments([second.record]));
    expect(written).to.match(/^\/\/ AUTO-GENERATED/);
    expect(written).to.include("export const deployments: Record<number, WebDeployment> =");

    expect(writeWebDeployments(deploymentsDir, webModuleFile)).to.deep.equal([31337]);
    expect(readFileSync(webModuleFile, "utf8")).to.equal(written);

    // The rendered data round-trips: chain id → addresses and roles as recorded.
    const json = written.slice(written.indexOf("= {") + 2, written.lastIndexOf(";"));
    const parsed = JSON.parse(json) as Record<string, { contracts: Record<string, string>; roles?: unknown }>;
    expect(Object.keys(parsed)).to.deep.equal(["31337"]);
    expect(parsed["31337"].contracts).to.deep.equal(
      Object.fromEntries(Object.entries(second.record.contracts).map(([name, entry]) => [name, entry!.address])),
    );
    expect(parsed["31337"].roles).to.deep.equal(second.record.roles);
  });

  it("drops the documents an older deployment record carried (the texts are published on chain now)", async function () {
    const { second } = await networkHelpers.loadFixture(deployedTwiceFixture);
    const older = { ...second.record, documents: { "0xabc": "project:示例 / Example" } };
    const rendered = renderWebDeployments([older]);
    const parsed = JSON.parse(rendered.slice(rendered.indexOf("= {") + 2, rendered.lastIndexOf(";"))) as Record<
      string,
      { documents?: unknown }
    >;
    expect(parsed["31337"].documents).to.equal(undefined);
  });
});
