/**
 * Deploys the whole contract stack in one fixed order and wires it. Tests (as fixtures), the benchmarks and the
 * deploy script all call {@link deployStack}, so what is tested is what is deployed.
 *
 * Order (from the deployer, consecutive nonces n, n+1, ...):
 *
 *   [DemoStablecoin]  →  SupplyChainRegistry(escrow*, pool*, oracle*)  →  RDEscrow(registry, oracle*)
 *     →  DisruptionOracle(admin, guardian, maxReportAge, reporters, quorum)
 *     →  ContingencyPool(registry, escrow, oracle, admin, projectTokens)
 *     →  oracle.addSubscriber(pool)   (sent by the admin)
 *
 * The wiring is circular (the registry needs the escrow, the pool and the oracle; the escrow needs the registry and
 * the oracle; the pool needs all three), so every link is an immutable set in a constructor and the addresses of contracts not yet
 * deployed (*) are predicted from the deployer's nonce (`ethers.getCreateAddress`). No admin setters exist; the
 * helper checks after deploying that every prediction came true.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import type {
  ContingencyPool,
  DemoStablecoin,
  DisruptionOracle,
  RDEscrow,
  SupplyChainRegistry,
} from "../../types/ethers-contracts/index.js";

export interface DeployStackOptions {
  /** Deploys the contracts (default: the first signer). Its nonce must not be used concurrently. */
  deployer?: HardhatEthersSigner;
  /** An existing ERC-20 to use instead of deploying the DemoStablecoin (production). */
  tokenAddress?: string;
  /** DemoStablecoin name/symbol (default "Digital CNY (demo)" / "dCNY"); its owner is the deployer. */
  tokenName?: string;
  tokenSymbol?: string;
  /** Oracle admin (manages reporters, quorum and subscribers; default: the deployer). Must be a signer when it is
   * not the deployer, so that it can subscribe the pool. */
  admin?: HardhatEthersSigner;
  /** Oracle guardian (pauses triggers; default: the admin). */
  guardian?: string;
  /** Oracle reporters (addresses). */
  reporters: readonly string[];
  /** Votes needed to confirm (1 <= quorum <= reporters.length). */
  quorum: number;
  /** Seconds a report stays valid (default one day). */
  maxReportAge?: number;
  /** Tokens projects' contingency pools may hold (default: the project token). The admin changes the list later
   * with `pool.setProjectToken(token, allowed)`. */
  projectTokens?: readonly string[];
}

export interface DeployedStack {
  /** Null when `tokenAddress` was given (then use `addresses.token`). */
  token: DemoStablecoin | null;
  registry: SupplyChainRegistry;
  escrow: RDEscrow;
  oracle: DisruptionOracle;
  pool: ContingencyPool;
  addresses: {
    token: string;
    registry: string;
    escrow: string;
    oracle: string;
    pool: string;
  };
  /** Block of each contract's deployment transaction. */
  deployedOnBlock: Record<"token" | "registry" | "escrow" | "oracle" | "pool", number>;
  /** Block of the first deployment transaction (log scans start here). */
  deploymentBlock: number;
  deployer: string;
}

export async function deployStack(ethers: HardhatEthers, options: DeployStackOptions): Promise<DeployedStack> {
  const deployer = options.deployer ?? (await ethers.getSigners())[0];
  const admin = options.admin ?? deployer;
  const guardian = options.guardian ?? admin.address;
  const maxReportAge = options.maxReportAge ?? 86_400;

  let nonce = await ethers.provider.getTransactionCount(deployer.address, "pending");
  const firstBlock = (await ethers.provider.getBlockNumber()) + 1;
  const blocks: Partial<DeployedStack["deployedOnBlock"]> = {};
  const blockOf = async (contract: {
    deploymentTransaction(): { wait(): Promise<{ blockNumber: number } | null> } | null;
  }) => {
    const receipt = await contract.deploymentTransaction()?.wait();
    if (!receipt) throw new Error("deployment transaction has no receipt");
    return receipt.blockNumber;
  };

  let token: DemoStablecoin | null = null;
  let tokenAddress = options.tokenAddress;
  if (tokenAddress === undefined) {
    token = (await ethers.deployContract(
      "DemoStablecoin",
      [options.tokenName ?? "Digital CNY (demo)", options.tokenSymbol ?? "dCNY", deployer.address],
      { signer: deployer, nonce: nonce++ },
    )) as unknown as DemoStablecoin;
    await token.waitForDeployment();
    tokenAddress = await token.getAddress();
    blocks.token = await blockOf(token);
  }

  const predicted = {
    registry: ethers.getCreateAddress({ from: deployer.address, nonce }),
    escrow: ethers.getCreateAddress({ from: deployer.address, nonce: nonce + 1 }),
    oracle: ethers.getCreateAddress({ from: deployer.address, nonce: nonce + 2 }),
    pool: ethers.getCreateAddress({ from: deployer.address, nonce: nonce + 3 }),
  };

  const registry = (await ethers.deployContract(
    "SupplyChainRegistry",
    [predicted.escrow, predicted.pool, predicted.oracle],
    { signer: deployer, nonce: nonce++ },
  )) as unknown as SupplyChainRegistry;
  const escrow = (await ethers.deployContract("RDEscrow", [predicted.registry, predicted.oracle], {
    signer: deployer,
    nonce: nonce++,
  })) as unknown as RDEscrow;
  const oracle = (await ethers.deployContract(
    "DisruptionOracle",
    [admin.address, guardian, maxReportAge, [...options.reporters], options.quorum],
    { signer: deployer, nonce: nonce++ },
  )) as unknown as DisruptionOracle;
  const pool = (await ethers.deployContract(
    "ContingencyPool",
    [
      predicted.registry,
      predicted.escrow,
      predicted.oracle,
      admin.address,
      [...(options.projectTokens ?? [tokenAddress])],
    ],
    {
      signer: deployer,
      nonce: nonce++,
    },
  )) as unknown as ContingencyPool;
  for (const c of [registry, escrow, oracle, pool]) await c.waitForDeployment();

  const addresses = {
    token: tokenAddress,
    registry: await registry.getAddress(),
    escrow: await escrow.getAddress(),
    oracle: await oracle.getAddress(),
    pool: await pool.getAddress(),
  };
  for (const key of ["registry", "escrow", "oracle", "pool"] as const) {
    if (addresses[key].toLowerCase() !== predicted[key].toLowerCase()) {
      throw new Error(`deployStack: ${key} deployed at ${addresses[key]}, predicted ${predicted[key]}`);
    }
  }
  blocks.registry = await blockOf(registry);
  blocks.escrow = await blockOf(escrow);
  blocks.oracle = await blockOf(oracle);
  blocks.pool = await blockOf(pool);
  if (blocks.token === undefined) blocks.token = blocks.registry;

  await (await oracle.connect(admin).addSubscriber(addresses.pool)).wait();

  return {
    token,
    registry,
    escrow,
    oracle,
    pool,
    addresses,
    deployedOnBlock: blocks as DeployedStack["deployedOnBlock"],
    deploymentBlock: Math.min(firstBlock, blocks.token, blocks.registry),
    deployer: deployer.address,
  };
}
