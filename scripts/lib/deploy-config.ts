/**
 * The deploy's configuration, checked before anything is sent, and its plan (what `npm run deploy -- --dry-run`
 * prints): the addresses the deployment will create, predicted from the deployer's nonce in the order of
 * scripts/lib/deploy-stack.ts, their wiring, the oracle's reporters, quorum and guardian, and the token.
 *
 * Environment (see scripts/deploy/deploy.ts):
 *   TOKEN_ADDRESS          the stablecoin the projects use (required off local chains): must hold code and answer
 *                          `decimals()`
 *   ORACLE_REPORTERS       comma-separated reporter addresses (required off local chains)
 *   ORACLE_QUORUM          votes needed, 1..number of reporters (default: 2, or 1 with a single reporter)
 *   ORACLE_GUARDIAN        who may pause the oracle's triggers (default: the deployer)
 *   ORACLE_MAX_REPORT_AGE  seconds a report stays valid (default 86400)
 *   PROJECT_TOKENS         comma-separated tokens projects' contingency pools may hold (default: the project token)
 *   EXPECTED_CHAIN_ID      when set, the network must answer with this chain id
 * Every refusal is a {@link ConfigError} naming the variable and the fix.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { AbiCoder, formatUnits } from "ethers";

import {
  checkChainId,
  checkFunds,
  ConfigError,
  expectedChainId,
  LOCAL_CHAIN_IDS,
  parseAddress,
  parseAddressList,
  parseInteger,
  revertDecoder,
} from "./config-checks.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

export interface DeployConfig {
  /** An existing ERC-20 (production); without it the DemoStablecoin is deployed. */
  tokenAddress?: string;
  reporters: string[];
  quorum: number;
  guardian?: string;
  maxReportAge?: number;
  /** Tokens projects' contingency pools may hold (default: the project token). */
  projectTokens?: string[];
}

/** The largest maxReportAge the oracle stores (uint40 seconds). */
const MAX_REPORT_AGE_LIMIT = 2 ** 40 - 1;

/**
 * Reads and checks the deploy configuration from `env` for a chain with id `chainId`. On local chains the node's
 * demo reporter accounts (`localReporters`) stand in for ORACLE_REPORTERS and the DemoStablecoin for TOKEN_ADDRESS.
 * Checks only what needs no chain: the formats, the quorum range, the required variables.
 */
export function readDeployConfig(env: NodeJS.ProcessEnv, chainId: number, localReporters: string[]): DeployConfig {
  const local = LOCAL_CHAIN_IDS.has(chainId);
  let reporters = parseAddressList("ORACLE_REPORTERS", env.ORACLE_REPORTERS);
  if (reporters.length === 0) {
    if (!local) {
      throw new ConfigError(
        `ORACLE_REPORTERS is not set; give the reporter addresses (comma-separated) and ORACLE_QUORUM to deploy on chain ${chainId}.`,
      );
    }
    reporters = localReporters;
  }
  const quorum =
    env.ORACLE_QUORUM === undefined || env.ORACLE_QUORUM.trim() === ""
      ? Math.min(2, reporters.length)
      : parseInteger(
          "ORACLE_QUORUM",
          env.ORACLE_QUORUM,
          1,
          reporters.length,
          `a quorum from 1 to ${reporters.length} (the number of reporters); lower it or add reporters to ORACLE_REPORTERS`,
        );
  if (!local && (env.TOKEN_ADDRESS === undefined || env.TOKEN_ADDRESS.trim() === "")) {
    throw new ConfigError(
      `TOKEN_ADDRESS is not set; give the stablecoin the projects will use (the demo token is deployed only on local chains).`,
    );
  }
  const tokenAddress =
    env.TOKEN_ADDRESS === undefined || env.TOKEN_ADDRESS.trim() === ""
      ? undefined
      : parseAddress("TOKEN_ADDRESS", env.TOKEN_ADDRESS);
  const guardian =
    env.ORACLE_GUARDIAN === undefined || env.ORACLE_GUARDIAN.trim() === ""
      ? undefined
      : parseAddress("ORACLE_GUARDIAN", env.ORACLE_GUARDIAN);
  const maxReportAge =
    env.ORACLE_MAX_REPORT_AGE === undefined || env.ORACLE_MAX_REPORT_AGE.trim() === ""
      ? undefined
      : parseInteger(
          "ORACLE_MAX_REPORT_AGE",
          env.ORACLE_MAX_REPORT_AGE,
          1,
          MAX_REPORT_AGE_LIMIT,
          "a number of seconds greater than zero (86400 = one day)",
        );
  const projectTokenList = parseAddressList("PROJECT_TOKENS", env.PROJECT_TOKENS);
  const projectTokens = projectTokenList.length === 0 ? undefined : projectTokenList;
  return { tokenAddress, reporters, quorum, guardian, maxReportAge, projectTokens };
}

/** The demo reporters of a local node: its unlocked accounts labelled "reporter" in scripts/lib/demo-accounts.ts. */
export async function localReporters(ethers: HardhatEthers): Promise<string[]> {
  const signers = await ethers.getSigners();
  return DEMO_ACCOUNTS.filter((a) => a.role === "reporter" && a.index < signers.length).map(
    (a) => signers[a.index].address,
  );
}

/** The chain id the connected network answers with; a network that does not answer is refused in words. */
export async function connectedChainId(ethers: HardhatEthers, networkName: string): Promise<number> {
  try {
    return Number((await ethers.provider.getNetwork()).chainId);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(
      `Network "${networkName}" does not answer (${reason}); start the node, or check RPC_URL for the remote network.`,
    );
  }
}

export interface TokenInfo {
  address: string;
  decimals: number;
  symbol?: string;
}

/** Refuses a TOKEN_ADDRESS that holds no code or does not answer `decimals()`; returns what it answered. */
export async function checkToken(ethers: HardhatEthers, address: string, chainId: number): Promise<TokenInfo> {
  if ((await ethers.provider.getCode(address)) === "0x") {
    throw new ConfigError(
      `TOKEN_ADDRESS ${address} holds no contract on chain ${chainId}; give the stablecoin's address on this chain.`,
    );
  }
  const coder = AbiCoder.defaultAbiCoder();
  let decimals: number;
  try {
    const answer = await ethers.provider.call({ to: address, data: "0x313ce567" /* decimals() */ });
    decimals = Number(coder.decode(["uint8"], answer)[0]);
  } catch {
    throw new ConfigError(
      `TOKEN_ADDRESS ${address} does not answer decimals(), so it is not an ERC-20 token; give the stablecoin's address.`,
    );
  }
  let symbol: string | undefined;
  try {
    symbol = String(
      coder.decode(["string"], await ethers.provider.call({ to: address, data: "0x95d89b41" /* symbol() */ }))[0],
    );
  } catch {
    symbol = undefined; // optional in ERC-20
  }
  return { address, decimals, symbol };
}

export interface PlannedTransaction {
  nonce: number;
  /** A contract name, or `Contract.function` for a call. */
  what: string;
  /** The contract it creates (undefined for a call). */
  address?: string;
  /** Constructor arguments or call arguments, described. */
  wiring: string;
  /** Estimated gas. */
  gas: bigint;
}

export interface DeployPlan {
  networkName: string;
  chainId: number;
  deployer: string;
  /** The deployer's next nonce: the first transaction's. */
  nonce: number;
  balance: bigint;
  /** Fee per gas the cost is estimated with (wei). */
  feePerGas: bigint;
  token: TokenInfo | { demo: true; address: string };
  reporters: string[];
  quorum: number;
  guardian: string;
  admin: string;
  maxReportAge: number;
  /** Tokens the pool will hold (its constructor's list). */
  projectTokens: string[];
  transactions: PlannedTransaction[];
  addresses: { token: string; registry: string; escrow: string; oracle: string; pool: string };
  /** Σ estimated gas × fee per gas. */
  cost: bigint;
}

/** Gas assumed for `addSubscriber`, which cannot be estimated before the oracle exists (measured: ~70k). */
const ADD_SUBSCRIBER_GAS = 100_000n;

/**
 * Checks the configuration against the chain (chain id, token, deployer funds) and plans the deployment without
 * sending anything: the addresses predicted from the deployer's nonce (the order of deployStack), each
 * transaction's wiring and estimated gas, and the cost.
 */
export async function planDeployment(
  ethers: HardhatEthers,
  networkName: string,
  config: DeployConfig,
  options: { env?: NodeJS.ProcessEnv; deployer?: HardhatEthersSigner } = {},
): Promise<DeployPlan> {
  const env = options.env ?? process.env;
  const chainId = await connectedChainId(ethers, networkName);
  checkChainId(`Network "${networkName}"`, chainId, expectedChainId(env));
  const deployer = options.deployer ?? (await ethers.getSigners())[0];
  if (deployer === undefined) {
    throw new ConfigError(`Network "${networkName}" has no deployer account; set DEPLOYER_PRIVATE_KEY.`);
  }
  const token = config.tokenAddress === undefined ? undefined : await checkToken(ethers, config.tokenAddress, chainId);

  const from = deployer.address;
  const nonce = await ethers.provider.getTransactionCount(from, "pending");
  const maxReportAge = config.maxReportAge ?? 86_400;
  const guardian = config.guardian ?? from;
  let next = nonce;
  const transactions: PlannedTransaction[] = [];
  const decoder = revertDecoder();
  const create = async (name: string, args: unknown[], wiring: string) => {
    const factory = await ethers.getContractFactory(name, deployer);
    const request = await factory.getDeployTransaction(...args);
    let gas: bigint;
    try {
      gas = await ethers.provider.estimateGas({ ...request, from });
    } catch (error) {
      throw new ConfigError(`Deploying ${name} would fail: ${decoder.describe(error)}`);
    }
    const address = ethers.getCreateAddress({ from, nonce: next });
    transactions.push({ nonce: next++, what: name, address, wiring, gas });
    return address;
  };

  const tokenAddress =
    token?.address ??
    (await create(
      "DemoStablecoin",
      ["Digital CNY (demo)", "dCNY", from],
      "owner: the deployer (mints on local chains only)",
    ));
  const predicted = {
    registry: ethers.getCreateAddress({ from, nonce: next }),
    escrow: ethers.getCreateAddress({ from, nonce: next + 1 }),
    oracle: ethers.getCreateAddress({ from, nonce: next + 2 }),
    pool: ethers.getCreateAddress({ from, nonce: next + 3 }),
  };
  await create(
    "SupplyChainRegistry",
    [predicted.escrow, predicted.pool, predicted.oracle],
    `escrow ${predicted.escrow}, pool ${predicted.pool}, oracle ${predicted.oracle}`,
  );
  await create(
    "RDEscrow",
    [predicted.registry, predicted.oracle],
    `registry ${predicted.registry}, oracle ${predicted.oracle}`,
  );
  await create(
    "DisruptionOracle",
    [from, guardian, maxReportAge, config.reporters, config.quorum],
    `admin ${from} (the deployer), guardian ${guardian}, max report age ${maxReportAge} s, ` +
      `${config.reporters.length} reporter(s), quorum ${config.quorum}`,
  );
  const projectTokens = config.projectTokens ?? [tokenAddress];
  await create(
    "ContingencyPool",
    [predicted.registry, predicted.escrow, predicted.oracle, from, projectTokens],
    `registry ${predicted.registry}, escrow ${predicted.escrow}, oracle ${predicted.oracle}, ` +
      `owner ${from} (the deployer), project tokens ${projectTokens.join(", ")}`,
  );
  transactions.push({
    nonce: next++,
    what: "DisruptionOracle.addSubscriber",
    wiring: `the pool ${predicted.pool} hears every confirmed disruption`,
    gas: ADD_SUBSCRIBER_GAS,
  });

  const fees = await ethers.provider.getFeeData();
  const feePerGas = fees.maxFeePerGas ?? fees.gasPrice ?? 0n;
  const gas = transactions.reduce((sum, t) => sum + t.gas, 0n);
  const cost = gas * feePerGas;
  const balance = await ethers.provider.getBalance(from);
  checkFunds("deployer", from, balance, cost, `the deployment (${gas} gas at ${formatUnits(feePerGas, "gwei")} gwei)`);

  return {
    networkName,
    chainId,
    deployer: from,
    nonce,
    balance,
    feePerGas,
    token: token ?? { demo: true, address: tokenAddress },
    reporters: config.reporters,
    quorum: config.quorum,
    guardian,
    admin: from,
    maxReportAge,
    projectTokens,
    transactions,
    addresses: { token: tokenAddress, ...predicted },
    cost,
  };
}

/** The plan as the lines `--dry-run` prints. */
export function renderPlan(plan: DeployPlan): string[] {
  const gas = plan.transactions.reduce((sum, t) => sum + t.gas, 0n);
  const token =
    "demo" in plan.token
      ? `DemoStablecoin (deployed here; dCNY, 2 decimals) at ${plan.token.address}`
      : `${plan.token.address} (${plan.token.symbol ?? "no symbol"}, ${plan.token.decimals} decimals)`;
  return [
    `Dry run on ${plan.networkName} (chain ${plan.chainId}): nothing is sent.`,
    `Deployer ${plan.deployer}: next nonce ${plan.nonce}, balance ${formatUnits(plan.balance, 18)}`,
    `Transactions, in order (addresses predicted from the deployer's nonce):`,
    ...plan.transactions.map(
      (t) => `  nonce ${String(t.nonce).padEnd(4)} ${t.what.padEnd(30)} ${t.address ?? "".padEnd(42)}  ${t.wiring}`,
    ),
    `Token: ${token}`,
    `Oracle: quorum ${plan.quorum} of ${plan.reporters.length} reporter(s): ${plan.reporters.join(", ")}`,
    `        admin ${plan.admin} (the deployer; hand it to a multisig afterwards), guardian ${plan.guardian}, ` +
      `max report age ${plan.maxReportAge} s`,
    `Pool: owner ${plan.admin} (the deployer; hand it to a multisig afterwards), project tokens ` +
      plan.projectTokens.join(", "),
    `Estimated ${gas} gas, about ${formatUnits(plan.cost, 18)} of the native coin at ` +
      `${formatUnits(plan.feePerGas, "gwei")} gwei.`,
  ];
}
