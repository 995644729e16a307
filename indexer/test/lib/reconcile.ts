/**
 * Compares what the indexer serves with what the chain says, read independently from the node: token balances
 * (`balanceOf`), the escrow's and the pool's own accounting (`getProject`, `getMilestones`, `poolBalance`,
 * `getPool`), the registry's current suppliers and the oracle's disruption flags. Returns one line per comparison.
 */
import { createPublicClient, http, parseAbiItem, type Address, type Hex } from "viem";

import {
  contingencyPoolAbi,
  demoStablecoinAbi,
  disruptionOracleAbi,
  rDEscrowAbi,
  supplyChainRegistryAbi,
} from "../../../web/src/generated/abis";
import type { DeploymentRecord } from "../../src/deployment";
import type { Indexer } from "./processes";

export interface Comparison {
  what: string;
  indexed: string;
  onChain: string;
}

const transferEvent = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");

export async function reconcile(indexer: Indexer, rpcUrl: string, record: DeploymentRecord): Promise<Comparison[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const address = (name: string) => record.contracts[name]!.address.toLowerCase() as Address;
  const [escrow, pool, registry, oracle, token] = [
    address("RDEscrow"),
    address("ContingencyPool"),
    address("SupplyChainRegistry"),
    address("DisruptionOracle"),
    address("DemoStablecoin"),
  ];
  const out: Comparison[] = [];
  const compare = (what: string, indexed: unknown, onChain: unknown) =>
    out.push({ what, indexed: String(indexed), onChain: String(onChain) });
  const balanceOf = (holder: Address) =>
    client.readContract({ address: token, abi: demoStablecoinAbi, functionName: "balanceOf", args: [holder] });

  const data = await indexer.graphql<{
    partyTotals: { items: { party: Hex; token: Hex; received: string; sent: string; net: string }[] };
    tokenBalances: { items: { holder: Hex; balance: string }[] };
    projects: {
      items: { id: string; funded: string; disbursed: string; refunded: string; held: string; status: string }[];
    };
    milestones: { items: { projectId: string; index: number; paid: string; status: string }[] };
    pools: { items: { projectId: string; held: string; financed: string; repaid: string }[] };
    components: { items: { projectId: string; componentId: string; current: Hex }[] };
    suppliers: {
      items: {
        address: Hex;
        disrupted: boolean;
        since: string | null;
        lastConfirmationId: string | null;
        evidenceHash: Hex | null;
      }[];
    };
    listings: { items: { supplier: Hex }[] };
    owedAdvances: { items: { projectId: string; substitute: Hex; owed: string }[] };
    disruptions: { items: { confirmationId: string; supplier: Hex; evidenceHash: Hex }[] };
  }>(`{
    partyTotals(limit: 1000) { items { party token received sent net } }
    tokenBalances(limit: 1000) { items { holder balance } }
    projects(limit: 1000) { items { id funded disbursed refunded held status } }
    milestones(limit: 1000) { items { projectId index paid status } }
    pools(limit: 1000) { items { projectId held financed repaid } }
    components(limit: 1000) { items { projectId componentId current } }
    suppliers(limit: 1000) { items { address disrupted since lastConfirmationId evidenceHash } }
    listings(limit: 1000) { items { supplier } }
    owedAdvances(limit: 1000) { items { projectId substitute owed } }
    disruptions(limit: 1000) { items { confirmationId supplier evidenceHash } }
  }`);

  // Every holder's balance, from the indexed Transfer events.
  for (const row of data.tokenBalances.items) {
    compare(`balanceOf(${row.holder})`, row.balance, await balanceOf(row.holder));
  }
  // Per-party totals of the movements: a contract's net is its token balance; a person's net is their balance
  // less what reached them outside our contracts (mints, plain transfers), which the node's own logs tell.
  const logs = await client.getLogs({ address: token, event: transferEvent, fromBlock: 0n, toBlock: "latest" });
  const outside = new Map<string, bigint>();
  for (const log of logs) {
    const from = log.args.from!.toLowerCase();
    const to = log.args.to!.toLowerCase();
    if ([from, to].some((a) => a === escrow || a === pool)) continue;
    outside.set(from, (outside.get(from) ?? 0n) - log.args.value!);
    outside.set(to, (outside.get(to) ?? 0n) + log.args.value!);
  }
  for (const row of data.partyTotals.items) {
    const onChain = await balanceOf(row.party);
    const expected = row.party === escrow || row.party === pool ? onChain : onChain - (outside.get(row.party) ?? 0n);
    compare(`movements net of ${row.party}`, row.net, expected);
  }
  compare("parties with movements", data.partyTotals.items.length > 0, true);

  const statuses = ["none", "active", "completed", "failed", "cancelled"];
  const milestoneStatuses = ["pending", "submitted", "approved", "rejected"];
  for (const p of data.projects.items) {
    const id = BigInt(p.id);
    const view = await client.readContract({
      address: escrow,
      abi: rDEscrowAbi,
      functionName: "getProject",
      args: [id],
    });
    compare(`project ${id} funded`, p.funded, view.funded);
    compare(`project ${id} disbursed`, p.disbursed, view.disbursed);
    compare(`project ${id} refunded`, p.refunded, view.refunded);
    compare(`project ${id} held`, p.held, view.held);
    compare(`project ${id} status`, p.status, statuses[view.status]);
    const milestones = await client.readContract({
      address: escrow,
      abi: rDEscrowAbi,
      functionName: "getMilestones",
      args: [id],
    });
    for (const m of data.milestones.items.filter((m) => m.projectId === p.id)) {
      compare(`project ${id} milestone ${m.index} paid`, m.paid, milestones[m.index].paid);
      compare(`project ${id} milestone ${m.index} status`, m.status, milestoneStatuses[milestones[m.index].status]);
    }
  }
  compare(
    "projects",
    data.projects.items.length,
    await client.readContract({ address: escrow, abi: rDEscrowAbi, functionName: "projectCount" }),
  );
  for (const p of data.pools.items) {
    const id = BigInt(p.projectId);
    const balance = await client.readContract({
      address: pool,
      abi: contingencyPoolAbi,
      functionName: "poolBalance",
      args: [id],
    });
    const state = await client.readContract({
      address: pool,
      abi: contingencyPoolAbi,
      functionName: "getPool",
      args: [id],
    });
    compare(`pool ${id} held`, p.held, balance);
    compare(`pool ${id} outstanding`, BigInt(p.financed) - BigInt(p.repaid), state.outstanding);
  }
  for (const a of data.owedAdvances.items) {
    const owed = await client.readContract({
      address: pool,
      abi: contingencyPoolAbi,
      functionName: "owedAdvance",
      args: [BigInt(a.projectId), a.substitute],
    });
    compare(`pool ${a.projectId} owes ${a.substitute}`, a.owed, owed);
  }
  for (const c of data.components.items) {
    const current = await client.readContract({
      address: registry,
      abi: supplyChainRegistryAbi,
      functionName: "currentSupplier",
      args: [BigInt(c.projectId), BigInt(c.componentId)],
    });
    compare(`component ${c.projectId}/${c.componentId} supplier`, c.current, current.toLowerCase());
  }
  // Each supplier row's oracle state is the oracle's `supplierStatus`, and its evidence that of its last
  // confirmation; every supplier a component lists has a row (the supply-chain page lists the supplier table).
  const confirmations = new Map(data.disruptions.items.map((d) => [d.confirmationId, d]));
  for (const s of data.suppliers.items) {
    const [disrupted, since, confirmationId] = await client.readContract({
      address: oracle,
      abi: disruptionOracleAbi,
      functionName: "supplierStatus",
      args: [s.address],
    });
    compare(`supplier ${s.address} disrupted`, s.disrupted, disrupted);
    compare(`supplier ${s.address} since`, s.since ?? 0, since);
    compare(`supplier ${s.address} confirmation`, s.lastConfirmationId ?? 0, confirmationId);
    const last = confirmations.get(confirmationId.toString());
    compare(`supplier ${s.address} evidence`, s.evidenceHash, last?.supplier === s.address ? last.evidenceHash : null);
  }
  const rows = new Set(data.suppliers.items.map((s) => s.address));
  for (const supplier of new Set(data.listings.items.map((l) => l.supplier))) {
    compare(`supplier ${supplier} listed and indexed`, rows.has(supplier), true);
  }
  compare(
    "suppliers confirmed disrupted at least once",
    data.suppliers.items.some((s) => s.lastConfirmationId !== null),
    true,
  );
  return out;
}
