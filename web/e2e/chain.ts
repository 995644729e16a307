/**
 * The chain as the tests see it: typed reads through viem (JSON-RPC eth_call to the same node the dashboard
 * reads), the demo accounts by role, and the deployment the build embeds.
 */
import {
  createPublicClient,
  createWalletClient,
  http,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
} from "viem";
import { hardhat } from "viem/chains";
import { abis } from "../src/generated/abis";
import { deployments } from "../src/generated/deployments";
import { RPC_URL, rpc } from "./fixtures";

export const client = createPublicClient({ chain: hardhat, transport: http(RPC_URL) });

export function deployment() {
  const d = deployments[31337];
  if (!d?.contracts.DemoStablecoin) throw new Error("no local deployment with the demo token: run the e2e setup");
  return { ...d.contracts, DemoStablecoin: d.contracts.DemoStablecoin };
}

/** Indices of scripts/lib/demo-accounts.ts. */
export const ROLE_INDEX = {
  /** Deployer: the oracle's admin and guardian. */
  operator: 0,
  bank: 1,
  guidance: 3,
  photoresistFirm: 4,
  catalystLab: 5,
  verifier: 6,
  resinPrimary: 7,
  resinSubstitute: 8,
  pagPrimary: 9,
  pagSubstitute: 10,
  reporterA: 14,
  reporterB: 15,
  /** Accounts the seed never uses: a supplier the e2e firm registers, and an address nobody registered. */
  newSupplier: 19,
  unregistered: 18,
} as const;
export type Role = keyof typeof ROLE_INDEX;

export async function accounts(): Promise<Record<Role, Address>> {
  const all = await rpc<Address[]>("eth_accounts");
  return Object.fromEntries(
    Object.entries(ROLE_INDEX).map(([role, index]) => [role, all[index].toLowerCase() as Address]),
  ) as Record<Role, Address>;
}

/** dCNY has 2 decimals. */
export const yuan = (n: number): bigint => BigInt(Math.round(n * 100));

export const balanceOf = (who: Address) =>
  client.readContract({
    abi: abis.DemoStablecoin,
    address: deployment().DemoStablecoin,
    functionName: "balanceOf",
    args: [who],
  });

export const getProject = (id: bigint) =>
  client.readContract({ abi: abis.RDEscrow, address: deployment().RDEscrow, functionName: "getProject", args: [id] });

export const getMilestones = (id: bigint) =>
  client.readContract({
    abi: abis.RDEscrow,
    address: deployment().RDEscrow,
    functionName: "getMilestones",
    args: [id],
  });

export const currentSupplier = (projectId: bigint, componentId: bigint) =>
  client.readContract({
    abi: abis.SupplyChainRegistry,
    address: deployment().SupplyChainRegistry,
    functionName: "currentSupplier",
    args: [projectId, componentId],
  });

export const isDisrupted = (supplier: Address) =>
  client.readContract({
    abi: abis.DisruptionOracle,
    address: deployment().DisruptionOracle,
    functionName: "isDisrupted",
    args: [supplier],
  });

/** RDEscrow's MilestoneStatus enum (generated from the compiler's output). */
export { MilestoneStatus } from "../src/generated/enums";

/** What `financier` can withdraw from project `projectId`'s contingency pool now. */
export const withdrawable = (projectId: bigint, financier: Address) =>
  client.readContract({
    abi: abis.ContingencyPool,
    address: deployment().ContingencyPool,
    functionName: "withdrawable",
    args: [projectId, financier],
  });

/** `financier`'s position in project `projectId`'s escrow: [contributed, claimable refund, refund claimed]. */
export const getPosition = (projectId: bigint, financier: Address) =>
  client.readContract({
    abi: abis.RDEscrow,
    address: deployment().RDEscrow,
    functionName: "getPosition",
    args: [projectId, financier],
  });

export const getSupplier = (supplier: Address) =>
  client.readContract({
    abi: abis.SupplyChainRegistry,
    address: deployment().SupplyChainRegistry,
    functionName: "getSupplier",
    args: [supplier],
  });

export const componentCount = (projectId: bigint) =>
  client.readContract({
    abi: abis.SupplyChainRegistry,
    address: deployment().SupplyChainRegistry,
    functionName: "componentCount",
    args: [projectId],
  });

export const getPool = (projectId: bigint) =>
  client.readContract({
    abi: abis.ContingencyPool,
    address: deployment().ContingencyPool,
    functionName: "getPool",
    args: [projectId],
  });

export const nodeWallet = createWalletClient({ chain: hardhat, transport: http(RPC_URL) });

/** Our contracts that the deployment record has an address for. */
type Deployed = keyof typeof abis & keyof ReturnType<typeof deployment>;
type Mutability = "nonpayable" | "payable";
/** The functions of `C` that change state, by name (as viem's writeContract types them). */
export type WriteFunction<C extends Deployed> = ContractFunctionName<(typeof abis)[C], Mutability>;
/** The arguments of `C.F`, typed from the generated ABI (as viem's writeContract types them). */
export type WriteArgs<C extends Deployed, F extends WriteFunction<C>> = ContractFunctionArgs<
  (typeof abis)[C],
  Mutability,
  F
>;

/**
 * Sends a transaction from one of the node's unlocked accounts and waits for it: set-up by actors the test does
 * not drive through the dashboard (the oracle's guardian, reporters reporting through their own service). Typed
 * against the generated ABIs: a function that does not exist, or arguments of the wrong number or type, fail the
 * type check.
 */
export async function sendAs<C extends Deployed, F extends WriteFunction<C>>(
  from: Address,
  contract: C,
  functionName: F,
  args: WriteArgs<C, F>,
): Promise<void> {
  // The types are checked at the call; here the ABI is one of several, which viem cannot narrow.
  const hash = await nodeWallet.writeContract({
    account: from,
    chain: hardhat,
    abi: abis[contract] as Abi,
    address: deployment()[contract] as Address,
    functionName: functionName as string,
    args: args as readonly unknown[],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${contract}.${functionName} from ${from} reverted`);
}
