/**
 * The demo scenario: a believable R&D supply-chain-finance book seeded on a freshly deployed stack.
 *
 * Used by scripts/demo/seed-demo.ts (`npx hardhat run scripts/demo/seed-demo.ts --network localhost`), by the
 * integration test (test/scripts/seed-demo.test.ts) and by the web's browser tests. The accounts are the demo
 * accounts of scripts/lib/demo-accounts.ts, by their keys (signer index → role and name).
 *
 * The scenario itself is data: `STEPS` in scripts/demo/scenario-steps.ts, one entry per action; this module runs it
 * (`HANDLERS`, one short handler per kind of step) and then reads back from the chain what the summary states
 * (`readBack`: project totals, milestone statuses and payments, financiers' contributions and refunds, pool terms,
 * commitments and balances, every account's balance). Nothing of the outcome is computed here: what the
 * disruption does is read from the chain once it is fired (test/scripts/seed-demo.test.ts).
 *
 * The story (amounts in dCNY, a CNY-denominated stablecoin with 2 decimals: yuan and fen):
 *
 * - The platform operator mints dCNY to four financiers — 华夏科创银行 (bank), 星河创业投资 (venture fund),
 *   长三角新材料产业引导基金 (government guidance fund), 碳中和绿色投资基金 (green fund) — and to both firms.
 * - Seven suppliers register with a metadata hash and an ISO region code, and accept every listing that names them.
 * - 苏州晶刻光刻材料 runs "KrF/ArF 光刻胶国产化" (¥18,000,000.00, 4 milestones Research → Pilot → Market, fully
 *   funded by the bank ¥12,000,000.00, the venture fund and the guidance fund). Its critical components: the KrF
 *   resin and the ArF resin, BOTH from 东洋高纯树脂 (substitute 宁波聚合树脂; the ArF resin also lists
 *   江苏精细化工 second), and the photo-acid generator from 上海光酸化学 (substitute 江苏精细化工). The bank and the
 *   guidance fund commit ¥3,000,000.00 to its contingency pool.
 * - 深圳氢源催化实验室 runs "低铂燃料电池催化剂" (¥9,600,000.00, 3 milestones, ¥9,000,000.00 funded so far, one
 *   financier funds with an EIP-2612 permit). Its platinum comes from 欧陆铂材 (substitute 昆明贵研铂业); the green
 *   fund and the venture fund commit ¥2,000,000.00 to its pool.
 * - 苏州晶刻 also ran a small exploratory "EUV 金属氧化物光刻胶预研" (¥1,500,000.00): its first milestone was paid,
 *   the second was rejected and missed its deadline (time travel), the project failed, the venture fund claimed its
 *   refund and the guidance fund has not yet.
 * - Milestones end up in every state: paid, approved (unpaid), submitted, rejected (with a reason), funded
 *   (pending, covered by funding), pending (not yet fully funded) and failed.
 *
 * The disruption — a fire at 东洋高纯树脂's Kumamoto plant — is NOT fired here: the summary's `feed` is written to the
 * reporter service's feed file and the service fires it. Once confirmed, both resin components switch to 宁波聚合树脂,
 * which receives its two advances (¥600,000.00 + ¥850,000.00) from the photoresist project's pool in the oracle's
 * transaction. {@link fireDisruption} does the same in-process (tests).
 *
 * Time: one time jump (default 21 days) lets the exploratory project miss its deadline; every milestone still open
 * after seeding has its deadline well in the future.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { BaseContract, ContractTransactionReceipt, ContractTransactionResponse } from "ethers";

import type {
  ContingencyPool,
  DemoStablecoin,
  DisruptionOracle,
  RDEscrow,
  SupplyChainRegistry,
} from "../../types/ethers-contracts/index.js";
import { Accounting, MilestoneStatus, ProjectStatus } from "../../web/src/generated/enums.js";
import { DEMO_ACCOUNTS, type DemoAccountKey } from "../lib/demo-accounts.js";
import type { DeployedStack } from "../lib/deploy-stack.js";
import { signPermit } from "../lib/permit.js";
import { DisruptionReporter, type EventResult, type FeedEvent } from "../reporter/reporter.js";
import { RevertDecoder } from "../lib/revert-decoder.js";
import {
  DISRUPTION,
  STEPS,
  type ComponentKey,
  type Label,
  type ProjectKey,
  type SeedStep,
  type SeedStepOf,
} from "./scenario-steps.js";

/** The contracts the scenario needs: typed handles and addresses (what {@link DeployedStack} has). */
export interface ScenarioStack {
  token: DemoStablecoin;
  registry: SupplyChainRegistry;
  escrow: RDEscrow;
  oracle: DisruptionOracle;
  pool: ContingencyPool;
  addresses: DeployedStack["addresses"];
  /** First block of the deployment (log scans start here). */
  deploymentBlock: number;
}

/** Narrows a {@link DeployedStack} (which may have no DemoStablecoin) to a {@link ScenarioStack}. */
export function scenarioStack(stack: DeployedStack): ScenarioStack {
  if (stack.token === null) throw new Error("the demo scenario needs the DemoStablecoin (it mints dCNY)");
  return { ...stack, token: stack.token };
}

export interface SeedOptions {
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
  /** Days the chain's clock jumps so that the exploratory project misses its deadline (default 21, at least 21). */
  timeTravelDays?: number;
}

/** dCNY has 2 decimals: amounts are in fen. */
export const DECIMALS = 2;

/** "¥12,000,000.00" */
export function formatCny(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fen = (abs % 100n).toString().padStart(2, "0");
  return `${negative ? "-" : ""}¥${yuan}.${fen}`;
}

export const DAY = 86_400;

/** Enums of contracts/types/EscrowTypes.sol, generated from the compiler's output. */
export { Category, MilestoneStatus, ProjectStatus, Stage } from "../../web/src/generated/enums.js";

/** What a milestone looks like after seeding (as the dashboard would describe it). */
export type MilestoneState =
  | "paid" // approved, payments made
  | "approved" // approved, nothing paid yet
  | "submitted" // evidence waiting for the verifier
  | "rejected" // the verifier rejected it (reason hash on chain); resubmittable until the deadline
  | "funded" // pending, and the project's funding covers it
  | "pending" // pending, not yet covered by funding
  | "failed"; // the milestone whose missed deadline failed the project

export { cny, type ComponentKey, type Label, type ProjectKey } from "./scenario-steps.js";

export interface PaymentSummary {
  payee: DemoAccountKey;
  payeeAddress: string;
  amount: bigint;
  category: number;
  invoice: string;
  invoiceHash: string;
}

export interface MilestoneSummary {
  index: number;
  title: Label;
  stage: number;
  budget: bigint;
  deadline: number;
  state: MilestoneState;
  /** On-chain status expected (Approved for paid/approved). */
  status: number;
  paid: bigint;
  payments: PaymentSummary[];
  evidenceHash?: string;
  rejectionReason?: string;
  rejectionReasonHash?: string;
}

export interface ProjectSummary {
  key: ProjectKey;
  id: bigint;
  title: Label;
  firm: DemoAccountKey;
  firmAddress: string;
  metadataHash: string;
  status: number;
  target: bigint;
  funded: bigint;
  disbursed: bigint;
  refunded: bigint;
  /** funded − disbursed − refunded: what the escrow holds for the project. */
  held: bigint;
  /** Closed projects: what the financiers share pro rata. */
  refundable: bigint;
  /** Each financier's contribution (`getPosition`), for every financier a Funded event names. */
  contributions: Partial<Record<DemoAccountKey, bigint>>;
  /**
   * Closed projects: each contributor's refund, as the escrow holds it — claimed (the Refunded event's amount) or
   * still claimable (`getPosition`).
   */
  refunds: Partial<Record<DemoAccountKey, { amount: bigint; claimed: boolean }>>;
  milestones: MilestoneSummary[];
  pool: {
    /** Σ Committed events per financier. */
    commitments: Partial<Record<DemoAccountKey, { amount: bigint }>>;
    committed: bigint;
    /** The pool's terms (`poolTerms`), which every commitment named. */
    terms: PoolTerms;
  };
}

/** A pool's terms as ContingencyPool.setPoolTerms and commit take them. */
export interface PoolTerms {
  exposureBps: bigint;
  disruptionBps: bigint;
  withdrawalNotice: bigint;
  repaymentTerm: bigint;
}

export interface ComponentSummary {
  key: ComponentKey;
  project: ProjectKey;
  projectId: bigint;
  id: bigint;
  title: Label;
  metadataHash: string;
  primary: DemoAccountKey;
  primaryAddress: string;
  substitutes: { supplier: DemoAccountKey; address: string; advance: bigint }[];
}

export interface ScenarioSummary {
  token: string;
  decimals: number;
  chainId: number;
  /** Chain time when seeding started and ended (Unix seconds). */
  startedAt: number;
  seededAt: number;
  /** Every demo account's address, by key. */
  accounts: Record<DemoAccountKey, string>;
  suppliers: Partial<Record<DemoAccountKey, { address: string; region: string; metadataHash: string }>>;
  projects: Record<ProjectKey, ProjectSummary>;
  components: Record<ComponentKey, ComponentSummary>;
  /** The disruption feed for the reporter service (scripts/reporter/reporter.ts format). Not fired by the seed. */
  feed: FeedEvent[];
  /**
   * The supplier the feed reports and the components it currently supplies (`pairsOf` on the registry): the ones
   * its confirmation switches to their substitutes (what the pool then finances is read from its events).
   */
  disruption: { supplier: DemoAccountKey; components: ComponentKey[] };
  /** What the chain shows right after seeding, read back. */
  expected: {
    /** Token balances, by account key (accounts not listed hold nothing). */
    balances: Partial<Record<DemoAccountKey, bigint>>;
    escrowBalance: bigint;
    poolBalance: bigint;
    poolByProject: Record<ProjectKey, bigint>;
  };
}

/** ISO 3166-1 alpha-2 → bytes2. */
export function regionCode(iso: string): string {
  if (!/^[A-Z]{2}$/.test(iso)) throw new Error(`region "${iso}" is not an ISO 3166-1 alpha-2 code`);
  return "0x" + Buffer.from(iso, "ascii").toString("hex");
}

/** A CID-looking IPFS URI derived from a label (the documents themselves are not part of the demo). */
export function demoCid(ethers: HardhatEthers, label: string): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const bytes = ethers.getBytes(ethers.id(label));
  let out = "";
  for (let i = 0; i < 52; i++) out += alphabet[(bytes[i % 32] % 32) ^ (i % 7)];
  return `ipfs://bafybei${out}`;
}
/** What every handler works with: the contracts, the demo accounts, and the summary being built. */
interface SeedContext {
  ethers: HardhatEthers;
  stack: ScenarioStack;
  who: Record<DemoAccountKey, HardhatEthersSigner>;
  accounts: Record<DemoAccountKey, string>;
  nameOf: (key: DemoAccountKey) => string;
  log: (line: string) => void;
  /** Sends one transaction and waits for its successful receipt; a revert is decoded to its custom error. */
  send: (what: string, tx: Promise<ContractTransactionResponse>) => Promise<ContractTransactionReceipt>;
  /**
   * A document the seed publishes as a user of the dashboard does: its hash and its text, which the transaction
   * carries beside it (DocumentPublished). Invoices and the oracle's evidence are hash only.
   */
  doc: (text: string) => [hash: string, text: string];
  startedAt: number;
  travelDays: number;
  suppliers: ScenarioSummary["suppliers"];
  projects: Record<ProjectKey, ProjectSummary>;
  components: Record<ComponentKey, ComponentSummary>;
}

type Handler<K extends SeedStep["kind"]> = (step: SeedStepOf<K>, ctx: SeedContext) => Promise<void>;

/** The arguments of the first `name` event `contract` emitted in `receipt`. */
function eventArgs(receipt: ContractTransactionReceipt, contract: BaseContract, name: string) {
  for (const log of receipt.logs) {
    const parsed = contract.interface.parseLog(log);
    if (parsed?.name === name) return parsed.args;
  }
  throw new Error(`seed: no ${name} event in ${receipt.hash}`);
}

/** A pool's terms, read back (what a commitment names). */
async function readPoolTerms(stack: ScenarioStack, projectId: bigint): Promise<PoolTerms> {
  const t = await stack.pool.poolTerms(projectId);
  return {
    exposureBps: t.exposureBps,
    disruptionBps: t.disruptionBps,
    withdrawalNotice: t.withdrawalNotice,
    repaymentTerm: t.repaymentTerm,
  };
}

/**
 * One short handler per kind of step: the transaction(s), then what the summary records of it — the documents and
 * amounts sent, never an outcome (those {@link readBack} reads from the chain).
 */
const HANDLERS: { [K in SeedStep["kind"]]: Handler<K> } = {
  async mint({ to, amount }, ctx) {
    await ctx.send(`mint to ${to}`, ctx.stack.token.connect(ctx.who.operator).mint(ctx.accounts[to], amount));
    ctx.log(`mint      ${formatCny(amount).padStart(18)} → ${ctx.nameOf(to)}`);
  },

  async registerSupplier({ supplier, region, profile }, ctx) {
    const account = DEMO_ACCOUNTS.find((a) => a.key === supplier)!;
    const [metadataHash, metadataText] = ctx.doc(`supplier:${account.name.zh} / ${account.name.en} · ${profile}`);
    await ctx.send(
      `register supplier ${supplier}`,
      ctx.stack.registry.connect(ctx.who[supplier]).registerSupplier(metadataHash, metadataText, regionCode(region)),
    );
    ctx.suppliers[supplier] = { address: ctx.accounts[supplier], region, metadataHash };
    ctx.log(`supplier  ${ctx.nameOf(supplier)} (${region})`);
  },

  async createProject(plan, ctx) {
    const { escrow, addresses } = ctx.stack;
    const [metadataHash, metadataText] = ctx.doc(`project:${plan.title.zh} / ${plan.title.en}`);
    const milestones = plan.milestones.map((m) => ({
      budget: m.budget,
      deadline: ctx.startedAt + m.deadlineDay * DAY,
      stage: m.stage,
      accounting: m.accounting ?? Accounting.Expensed,
    }));
    await ctx.send(
      `create project ${plan.key}`,
      escrow
        .connect(ctx.who[plan.firm])
        .createProject(addresses.token, ctx.accounts.verifier, metadataHash, metadataText, plan.profile, milestones),
    );
    const id = await escrow.projectCount();
    const { target } = await escrow.getProject(id);
    ctx.projects[plan.key] = {
      key: plan.key,
      id,
      title: plan.title,
      firm: plan.firm,
      firmAddress: ctx.accounts[plan.firm],
      metadataHash,
      status: ProjectStatus.Active,
      target,
      funded: 0n,
      disbursed: 0n,
      refunded: 0n,
      held: 0n,
      refundable: 0n,
      contributions: {},
      refunds: {},
      milestones: plan.milestones.map((m, index) => ({
        index,
        title: m.title,
        stage: m.stage,
        budget: m.budget,
        deadline: milestones[index].deadline,
        state: "pending",
        status: MilestoneStatus.Pending,
        paid: 0n,
        payments: [],
      })),
      pool: {
        commitments: {},
        committed: 0n,
        terms: { exposureBps: 0n, disruptionBps: 0n, withdrawalNotice: 0n, repaymentTerm: 0n },
      },
    };
    ctx.log(`project   #${id} ${plan.title.zh} — ${ctx.nameOf(plan.firm)}, target ${formatCny(target)}`);
  },

  async defineComponent(c, ctx) {
    const project = ctx.projects[c.project];
    const [metadataHash, metadataText] = ctx.doc(`component:${c.title.zh} / ${c.title.en}`);
    await ctx.send(
      `define component ${c.key}`,
      ctx.stack.registry.connect(ctx.who[project.firm]).defineComponent(
        project.id,
        metadataHash,
        metadataText,
        ctx.accounts[c.primary],
        c.substitutes.map(([key, advance]) => ({ supplier: ctx.accounts[key], advance })),
      ),
    );
    const id = await ctx.stack.registry.componentCount(project.id);
    ctx.components[c.key] = {
      key: c.key,
      project: c.project,
      projectId: project.id,
      id,
      title: c.title,
      metadataHash,
      primary: c.primary,
      primaryAddress: ctx.accounts[c.primary],
      substitutes: c.substitutes.map(([key, advance]) => ({ supplier: key, address: ctx.accounts[key], advance })),
    };
    ctx.log(
      `component #${project.id}/${id} ${c.title.zh}: ${ctx.nameOf(c.primary)} → ` +
        c.substitutes.map(([key, advance]) => `${ctx.nameOf(key)} (${formatCny(advance)})`).join(", "),
    );
  },

  async acceptListing({ component, supplier }, ctx) {
    const c = ctx.components[component];
    await ctx.send(
      `accept listing ${component} by ${supplier}`,
      ctx.stack.registry.connect(ctx.who[supplier]).acceptListing(c.projectId, c.id),
    );
  },

  async addPayee({ project, supplier }, ctx) {
    const p = ctx.projects[project];
    await ctx.send(
      `add payee ${supplier} to ${project}`,
      ctx.stack.registry.connect(ctx.who[p.firm]).addProjectSupplier(p.id, ctx.accounts[supplier]),
    );
  },

  async fund(f, ctx) {
    const { token, escrow, addresses } = ctx.stack;
    const project = ctx.projects[f.project];
    const signer = ctx.who[f.financier];
    if (f.permit) {
      const deadline = BigInt(ctx.startedAt + 30 * DAY);
      const signature = await signPermit(token, signer, addresses.escrow, f.amount, deadline);
      await ctx.send(
        `fund ${f.project} by ${f.financier} (permit)`,
        escrow.connect(signer).fundWithPermit(project.id, f.amount, deadline, signature.v, signature.r, signature.s),
      );
    } else {
      await ctx.send(`approve escrow for ${f.financier}`, token.connect(signer).approve(addresses.escrow, f.amount));
      await ctx.send(`fund ${f.project} by ${f.financier}`, escrow.connect(signer).fund(project.id, f.amount));
    }
    ctx.log(`fund      ${formatCny(f.amount).padStart(18)} ${ctx.nameOf(f.financier)} → #${project.id}`);
  },

  async flagFiscalFunds({ project, financier }, ctx) {
    const { id } = ctx.projects[project];
    await ctx.send(`flag fiscal funds ${project}`, ctx.stack.escrow.connect(ctx.who[financier]).flagFiscalFunds(id));
    ctx.log(`fiscal    ${ctx.nameOf(financier)} flags its contribution to #${id} as non-taxable fiscal funds`);
  },

  async setPoolTerms(t, ctx) {
    const project = ctx.projects[t.project];
    const notice = BigInt(Math.max(86_400, Number(await ctx.stack.oracle.maxReportAge())));
    const terms = {
      exposureBps: t.exposureBps,
      disruptionBps: t.disruptionBps,
      withdrawalNotice: notice,
      repaymentTerm: t.repaymentDays * 86_400n,
    };
    await ctx.send(
      `pool terms of ${t.project}`,
      ctx.stack.pool.connect(ctx.who[project.firm]).setPoolTerms(project.id, terms),
    );
  },

  async commit(c, ctx) {
    const { token, pool, addresses } = ctx.stack;
    const project = ctx.projects[c.project];
    const signer = ctx.who[c.financier];
    await ctx.send(`approve pool for ${c.financier}`, token.connect(signer).approve(addresses.pool, c.amount));
    const terms = await readPoolTerms(ctx.stack, project.id);
    await ctx.send(`commit ${c.financier} to ${c.project}`, pool.connect(signer).commit(project.id, c.amount, terms));
    ctx.log(`commit    ${formatCny(c.amount).padStart(18)} ${ctx.nameOf(c.financier)} → pool #${project.id}`);
  },

  async submit({ project: key, milestone: index, evidence }, ctx) {
    const project = ctx.projects[key];
    const [evidenceHash, evidenceText] = ctx.doc(`evidence:${demoCid(ctx.ethers, evidence)} ${evidence}`);
    await ctx.send(
      `submit ${key}/${index}`,
      ctx.stack.escrow.connect(ctx.who[project.firm]).submitMilestone(project.id, index, evidenceHash, evidenceText),
    );
    project.milestones[index].evidenceHash = evidenceHash;
    ctx.log(`submit    #${project.id} M${index} ${project.milestones[index].title.zh}`);
  },

  async approve({ project: key, milestone: index }, ctx) {
    const project = ctx.projects[key];
    await ctx.send(
      `approve ${key}/${index}`,
      ctx.stack.escrow.connect(ctx.who.verifier).approveMilestone(project.id, index),
    );
    ctx.log(`approve   #${project.id} M${index} (${ctx.nameOf("verifier")})`);
  },

  async reject({ project: key, milestone: index, reason }, ctx) {
    const project = ctx.projects[key];
    const [reasonHash, reasonText] = ctx.doc(`rejection:${reason}`);
    await ctx.send(
      `reject ${key}/${index}`,
      ctx.stack.escrow.connect(ctx.who.verifier).rejectMilestone(project.id, index, reasonHash, reasonText),
    );
    Object.assign(project.milestones[index], {
      rejectionReason: reason,
      rejectionReasonHash: reasonHash,
    } satisfies Partial<MilestoneSummary>);
    ctx.log(`reject    #${project.id} M${index}: ${reason}`);
  },

  async disburse(p, ctx) {
    const project = ctx.projects[p.project];
    const index = p.milestone;
    const invoiceHash = ctx.ethers.id(`invoice:${p.invoice}`);
    await ctx.send(
      `disburse ${p.project}/${index} to ${p.payee}`,
      ctx.stack.escrow
        .connect(ctx.who[project.firm])
        .disburse(project.id, index, ctx.accounts[p.payee], p.amount, p.category, invoiceHash),
    );
    project.milestones[index].payments.push({
      payee: p.payee,
      payeeAddress: ctx.accounts[p.payee],
      amount: p.amount,
      category: p.category,
      invoice: p.invoice,
      invoiceHash,
    });
    ctx.log(`pay       ${formatCny(p.amount).padStart(18)} #${project.id} M${index} → ${ctx.nameOf(p.payee)}`);
  },

  async timeTravel(_step, ctx) {
    await ctx.ethers.provider.send("evm_increaseTime", [ctx.travelDays * DAY]);
    await ctx.ethers.provider.send("evm_mine", []);
    ctx.log(`time      +${ctx.travelDays} days`);
  },

  async markFailed({ project: key, by }, ctx) {
    const { escrow } = ctx.stack;
    const project = ctx.projects[key];
    const receipt = await ctx.send(`mark ${key} failed`, escrow.connect(ctx.who[by]).markFailed(project.id));
    const { milestoneIndex, refundable } = eventArgs(receipt, escrow, "ProjectFailed");
    ctx.log(`failed    #${project.id} ${project.title.zh} (M${milestoneIndex}): ${formatCny(refundable)} refundable`);
  },

  async claimRefund({ project: key, financier }, ctx) {
    const { escrow } = ctx.stack;
    const project = ctx.projects[key];
    const receipt = await ctx.send(
      `claim refund ${financier}`,
      escrow.connect(ctx.who[financier]).claimRefund(project.id),
    );
    const { amount } = eventArgs(receipt, escrow, "Refunded");
    ctx.log(`refund    ${formatCny(amount).padStart(18)} #${project.id} → ${ctx.nameOf(financier)}`);
  },
};

/**
 * Seeds the scenario ({@link STEPS}, scripts/demo/scenario-steps.ts) on a freshly deployed stack (no projects yet)
 * whose DemoStablecoin is owned by the operator (demo account 0, the deployer). Returns what was built and what the
 * chain should now show.
 */
export async function seedScenario(
  ethers: HardhatEthers,
  stack: ScenarioStack,
  options: SeedOptions = {},
): Promise<ScenarioSummary> {
  const log = options.log ?? (() => {});
  const travelDays = options.timeTravelDays ?? 21;
  checkTravelDays(travelDays);

  const { token, registry, escrow, pool } = stack;
  const signers = await ethers.getSigners();
  const maxIndex = Math.max(...DEMO_ACCOUNTS.map((a) => a.index));
  if (signers.length <= maxIndex) {
    throw new Error(`the demo needs ${maxIndex + 1} unlocked accounts, the network has ${signers.length}`);
  }
  const who = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, signers[a.index]])) as Record<
    DemoAccountKey,
    HardhatEthersSigner
  >;
  const accounts = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.key, signers[a.index].address])) as Record<
    DemoAccountKey,
    string
  >;

  if ((await escrow.projectCount()) !== 0n) {
    throw new Error("the escrow already has projects: seed a fresh deployment (restart the node and deploy again)");
  }
  const owner = await token.owner();
  if (owner.toLowerCase() !== accounts.operator.toLowerCase()) {
    throw new Error(`the DemoStablecoin is owned by ${owner}, not by the operator ${accounts.operator}`);
  }

  const decoder = new RevertDecoder([token, registry, escrow, stack.oracle, pool].map((c) => c.interface.formatJson()));
  const ctx: SeedContext = {
    ethers,
    stack,
    who,
    accounts,
    nameOf: (key) => DEMO_ACCOUNTS.find((a) => a.key === key)!.name.zh,
    log,
    send: async (what, tx) => {
      try {
        const receipt = await (await tx).wait();
        if (receipt === null || receipt.status !== 1) throw new Error("no successful receipt");
        return receipt;
      } catch (error) {
        throw new Error(`seed: ${what} failed: ${decoder.describe(error)}`, { cause: error });
      }
    },
    doc: (text) => [ethers.id(text), text],
    startedAt: (await ethers.provider.getBlock("latest"))!.timestamp,
    travelDays,
    suppliers: {},
    projects: {} as Record<ProjectKey, ProjectSummary>,
    components: {} as Record<ComponentKey, ComponentSummary>,
  };
  const chainId = Number((await ethers.provider.getNetwork()).chainId);

  for (const step of STEPS) await (HANDLERS[step.kind] as Handler<typeof step.kind>)(step, ctx);

  const { projects, components } = ctx;
  const onChain = await readBack(ctx);

  // The disruption to fire (by the reporter service).
  const seededAt = (await ethers.provider.getBlock("latest"))!.timestamp;
  const evidence = `${demoCid(ethers, DISRUPTION.feedId)} ${DISRUPTION.evidence}`;
  const feed: FeedEvent[] = [
    {
      id: `${DISRUPTION.feedId}-${new Date(seededAt * 1000).toISOString().slice(0, 10)}`,
      supplier: accounts[DISRUPTION.supplier],
      status: "disrupted",
      evidence,
      observedAt: seededAt,
    },
  ];

  // The components the disrupted supplier currently supplies: its confirmation switches them.
  const [, projectIds, componentIds] = await registry.pairsOf(accounts[DISRUPTION.supplier], 0, 100);
  const disrupted = projectIds.map((projectId, i) => {
    const c = Object.values(components).find((x) => x.projectId === projectId && x.id === componentIds[i]);
    if (c === undefined) throw new Error(`seed: component #${projectId}/${componentIds[i]} is not the scenario's`);
    return c.key;
  });

  log(`seeded    chain time ${new Date(seededAt * 1000).toISOString()}; disruption left to the reporter service`);
  return {
    token: stack.addresses.token,
    decimals: DECIMALS,
    chainId,
    startedAt: ctx.startedAt,
    seededAt,
    accounts,
    suppliers: ctx.suppliers,
    projects,
    components,
    feed,
    disruption: { supplier: DISRUPTION.supplier, components: disrupted },
    expected: onChain,
  };
}

/**
 * What the chain shows after the steps, read back rather than recomputed: each project's totals and status
 * (`getProject`), its financiers' positions (`getPosition` of every financier a Funded event names; a claimed
 * refund's amount from its Refunded event), each milestone's status and payments (`getMilestones`), each pool's
 * terms, commitments (Committed events) and balance, and every demo account's token balance.
 */
async function readBack(ctx: SeedContext): Promise<ScenarioSummary["expected"]> {
  const { token, escrow, pool, addresses, deploymentBlock: from } = ctx.stack;
  const [fundings, refunds, failures, commitments] = await Promise.all([
    escrow.queryFilter(escrow.filters.Funded(), from),
    escrow.queryFilter(escrow.filters.Refunded(), from),
    escrow.queryFilter(escrow.filters.ProjectFailed(), from),
    pool.queryFilter(pool.filters.Committed(), from),
  ]);
  const keyOf = (address: string) => DEMO_ACCOUNTS.find((a) => ctx.accounts[a.key] === address)!.key;
  const poolByProject = {} as Record<ProjectKey, bigint>;
  for (const project of Object.values(ctx.projects)) {
    const [view, milestones, terms, poolBalance] = await Promise.all([
      escrow.getProject(project.id),
      escrow.getMilestones(project.id),
      readPoolTerms(ctx.stack, project.id),
      pool.poolBalance(project.id),
    ]);
    Object.assign(project, {
      status: Number(view.status),
      target: view.target,
      funded: view.funded,
      disbursed: view.disbursed,
      refunded: view.refunded,
      held: view.held,
      refundable: view.refundable,
    } satisfies Partial<ProjectSummary>);
    const ofProject = <T extends { args: { projectId: bigint } }>(events: T[]) =>
      events.filter((e) => e.args.projectId === project.id);

    for (const financier of new Set(ofProject(fundings).map((e) => e.args.financier))) {
      const key = keyOf(financier);
      const position = await escrow.getPosition(project.id, financier);
      project.contributions[key] = position.contributed;
      if (project.status === ProjectStatus.Active) continue;
      const claim = ofProject(refunds).find((e) => e.args.financier === financier);
      project.refunds[key] = position.refundClaimed
        ? { amount: claim!.args.amount, claimed: true }
        : { amount: position.claimable, claimed: false };
    }

    project.pool.terms = terms;
    for (const { args } of ofProject(commitments)) {
      const commitment = (project.pool.commitments[keyOf(args.financier)] ??= { amount: 0n });
      commitment.amount += args.amount;
      project.pool.committed += args.amount;
    }
    poolByProject[project.key] = poolBalance;

    const failedAt = ofProject(failures)[0]?.args.milestoneIndex;
    let cumulativeBudget = 0n;
    milestones.forEach((chain, index) => {
      const m = project.milestones[index];
      m.status = Number(chain.status);
      m.paid = chain.paid;
      cumulativeBudget += chain.budget;
      m.state =
        BigInt(index) === failedAt ? "failed" : milestoneState(m.status, m.paid, cumulativeBudget <= view.funded);
    });
  }
  const balances: Partial<Record<DemoAccountKey, bigint>> = {};
  for (const { key } of DEMO_ACCOUNTS) {
    const balance = await token.balanceOf(ctx.accounts[key]);
    if (balance !== 0n) balances[key] = balance;
  }
  return {
    balances,
    escrowBalance: await token.balanceOf(addresses.escrow),
    poolBalance: await token.balanceOf(addresses.pool),
    poolByProject,
  };
}

/** How the dashboard describes a milestone of its on-chain status (a pending one is "funded" once covered). */
function milestoneState(status: number, paid: bigint, covered: boolean): MilestoneState {
  switch (status) {
    case MilestoneStatus.Approved:
      return paid > 0n ? "paid" : "approved";
    case MilestoneStatus.Submitted:
      return "submitted";
    case MilestoneStatus.Rejected:
      return "rejected";
    default:
      return covered ? "funded" : "pending";
  }
}

/**
 * The time jump must let every deadline of a project the scenario fails pass (it is at least 21 days), and keep
 * every other milestone's deadline at least a week ahead.
 */
function checkTravelDays(travelDays: number): void {
  if (travelDays < 21) throw new Error("timeTravelDays must be at least 21 (the exploratory project's last deadline)");
  const failed = new Set(STEPS.flatMap((s) => (s.kind === "markFailed" ? [s.project] : [])));
  const openDeadlineFloor = Math.min(
    ...STEPS.flatMap((s) =>
      s.kind === "createProject" && !failed.has(s.key) ? s.milestones.map((m) => m.deadlineDay) : [],
    ),
  );
  if (travelDays >= openDeadlineFloor - 7) {
    throw new Error(`timeTravelDays must stay below ${openDeadlineFloor - 7} (open milestones must not be overdue)`);
  }
}

export interface FireOptions {
  mode?: "direct" | "relay";
  log?: (line: string) => void;
}

/**
 * Fires the scenario's disruption feed through the reporter service (scripts/reporter/reporter.ts) from the demo's
 * reporter accounts, as `tsx scripts/reporter/oracle-reporter.ts` does against a node. For tests and the web's
 * browser tests.
 */
export async function fireDisruption(
  ethers: HardhatEthers,
  stack: Pick<ScenarioStack, "oracle" | "registry" | "pool" | "escrow" | "addresses">,
  feed: FeedEvent[],
  options: FireOptions = {},
): Promise<EventResult[]> {
  const signers = await ethers.getSigners();
  const reporters = DEMO_ACCOUNTS.filter((a) => a.role === "reporter").map((a) => signers[a.index]);
  const reporter = new DisruptionReporter({
    oracleAddress: stack.addresses.oracle,
    oracleAbi: stack.oracle.interface.formatJson(),
    errorAbis: [stack.oracle, stack.pool, stack.registry, stack.escrow].map((c) => c.interface.formatJson()),
    reporters,
    mode: options.mode ?? "direct",
    relayer: options.mode === "relay" ? signers[0] : undefined,
    log: options.log ?? (() => {}),
    retryBaseDelayMs: 10,
  });
  return reporter.processFeed(feed);
}

/** JSON.stringify replacer for summaries (bigint → decimal string). */
export function summaryReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}
