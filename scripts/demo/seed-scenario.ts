/**
 * The demo scenario: a believable R&D supply-chain-finance book seeded on a freshly deployed stack.
 *
 * Used by scripts/demo/seed-demo.ts (`npx hardhat run scripts/demo/seed-demo.ts --network localhost`), by the integration
 * test (test/scripts/seed-demo.test.ts) and by the web's browser tests. The accounts are the demo accounts of
 * scripts/lib/demo-accounts.ts, by their keys (signer index → role and name).
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
import type { ContractTransactionResponse } from "ethers";

import type {
  ContingencyPool,
  DemoStablecoin,
  DisruptionOracle,
  RDEscrow,
  SupplyChainRegistry,
} from "../../types/ethers-contracts/index.js";
import {
  Accounting,
  Category,
  GreenCategory,
  MilestoneStatus,
  ProjectStatus,
  RdForm,
  Stage,
} from "../../web/src/generated/enums.js";
import { DEMO_ACCOUNTS, type DemoAccountKey } from "../lib/demo-accounts.js";
import type { DeployedStack } from "../lib/deploy-stack.js";
import { signPermit } from "../lib/permit.js";
import { DisruptionReporter, type EventResult, type FeedEvent } from "../reporter/reporter.js";
import { RevertDecoder } from "../lib/revert-decoder.js";

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
/** ¥ yuan → token units (fen). */
export const cny = (yuan: number): bigint => BigInt(Math.round(yuan * 100));

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

export type ProjectKey = "photoresist" | "catalyst" | "euv";
export type ComponentKey = "krfResin" | "arfResin" | "pag" | "platinum";
export type Label = { zh: string; en: string };

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
  contributions: Partial<Record<DemoAccountKey, bigint>>;
  refunds: Partial<Record<DemoAccountKey, { amount: bigint; claimed: boolean }>>;
  milestones: MilestoneSummary[];
  pool: {
    commitments: Partial<
      Record<DemoAccountKey, { amount: bigint; exposureAllowance: bigint; disruptionAllowance: bigint }>
    >;
    committed: bigint;
    exposureCap: bigint;
    disruptionCap: bigint;
  };
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
  /** Off-chain documents behind the metadata/evidence/invoice hashes: hash → label. */
  documents: Record<string, string>;
  expected: {
    /** Token balances right after seeding, by account key (accounts not listed hold nothing). */
    balances: Partial<Record<DemoAccountKey, bigint>>;
    escrowBalance: bigint;
    poolBalance: bigint;
    poolByProject: Record<ProjectKey, bigint>;
    /** What firing `feed` does. */
    afterDisruption: {
      disruptedSupplier: DemoAccountKey;
      switched: { component: ComponentKey; from: DemoAccountKey; to: DemoAccountKey; advance: bigint }[];
      /** Token balance deltas, by account key. */
      deltas: Partial<Record<DemoAccountKey, bigint>>;
      poolByProject: Record<ProjectKey, bigint>;
      outstandingByProject: Record<ProjectKey, bigint>;
    };
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

const SUPPLIERS: { key: DemoAccountKey; region: string; profile: string }[] = [
  { key: "resinPrimary", region: "JP", profile: "KrF/ArF 光刻胶用高纯树脂 · 熊本工厂" },
  { key: "resinSubstitute", region: "CN", profile: "光刻胶树脂 · 宁波石化经济技术开发区" },
  { key: "pagPrimary", region: "CN", profile: "光致产酸剂 (PAG) · 上海化学工业区" },
  { key: "pagSubstitute", region: "CN", profile: "精细化学品 · PAG / 树脂单体 · 泰兴经济开发区" },
  { key: "platinumPrimary", region: "DE", profile: "铂前驱体 / 铂碳 · Hanau" },
  { key: "platinumSubstitute", region: "CN", profile: "贵金属催化材料 · 昆明高新区" },
  { key: "equipment", region: "CN", profile: "洁净室与涂胶显影设备 · 北京亦庄" },
];

interface MilestonePlan {
  title: Label;
  stage: number;
  /** Expensed (default) or capitalised; a Research-stage milestone is always expensed. */
  accounting?: number;
  budget: bigint;
  /** Days after the start. */
  deadlineDay: number;
}

interface ProjectPlan {
  key: ProjectKey;
  firm: DemoAccountKey;
  title: Label;
  /** R&D form and green category (RdForm, GreenCategory). */
  profile: { rdForm: number; greenCategory: number };
  milestones: MilestonePlan[];
}

const PROJECTS: ProjectPlan[] = [
  {
    key: "photoresist",
    firm: "photoresistFirm",
    title: { zh: "KrF/ArF 光刻胶国产化研发", en: "KrF/ArF photoresist localisation R&D" },
    profile: { rdForm: RdForm.Independent, greenCategory: GreenCategory.None },
    milestones: [
      {
        title: { zh: "KrF 树脂与光酸体系配方筛选", en: "KrF resin and photo-acid formulation screening" },
        stage: Stage.Research,
        budget: cny(3_200_000),
        deadlineDay: 45,
      },
      {
        title: { zh: "ArF 光刻胶 90nm 线宽分辨率验证", en: "ArF resist 90 nm line resolution verified" },
        stage: Stage.Research,
        budget: cny(4_800_000),
        deadlineDay: 120,
      },
      {
        title: { zh: "百公斤级中试线试产", en: "100 kg pilot line runs" },
        stage: Stage.Pilot,
        budget: cny(6_000_000),
        deadlineDay: 240,
      },
      {
        title: { zh: "12 英寸晶圆厂客户验证导入", en: "Qualification at a 12-inch fab customer" },
        stage: Stage.Market,
        budget: cny(4_000_000),
        deadlineDay: 400,
      },
    ],
  },
  {
    key: "catalyst",
    firm: "catalystLab",
    title: { zh: "低铂燃料电池催化剂研发", en: "Low-platinum fuel-cell catalyst R&D" },
    profile: { rdForm: RdForm.Cooperative, greenCategory: GreenCategory.CleanEnergy },
    milestones: [
      {
        title: { zh: "Pt-Co 合金催化剂合成与 RDE 活性测试", en: "Pt-Co alloy synthesis and RDE activity tests" },
        stage: Stage.Research,
        budget: cny(2_400_000),
        deadlineDay: 60,
      },
      {
        title: { zh: "公斤级批量制备与膜电极 (MEA) 耐久验证", en: "Kilogram batches and MEA durability" },
        stage: Stage.Pilot,
        budget: cny(4_200_000),
        deadlineDay: 180,
      },
      {
        title: { zh: "车用电堆装车示范", en: "Vehicle fuel-cell stack demonstration" },
        stage: Stage.Market,
        budget: cny(3_000_000),
        deadlineDay: 360,
      },
    ],
  },
  {
    key: "euv",
    firm: "photoresistFirm",
    title: { zh: "EUV 金属氧化物光刻胶预研", en: "EUV metal-oxide photoresist exploration" },
    profile: { rdForm: RdForm.Independent, greenCategory: GreenCategory.None },
    milestones: [
      {
        title: { zh: "锡氧簇前驱体合成路线", en: "Tin-oxo cluster precursor route" },
        stage: Stage.Research,
        budget: cny(600_000),
        deadlineDay: 10,
      },
      {
        title: { zh: "EUV 曝光灵敏度 ≤ 30 mJ/cm²", en: "EUV dose-to-size ≤ 30 mJ/cm²" },
        stage: Stage.Research,
        budget: cny(900_000),
        deadlineDay: 20,
      },
    ],
  },
];

const MINTS: [DemoAccountKey, bigint][] = [
  ["bank", cny(30_000_000)],
  ["venture", cny(10_000_000)],
  ["guidance", cny(10_000_000)],
  ["green", cny(8_000_000)],
  ["photoresistFirm", cny(2_000_000)],
  ["catalystLab", cny(1_000_000)],
];

const FUNDING: { project: ProjectKey; financier: DemoAccountKey; amount: bigint; permit?: boolean }[] = [
  { project: "photoresist", financier: "bank", amount: cny(12_000_000) },
  { project: "photoresist", financier: "venture", amount: cny(3_000_000) },
  { project: "photoresist", financier: "guidance", amount: cny(3_000_000) },
  { project: "catalyst", financier: "green", amount: cny(4_000_000), permit: true },
  { project: "catalyst", financier: "guidance", amount: cny(3_000_000) },
  { project: "catalyst", financier: "bank", amount: cny(2_000_000) },
  { project: "euv", financier: "venture", amount: cny(900_000) },
  { project: "euv", financier: "guidance", amount: cny(600_000) },
];

const COMMITMENTS: {
  project: ProjectKey;
  financier: DemoAccountKey;
  amount: bigint;
  exposureAllowance: bigint;
  disruptionAllowance: bigint;
}[] = [
  {
    project: "photoresist",
    financier: "bank",
    amount: cny(2_000_000),
    exposureAllowance: cny(2_000_000),
    disruptionAllowance: cny(1_500_000),
  },
  {
    project: "photoresist",
    financier: "guidance",
    amount: cny(1_000_000),
    exposureAllowance: cny(800_000),
    disruptionAllowance: cny(500_000),
  },
  {
    project: "catalyst",
    financier: "green",
    amount: cny(1_500_000),
    exposureAllowance: cny(1_500_000),
    disruptionAllowance: cny(1_200_000),
  },
  {
    project: "catalyst",
    financier: "venture",
    amount: cny(500_000),
    exposureAllowance: cny(500_000),
    disruptionAllowance: cny(300_000),
  },
];

const COMPONENTS: {
  key: ComponentKey;
  project: ProjectKey;
  title: Label;
  primary: DemoAccountKey;
  substitutes: [DemoAccountKey, bigint][];
}[] = [
  {
    key: "krfResin",
    project: "photoresist",
    title: { zh: "KrF 光刻胶树脂 (PHS)", en: "KrF resist resin (PHS)" },
    primary: "resinPrimary",
    substitutes: [["resinSubstitute", cny(600_000)]],
  },
  {
    key: "arfResin",
    project: "photoresist",
    title: { zh: "ArF 光刻胶树脂 (甲基丙烯酸酯共聚物)", en: "ArF resist resin (methacrylate copolymer)" },
    primary: "resinPrimary",
    substitutes: [
      ["resinSubstitute", cny(850_000)],
      ["pagSubstitute", cny(700_000)],
    ],
  },
  {
    key: "pag",
    project: "photoresist",
    title: { zh: "光致产酸剂 (PAG, 锍盐)", en: "Photo-acid generator (sulfonium salt)" },
    primary: "pagPrimary",
    substitutes: [["pagSubstitute", cny(400_000)]],
  },
  {
    key: "platinum",
    project: "catalyst",
    title: { zh: "铂前驱体 (氯铂酸 / 铂碳)", en: "Platinum precursor (chloroplatinic acid / Pt/C)" },
    primary: "platinumPrimary",
    substitutes: [["platinumSubstitute", cny(1_200_000)]],
  },
];

/** Extra payees (not component suppliers) added explicitly to a project. */
const EXTRA_PAYEES: { project: ProjectKey; supplier: DemoAccountKey }[] = [
  { project: "photoresist", supplier: "equipment" },
  { project: "catalyst", supplier: "equipment" },
  { project: "euv", supplier: "pagPrimary" },
];

interface PaymentPlan {
  project: ProjectKey;
  milestone: number;
  payee: DemoAccountKey;
  amount: bigint;
  category: number;
  invoice: string;
}

const PAYMENTS: PaymentPlan[] = [
  {
    project: "euv",
    milestone: 0,
    payee: "photoresistFirm",
    amount: cny(420_000),
    category: Category.Personnel,
    invoice: "工资表 2025-Q3 EUV 预研组 (6 人)",
  },
  {
    project: "euv",
    milestone: 0,
    payee: "pagPrimary",
    amount: cny(96_000),
    category: Category.DirectInputs,
    invoice: "增值税专用发票 3100251130 No.04417721 锡氧簇配体试剂",
  },
  {
    project: "photoresist",
    milestone: 0,
    payee: "resinPrimary",
    amount: cny(1_150_000),
    category: Category.DirectInputs,
    invoice: "Invoice TKR-2025-0917 KrF PHS 树脂样品 120 kg",
  },
  {
    project: "photoresist",
    milestone: 0,
    payee: "pagPrimary",
    amount: cny(380_000),
    category: Category.DirectInputs,
    invoice: "增值税专用发票 3100251130 No.04417802 锍盐 PAG 8 kg",
  },
  {
    project: "photoresist",
    milestone: 0,
    payee: "equipment",
    amount: cny(1_020_000),
    category: Category.Depreciation,
    invoice: "增值税专用发票 1100251130 No.22190034 涂胶显影机租赁及百级洁净室改造",
  },
  {
    project: "photoresist",
    milestone: 0,
    payee: "photoresistFirm",
    amount: cny(650_000),
    category: Category.Personnel,
    invoice: "工资表 2025-Q3 配方研发组 (9 人)",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "platinumPrimary",
    amount: cny(1_350_000),
    category: Category.DirectInputs,
    invoice: "Invoice EPM-DE-2025-3381 H2PtCl6 · 2.5 kg Pt",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "equipment",
    amount: cny(300_000),
    category: Category.Depreciation,
    invoice: "增值税专用发票 1100251130 No.22190107 惰性气氛手套箱",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(600_000),
    category: Category.Personnel,
    invoice: "工资表 2025-Q3 催化剂合成组 (5 人)",
  },
  // The rest of the catalyst's first budget covers every other statutory category, so the first R&D ledger
  // download shows each rule at work (docs/RD-LEDGER.md): entrusted abroad (80%, two-thirds cap), entrusted at
  // home (80%), item 6 under its 10% cap, and a payment that does not qualify.
  {
    project: "catalyst",
    milestone: 0,
    payee: "platinumPrimary",
    amount: cny(60_000),
    category: Category.EntrustedAbroad,
    invoice: "Contract EPM-DE-2025-R07 委托境外 Pt-Co 合金 XPS/TEM 表征研发服务",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "equipment",
    amount: cny(15_000),
    category: Category.EntrustedDomestic,
    invoice: "技术开发合同 2025-JS-0412 委托境内 手套箱气氛控制工艺开发",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(30_000),
    category: Category.Amortisation,
    invoice: "无形资产摊销表 2025-Q3 第一性原理计算软件许可",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(24_000),
    category: Category.NewProductDesign,
    invoice: "设计费结算单 2025-Q3 MEA 新工艺规程制定",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(18_000),
    category: Category.OtherRelated,
    invoice: "费用报销单 2025-Q3 专家咨询费及文献检索费",
  },
  {
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(3_000),
    category: Category.NonQualifying,
    invoice: "费用报销单 2025-Q3 项目启动会招待费",
  },
];

const REJECTIONS: Partial<Record<ProjectKey, { milestone: number; reason: string }>> = {
  catalyst: {
    milestone: 1,
    reason: "驳回：MEA 3 万圈加速老化后 ECSA 衰减 52%，高于 40% 的验收指标；请补充批次一致性数据后重新提交",
  },
  euv: {
    milestone: 1,
    reason: "驳回：EUV 曝光剂量 58 mJ/cm²，未达 30 mJ/cm² 指标；线边缘粗糙度 (LER) 数据缺失",
  },
};

type Ledger = Map<string, bigint>;
const credit = (ledger: Ledger, key: string, amount: bigint) => ledger.set(key, (ledger.get(key) ?? 0n) + amount);

/**
 * Seeds the scenario on a freshly deployed stack (no projects yet) whose DemoStablecoin is owned by the operator
 * (demo account 0, the deployer). Returns what was built and what the chain should now show.
 */
export async function seedScenario(
  ethers: HardhatEthers,
  stack: ScenarioStack,
  options: SeedOptions = {},
): Promise<ScenarioSummary> {
  const log = options.log ?? (() => {});
  const travelDays = options.timeTravelDays ?? 21;
  if (travelDays < 21) throw new Error("timeTravelDays must be at least 21 (the exploratory project's last deadline)");
  // Every milestone still open after seeding must stay in the future.
  const openDeadlineFloor = Math.min(
    ...PROJECTS.filter((p) => p.key !== "euv").flatMap((p) => p.milestones.map((m) => m.deadlineDay)),
  );
  if (travelDays >= openDeadlineFloor - 7) {
    throw new Error(`timeTravelDays must stay below ${openDeadlineFloor - 7} (open milestones must not be overdue)`);
  }

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
  const nameOf = (key: DemoAccountKey) => DEMO_ACCOUNTS.find((a) => a.key === key)!.name.zh;

  if ((await escrow.projectCount()) !== 0n) {
    throw new Error("the escrow already has projects: seed a fresh deployment (restart the node and deploy again)");
  }
  const owner = await token.owner();
  if (owner.toLowerCase() !== accounts.operator.toLowerCase()) {
    throw new Error(`the DemoStablecoin is owned by ${owner}, not by the operator ${accounts.operator}`);
  }

  const documents: Record<string, string> = {};
  const doc = (label: string): string => {
    const hash = ethers.id(label);
    documents[hash] = label;
    return hash;
  };
  const decoder = new RevertDecoder([token, registry, escrow, stack.oracle, pool].map((c) => c.interface.formatJson()));
  const send = async (what: string, tx: Promise<ContractTransactionResponse>) => {
    try {
      const receipt = await (await tx).wait();
      if (receipt === null || receipt.status !== 1) throw new Error("no successful receipt");
      return receipt;
    } catch (error) {
      throw new Error(`seed: ${what} failed: ${decoder.describe(error)}`, {
        cause: error,
      });
    }
  };

  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const startedAt = (await ethers.provider.getBlock("latest"))!.timestamp;
  const ledger: Ledger = new Map();
  const escrowAddress = stack.addresses.escrow;
  const poolAddress = stack.addresses.pool;

  // 1. The operator mints dCNY (the tokenised deposit) to the financiers and the firms.
  for (const [key, amount] of MINTS) {
    await send(`mint to ${key}`, token.connect(who.operator).mint(accounts[key], amount));
    credit(ledger, key, amount);
    log(`mint      ${formatCny(amount).padStart(18)} → ${nameOf(key)}`);
  }

  // 2. Suppliers register themselves (metadata hash of their profile, ISO region).
  const suppliers: ScenarioSummary["suppliers"] = {};
  for (const s of SUPPLIERS) {
    const account = DEMO_ACCOUNTS.find((a) => a.key === s.key)!;
    const metadataHash = doc(`supplier:${account.name.zh} / ${account.name.en} · ${s.profile}`);
    await send(
      `register supplier ${s.key}`,
      registry.connect(who[s.key]).registerSupplier(metadataHash, regionCode(s.region)),
    );
    suppliers[s.key] = { address: accounts[s.key], region: s.region, metadataHash };
    log(`supplier  ${nameOf(s.key)} (${s.region})`);
  }

  // 3. The firms create their projects; the verifier is the national testing centre.
  const projects = {} as Record<ProjectKey, ProjectSummary>;
  for (const plan of PROJECTS) {
    const metadataHash = doc(`project:${plan.title.zh} / ${plan.title.en}`);
    const milestones = plan.milestones.map((m) => ({
      budget: m.budget,
      deadline: startedAt + m.deadlineDay * DAY,
      stage: m.stage,
      accounting: m.accounting ?? Accounting.Expensed,
    }));
    await send(
      `create project ${plan.key}`,
      escrow
        .connect(who[plan.firm])
        .createProject(stack.addresses.token, accounts.verifier, metadataHash, plan.profile, milestones),
    );
    const id = await escrow.projectCount();
    const target = plan.milestones.reduce((sum, m) => sum + m.budget, 0n);
    projects[plan.key] = {
      key: plan.key,
      id,
      title: plan.title,
      firm: plan.firm,
      firmAddress: accounts[plan.firm],
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
      pool: { commitments: {}, committed: 0n, exposureCap: 0n, disruptionCap: 0n },
    };
    log(`project   #${id} ${plan.title.zh} — ${nameOf(plan.firm)}, target ${formatCny(target)}`);
  }

  // 4. Critical components with ordered substitutes and agreed advances; extra payees.
  const components = {} as Record<ComponentKey, ComponentSummary>;
  for (const c of COMPONENTS) {
    const project = projects[c.project];
    const metadataHash = doc(`component:${c.title.zh} / ${c.title.en}`);
    await send(
      `define component ${c.key}`,
      registry.connect(who[project.firm]).defineComponent(
        project.id,
        metadataHash,
        accounts[c.primary],
        c.substitutes.map(([key, advance]) => ({ supplier: accounts[key], advance })),
      ),
    );
    const id = await registry.componentCount(project.id);
    // Each listed supplier accepts its listing itself (a listing counts only once accepted; the pool finances
    // it once the registry's notice has passed, well before the demo's disruption).
    for (const key of [c.primary, ...c.substitutes.map(([k]) => k)]) {
      await send(`accept listing ${c.key} by ${key}`, registry.connect(who[key]).acceptListing(project.id, id));
    }
    components[c.key] = {
      key: c.key,
      project: c.project,
      projectId: project.id,
      id,
      title: c.title,
      metadataHash,
      primary: c.primary,
      primaryAddress: accounts[c.primary],
      substitutes: c.substitutes.map(([key, advance]) => ({ supplier: key, address: accounts[key], advance })),
    };
    log(
      `component #${project.id}/${id} ${c.title.zh}: ${nameOf(c.primary)} → ` +
        c.substitutes.map(([key, advance]) => `${nameOf(key)} (${formatCny(advance)})`).join(", "),
    );
  }
  for (const { project, supplier } of EXTRA_PAYEES) {
    await send(
      `add payee ${supplier} to ${project}`,
      registry.connect(who[projects[project].firm]).addProjectSupplier(projects[project].id, accounts[supplier]),
    );
  }

  // 5. Financiers fund the escrows (the green fund with an EIP-2612 permit, in one transaction).
  for (const f of FUNDING) {
    const project = projects[f.project];
    const signer = who[f.financier];
    if (f.permit) {
      const deadline = BigInt(startedAt + 30 * DAY);
      const signature = await signPermit(token, signer, escrowAddress, f.amount, deadline);
      await send(
        `fund ${f.project} by ${f.financier} (permit)`,
        escrow.connect(signer).fundWithPermit(project.id, f.amount, deadline, signature.v, signature.r, signature.s),
      );
    } else {
      await send(`approve escrow for ${f.financier}`, token.connect(signer).approve(escrowAddress, f.amount));
      await send(`fund ${f.project} by ${f.financier}`, escrow.connect(signer).fund(project.id, f.amount));
    }
    project.funded += f.amount;
    project.contributions[f.financier] = (project.contributions[f.financier] ?? 0n) + f.amount;
    credit(ledger, f.financier, -f.amount);
    log(`fund      ${formatCny(f.amount).padStart(18)} ${nameOf(f.financier)} → #${project.id}`);
  }

  // The guidance fund's grants are fiscal funds its firms treat as non-taxable income (不征税收入): it flags its
  // contribution to each project it funds, and the R&D ledger excludes its pro-rata share of every payment.
  for (const key of Object.keys(projects) as ProjectKey[]) {
    if (!projects[key].contributions.guidance) continue;
    await send(`flag fiscal funds ${key}`, escrow.connect(who.guidance).flagFiscalFunds(projects[key].id));
    log(`fiscal    ${nameOf("guidance")} flags its contribution to #${projects[key].id} as non-taxable fiscal funds`);
  }

  // 6. Financiers commit to the contingency pools, with exposure and per-disruption allowances.
  for (const c of COMMITMENTS) {
    const project = projects[c.project];
    const signer = who[c.financier];
    await send(`approve pool for ${c.financier}`, token.connect(signer).approve(poolAddress, c.amount));
    await send(
      `commit ${c.financier} to ${c.project}`,
      pool.connect(signer).commit(project.id, c.amount, c.exposureAllowance, c.disruptionAllowance),
    );
    project.pool.commitments[c.financier] = {
      amount: c.amount,
      exposureAllowance: c.exposureAllowance,
      disruptionAllowance: c.disruptionAllowance,
    };
    project.pool.committed += c.amount;
    project.pool.exposureCap += c.exposureAllowance;
    project.pool.disruptionCap += c.disruptionAllowance;
    credit(ledger, c.financier, -c.amount);
    log(`commit    ${formatCny(c.amount).padStart(18)} ${nameOf(c.financier)} → pool #${project.id}`);
  }

  // Milestone helpers.
  const submit = async (key: ProjectKey, index: number, evidence: string) => {
    const project = projects[key];
    const evidenceHash = doc(`evidence:${demoCid(ethers, evidence)} ${evidence}`);
    await send(
      `submit ${key}/${index}`,
      escrow.connect(who[project.firm]).submitMilestone(project.id, index, evidenceHash),
    );
    Object.assign(project.milestones[index], {
      state: "submitted",
      status: MilestoneStatus.Submitted,
      evidenceHash,
    } satisfies Partial<MilestoneSummary>);
    log(`submit    #${project.id} M${index} ${project.milestones[index].title.zh}`);
  };
  const approve = async (key: ProjectKey, index: number) => {
    const project = projects[key];
    await send(`approve ${key}/${index}`, escrow.connect(who.verifier).approveMilestone(project.id, index));
    Object.assign(project.milestones[index], { state: "approved", status: MilestoneStatus.Approved });
    log(`approve   #${project.id} M${index} (${nameOf("verifier")})`);
  };
  const reject = async (key: ProjectKey) => {
    const project = projects[key];
    const { milestone: index, reason } = REJECTIONS[key]!;
    const reasonHash = doc(`rejection:${reason}`);
    await send(`reject ${key}/${index}`, escrow.connect(who.verifier).rejectMilestone(project.id, index, reasonHash));
    Object.assign(project.milestones[index], {
      state: "rejected",
      status: MilestoneStatus.Rejected,
      rejectionReason: reason,
      rejectionReasonHash: reasonHash,
    } satisfies Partial<MilestoneSummary>);
    log(`reject    #${project.id} M${index}: ${reason}`);
  };
  const pay = async (key: ProjectKey, index: number) => {
    const project = projects[key];
    for (const p of PAYMENTS.filter((x) => x.project === key && x.milestone === index)) {
      const invoiceHash = doc(`invoice:${p.invoice}`);
      await send(
        `disburse ${key}/${index} to ${p.payee}`,
        escrow
          .connect(who[project.firm])
          .disburse(project.id, index, accounts[p.payee], p.amount, p.category, invoiceHash),
      );
      const m = project.milestones[index];
      m.paid += p.amount;
      m.state = "paid";
      m.payments.push({
        payee: p.payee,
        payeeAddress: accounts[p.payee],
        amount: p.amount,
        category: p.category,
        invoice: p.invoice,
        invoiceHash,
      });
      project.disbursed += p.amount;
      credit(ledger, p.payee, p.amount);
      log(`pay       ${formatCny(p.amount).padStart(18)} #${project.id} M${index} → ${nameOf(p.payee)}`);
    }
  };

  // 7. Day 0: first results.
  await submit("euv", 0, "锡氧簇前驱体合成路线报告 + NMR/MS 表征");
  await approve("euv", 0);
  await pay("euv", 0);
  await submit("euv", 1, "EUV 曝光测试报告 (同步辐射光源)");
  await reject("euv");

  await submit("photoresist", 0, "KrF 配方筛选报告 + 248nm 曝光 SEM 图像");
  await approve("photoresist", 0);
  await pay("photoresist", 0);

  await submit("catalyst", 0, "Pt-Co/C 催化剂 RDE 测试报告: 质量活性 0.52 A/mgPt");
  await approve("catalyst", 0);
  await pay("catalyst", 0);

  // 8. Time passes: the exploratory EUV project misses its second deadline and fails.
  await ethers.provider.send("evm_increaseTime", [travelDays * DAY]);
  await ethers.provider.send("evm_mine", []);
  log(`time      +${travelDays} days`);

  const euv = projects.euv;
  await send("mark euv failed", escrow.connect(who.venture).markFailed(euv.id));
  euv.status = ProjectStatus.Failed;
  euv.refundable = euv.funded - euv.disbursed;
  const failedIndex = euv.milestones.findIndex((m) => m.status !== MilestoneStatus.Approved);
  euv.milestones[failedIndex].state = "failed";
  log(`failed    #${euv.id} ${euv.title.zh}: ${formatCny(euv.refundable)} refundable`);
  // The venture fund claims its pro-rata refund; the guidance fund has not yet.
  for (const [key, contributed] of Object.entries(euv.contributions) as [DemoAccountKey, bigint][]) {
    const share = (euv.refundable * contributed) / euv.funded;
    const claimed = key === "venture";
    euv.refunds[key] = { amount: share, claimed };
    if (claimed) {
      await send(`claim refund ${key}`, escrow.connect(who[key]).claimRefund(euv.id));
      euv.refunded += share;
      credit(ledger, key, share);
      log(`refund    ${formatCny(share).padStart(18)} #${euv.id} → ${nameOf(key)}`);
    }
  }

  // 9. Later results on the living projects.
  await submit("photoresist", 1, "ArF 90nm L/S 分辨率 SEM 报告 + 第三方检测 CMA 证书");
  await approve("photoresist", 1);
  await submit("photoresist", 2, "中试线首批 3 批次试产记录与批次一致性报告");
  await submit("catalyst", 1, "公斤级批量制备记录 + MEA 加速老化测试报告");
  await reject("catalyst");

  // Milestones still pending: "funded" when the project's funding covers them.
  for (const project of Object.values(projects)) {
    let cumulative = 0n;
    for (const m of project.milestones) {
      cumulative += m.budget;
      if (m.status === MilestoneStatus.Pending && m.state === "pending" && cumulative <= project.funded) {
        m.state = "funded";
      }
    }
    project.held = project.funded - project.disbursed - project.refunded;
  }

  // 10. The disruption to fire (by the reporter service): a fire at the resin supplier's Kumamoto plant.
  const seededAt = (await ethers.provider.getBlock("latest"))!.timestamp;
  const evidence = `${demoCid(ethers, "toyo-kumamoto-fire")} 东洋高纯树脂 熊本工厂火灾 消防通报`;
  documents[ethers.id(evidence)] = evidence;
  const feed: FeedEvent[] = [
    {
      id: `toyo-kumamoto-fire-${new Date(seededAt * 1000).toISOString().slice(0, 10)}`,
      supplier: accounts.resinPrimary,
      status: "disrupted",
      evidence,
      observedAt: seededAt,
    },
  ];

  // What the disruption should do: every component whose current supplier is the disrupted one switches to its
  // first substitute (none of them is disrupted) and that substitute receives its advance from the pool.
  const disrupted: DemoAccountKey = "resinPrimary";
  const switched = Object.values(components)
    .filter((c) => c.primary === disrupted)
    .map((c) => ({
      component: c.key,
      project: c.project,
      from: c.primary,
      to: c.substitutes[0].supplier,
      advance: c.substitutes[0].advance,
    }));
  const deltas: Partial<Record<DemoAccountKey, bigint>> = {};
  const poolAfter = {} as Record<ProjectKey, bigint>;
  const outstandingAfter = {} as Record<ProjectKey, bigint>;
  for (const key of Object.keys(projects) as ProjectKey[]) {
    const financed = switched.filter((s) => s.project === key).reduce((sum, s) => sum + s.advance, 0n);
    const p = projects[key].pool;
    if (financed > p.disruptionCap || financed > p.exposureCap || financed > p.committed) {
      throw new Error(`seed plan error: the ${key} pool cannot finance ${formatCny(financed)}`);
    }
    poolAfter[key] = p.committed - financed;
    outstandingAfter[key] = financed;
  }
  for (const s of switched) deltas[s.to] = (deltas[s.to] ?? 0n) + s.advance;

  const balances: Partial<Record<DemoAccountKey, bigint>> = {};
  for (const [key, amount] of ledger) if (amount !== 0n) balances[key as DemoAccountKey] = amount;
  const poolByProject = Object.fromEntries(Object.values(projects).map((p) => [p.key, p.pool.committed])) as Record<
    ProjectKey,
    bigint
  >;

  log(`seeded    chain time ${new Date(seededAt * 1000).toISOString()}; disruption left to the reporter service`);
  return {
    token: stack.addresses.token,
    decimals: DECIMALS,
    chainId,
    startedAt,
    seededAt,
    accounts,
    suppliers,
    projects,
    components,
    feed,
    documents,
    expected: {
      balances,
      escrowBalance: Object.values(projects).reduce((sum, p) => sum + p.held, 0n),
      poolBalance: Object.values(poolByProject).reduce((sum, v) => sum + v, 0n),
      poolByProject,
      afterDisruption: {
        disruptedSupplier: disrupted,
        switched: switched.map(({ component, from, to, advance }) => ({ component, from, to, advance })),
        deltas,
        poolByProject: poolAfter,
        outstandingByProject: outstandingAfter,
      },
    },
  };
}

export interface FireOptions {
  mode?: "direct" | "relay";
  log?: (line: string) => void;
}

/**
 * Fires the scenario's disruption feed through the reporter service (scripts/reporter/reporter.ts) from the demo's
 * reporter accounts, as `tsx scripts/reporter/oracle-reporter.ts` does against a node. For tests and the web's browser tests.
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
