/**
 * The demo scenario as data: every action of the seed, in order, one entry per action with its documents and
 * amounts (amounts in dCNY fen: `cny(yuan)`). scripts/demo/seed-scenario.ts runs it, one short handler per `kind`.
 *
 * To change the story, change the entries here; a new kind of action needs its type in {@link SeedStep} and its
 * handler in seed-scenario.ts (the compiler asks for it). The documents behind the hashes are built from the texts
 * here (profiles, titles, evidence, reasons) and published on chain beside their hashes (DocumentPublished);
 * invoices stay hash only.
 */
import { Category, GreenCategory, RdForm, Stage } from "../../web/src/generated/enums.js";
import type { DemoAccountKey } from "../lib/demo-accounts.js";

/** ¥ yuan → token units (fen; dCNY has 2 decimals). */
export const cny = (yuan: number): bigint => BigInt(Math.round(yuan * 100));

export type ProjectKey = "photoresist" | "catalyst" | "euv";
export type ComponentKey = "krfResin" | "arfResin" | "pag" | "platinum";
export type Label = { zh: string; en: string };

export interface MilestonePlan {
  title: Label;
  stage: number;
  /** Expensed (default) or capitalised; a Research-stage milestone is always expensed. */
  accounting?: number;
  budget: bigint;
  /** Days after the start. */
  deadlineDay: number;
}

/** One action of the scenario (one transaction, or approve + the transaction that spends the approval). */
export type SeedStep =
  /** The operator (the DemoStablecoin's owner) mints dCNY. */
  | { kind: "mint"; to: DemoAccountKey; amount: bigint }
  /** A supplier registers itself: the metadata hash of its profile and an ISO 3166-1 alpha-2 region. */
  | { kind: "registerSupplier"; supplier: DemoAccountKey; region: string; profile: string }
  /** A firm creates a project (verifier: the national testing centre), with its R&D form and green category. */
  | {
      kind: "createProject";
      key: ProjectKey;
      firm: DemoAccountKey;
      title: Label;
      profile: { rdForm: number; greenCategory: number };
      milestones: MilestonePlan[];
    }
  /** The firm defines a critical component: its primary supplier and ordered substitutes with agreed advances. */
  | {
      kind: "defineComponent";
      key: ComponentKey;
      project: ProjectKey;
      title: Label;
      primary: DemoAccountKey;
      substitutes: [DemoAccountKey, bigint][];
    }
  /** A supplier named by a component accepts its listing. */
  | { kind: "acceptListing"; component: ComponentKey; supplier: DemoAccountKey }
  /** The firm adds a payee that supplies no component. */
  | { kind: "addPayee"; project: ProjectKey; supplier: DemoAccountKey }
  /** A financier funds a project: approve + fund, or one `fundWithPermit` (EIP-2612). */
  | { kind: "fund"; project: ProjectKey; financier: DemoAccountKey; amount: bigint; permit?: boolean }
  /** A financier flags its contribution as fiscal funds (不征税收入, excluded from the R&D ledger pro rata). */
  | { kind: "flagFiscalFunds"; project: ProjectKey; financier: DemoAccountKey }
  /**
   * The firm sets its pool's terms, the same for every financier: how much of the pool's value may be lent in all
   * and to one disruption (basis points) and the repayment term; the withdrawal notice is the oracle's
   * maxReportAge, at least one day.
   */
  | { kind: "setPoolTerms"; project: ProjectKey; exposureBps: bigint; disruptionBps: bigint; repaymentDays: bigint }
  /** A financier commits to a project's contingency pool (approve + commit), naming the pool's terms. */
  | { kind: "commit"; project: ProjectKey; financier: DemoAccountKey; amount: bigint }
  /** The firm submits a milestone's evidence. */
  | { kind: "submit"; project: ProjectKey; milestone: number; evidence: string }
  /** The verifier approves a submitted milestone. */
  | { kind: "approve"; project: ProjectKey; milestone: number }
  /** The verifier rejects a submitted milestone, with the reason. */
  | { kind: "reject"; project: ProjectKey; milestone: number; reason: string }
  /** The firm pays from an approved milestone, with the statutory category and the invoice. */
  | {
      kind: "disburse";
      project: ProjectKey;
      milestone: number;
      payee: DemoAccountKey;
      amount: bigint;
      category: number;
      invoice: string;
    }
  /** The chain's clock jumps `timeTravelDays` (a seed option, default 21) so that a deadline passes. */
  | { kind: "timeTravel" }
  /** Anyone (here a financier) marks a project whose milestone missed its deadline as failed. */
  | { kind: "markFailed"; project: ProjectKey; by: DemoAccountKey }
  /** A financier claims its pro-rata refund of a closed project. */
  | { kind: "claimRefund"; project: ProjectKey; financier: DemoAccountKey };

export type SeedStepOf<K extends SeedStep["kind"]> = Extract<SeedStep, { kind: K }>;

export const STEPS: SeedStep[] = [
  // 1. The operator mints dCNY (the tokenised deposit) to the financiers and the firms.
  { kind: "mint", to: "bank", amount: cny(30_000_000) },
  { kind: "mint", to: "venture", amount: cny(10_000_000) },
  { kind: "mint", to: "guidance", amount: cny(10_000_000) },
  { kind: "mint", to: "green", amount: cny(8_000_000) },
  { kind: "mint", to: "photoresistFirm", amount: cny(2_000_000) },
  { kind: "mint", to: "catalystLab", amount: cny(1_000_000) },
  // 2. Suppliers register themselves (metadata hash of their profile, ISO region).
  { kind: "registerSupplier", supplier: "resinPrimary", region: "JP", profile: "KrF/ArF 光刻胶用高纯树脂 · 熊本工厂" },
  {
    kind: "registerSupplier",
    supplier: "resinSubstitute",
    region: "CN",
    profile: "光刻胶树脂 · 宁波石化经济技术开发区",
  },
  { kind: "registerSupplier", supplier: "pagPrimary", region: "CN", profile: "光致产酸剂 (PAG) · 上海化学工业区" },
  {
    kind: "registerSupplier",
    supplier: "pagSubstitute",
    region: "CN",
    profile: "精细化学品 · PAG / 树脂单体 · 泰兴经济开发区",
  },
  { kind: "registerSupplier", supplier: "platinumPrimary", region: "DE", profile: "铂前驱体 / 铂碳 · Hanau" },
  { kind: "registerSupplier", supplier: "platinumSubstitute", region: "CN", profile: "贵金属催化材料 · 昆明高新区" },
  { kind: "registerSupplier", supplier: "equipment", region: "CN", profile: "洁净室与涂胶显影设备 · 北京亦庄" },
  // 3. The firms create their projects; the verifier is the national testing centre.
  {
    kind: "createProject",
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
    kind: "createProject",
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
    kind: "createProject",
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
  // 4. Critical components with ordered substitutes and agreed advances; each listed supplier accepts its listing
  // itself (a listing counts only once accepted; the pool finances it once the registry's notice has passed, well
  // before the demo's disruption). Then extra payees (not component suppliers).
  {
    kind: "defineComponent",
    key: "krfResin",
    project: "photoresist",
    title: { zh: "KrF 光刻胶树脂 (PHS)", en: "KrF resist resin (PHS)" },
    primary: "resinPrimary",
    substitutes: [["resinSubstitute", cny(600_000)]],
  },
  { kind: "acceptListing", component: "krfResin", supplier: "resinPrimary" },
  { kind: "acceptListing", component: "krfResin", supplier: "resinSubstitute" },
  {
    kind: "defineComponent",
    key: "arfResin",
    project: "photoresist",
    title: { zh: "ArF 光刻胶树脂 (甲基丙烯酸酯共聚物)", en: "ArF resist resin (methacrylate copolymer)" },
    primary: "resinPrimary",
    substitutes: [
      ["resinSubstitute", cny(850_000)],
      ["pagSubstitute", cny(700_000)],
    ],
  },
  { kind: "acceptListing", component: "arfResin", supplier: "resinPrimary" },
  { kind: "acceptListing", component: "arfResin", supplier: "resinSubstitute" },
  { kind: "acceptListing", component: "arfResin", supplier: "pagSubstitute" },
  {
    kind: "defineComponent",
    key: "pag",
    project: "photoresist",
    title: { zh: "光致产酸剂 (PAG, 锍盐)", en: "Photo-acid generator (sulfonium salt)" },
    primary: "pagPrimary",
    substitutes: [["pagSubstitute", cny(400_000)]],
  },
  { kind: "acceptListing", component: "pag", supplier: "pagPrimary" },
  { kind: "acceptListing", component: "pag", supplier: "pagSubstitute" },
  {
    kind: "defineComponent",
    key: "platinum",
    project: "catalyst",
    title: { zh: "铂前驱体 (氯铂酸 / 铂碳)", en: "Platinum precursor (chloroplatinic acid / Pt/C)" },
    primary: "platinumPrimary",
    substitutes: [["platinumSubstitute", cny(1_200_000)]],
  },
  { kind: "acceptListing", component: "platinum", supplier: "platinumPrimary" },
  { kind: "acceptListing", component: "platinum", supplier: "platinumSubstitute" },
  { kind: "addPayee", project: "photoresist", supplier: "equipment" },
  { kind: "addPayee", project: "catalyst", supplier: "equipment" },
  { kind: "addPayee", project: "euv", supplier: "pagPrimary" },
  // 5. Financiers fund the escrows (the green fund with an EIP-2612 permit, in one transaction).
  { kind: "fund", project: "photoresist", financier: "bank", amount: cny(12_000_000) },
  { kind: "fund", project: "photoresist", financier: "venture", amount: cny(3_000_000) },
  { kind: "fund", project: "photoresist", financier: "guidance", amount: cny(3_000_000) },
  { kind: "fund", project: "catalyst", financier: "green", amount: cny(4_000_000), permit: true },
  { kind: "fund", project: "catalyst", financier: "guidance", amount: cny(3_000_000) },
  { kind: "fund", project: "catalyst", financier: "bank", amount: cny(2_000_000) },
  { kind: "fund", project: "euv", financier: "venture", amount: cny(900_000) },
  { kind: "fund", project: "euv", financier: "guidance", amount: cny(600_000) },
  // The guidance fund's grants are fiscal funds its firms treat as non-taxable income (不征税收入): it flags its
  // contribution to each project it funds, and the R&D ledger excludes its pro-rata share of every payment.
  { kind: "flagFiscalFunds", project: "photoresist", financier: "guidance" },
  { kind: "flagFiscalFunds", project: "catalyst", financier: "guidance" },
  { kind: "flagFiscalFunds", project: "euv", financier: "guidance" },
  // 6. The firms set their pools' terms; the financiers commit under them.
  { kind: "setPoolTerms", project: "photoresist", exposureBps: 9_000n, disruptionBps: 6_500n, repaymentDays: 180n },
  { kind: "setPoolTerms", project: "catalyst", exposureBps: 10_000n, disruptionBps: 7_500n, repaymentDays: 120n },
  { kind: "commit", project: "photoresist", financier: "bank", amount: cny(2_000_000) },
  { kind: "commit", project: "photoresist", financier: "guidance", amount: cny(1_000_000) },
  { kind: "commit", project: "catalyst", financier: "green", amount: cny(1_500_000) },
  { kind: "commit", project: "catalyst", financier: "venture", amount: cny(500_000) },
  // 7. Day 0: first results.
  { kind: "submit", project: "euv", milestone: 0, evidence: "锡氧簇前驱体合成路线报告 + NMR/MS 表征" },
  { kind: "approve", project: "euv", milestone: 0 },
  {
    kind: "disburse",
    project: "euv",
    milestone: 0,
    payee: "photoresistFirm",
    amount: cny(420_000),
    category: Category.Personnel,
    invoice: "工资表 2025-Q3 EUV 预研组 (6 人)",
  },
  {
    kind: "disburse",
    project: "euv",
    milestone: 0,
    payee: "pagPrimary",
    amount: cny(96_000),
    category: Category.DirectInputs,
    invoice: "增值税专用发票 3100251130 No.04417721 锡氧簇配体试剂",
  },
  { kind: "submit", project: "euv", milestone: 1, evidence: "EUV 曝光测试报告 (同步辐射光源)" },
  {
    kind: "reject",
    project: "euv",
    milestone: 1,
    reason: "驳回：EUV 曝光剂量 58 mJ/cm²，未达 30 mJ/cm² 指标；线边缘粗糙度 (LER) 数据缺失",
  },
  { kind: "submit", project: "photoresist", milestone: 0, evidence: "KrF 配方筛选报告 + 248nm 曝光 SEM 图像" },
  { kind: "approve", project: "photoresist", milestone: 0 },
  {
    kind: "disburse",
    project: "photoresist",
    milestone: 0,
    payee: "resinPrimary",
    amount: cny(1_150_000),
    category: Category.DirectInputs,
    invoice: "Invoice TKR-2025-0917 KrF PHS 树脂样品 120 kg",
  },
  {
    kind: "disburse",
    project: "photoresist",
    milestone: 0,
    payee: "pagPrimary",
    amount: cny(380_000),
    category: Category.DirectInputs,
    invoice: "增值税专用发票 3100251130 No.04417802 锍盐 PAG 8 kg",
  },
  {
    kind: "disburse",
    project: "photoresist",
    milestone: 0,
    payee: "equipment",
    amount: cny(1_020_000),
    category: Category.Depreciation,
    invoice: "增值税专用发票 1100251130 No.22190034 涂胶显影机租赁及百级洁净室改造",
  },
  {
    kind: "disburse",
    project: "photoresist",
    milestone: 0,
    payee: "photoresistFirm",
    amount: cny(650_000),
    category: Category.Personnel,
    invoice: "工资表 2025-Q3 配方研发组 (9 人)",
  },
  { kind: "submit", project: "catalyst", milestone: 0, evidence: "Pt-Co/C 催化剂 RDE 测试报告: 质量活性 0.52 A/mgPt" },
  { kind: "approve", project: "catalyst", milestone: 0 },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "platinumPrimary",
    amount: cny(1_350_000),
    category: Category.DirectInputs,
    invoice: "Invoice EPM-DE-2025-3381 H2PtCl6 · 2.5 kg Pt",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "equipment",
    amount: cny(300_000),
    category: Category.Depreciation,
    invoice: "增值税专用发票 1100251130 No.22190107 惰性气氛手套箱",
  },
  {
    kind: "disburse",
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
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "platinumPrimary",
    amount: cny(60_000),
    category: Category.EntrustedAbroad,
    invoice: "Contract EPM-DE-2025-R07 委托境外 Pt-Co 合金 XPS/TEM 表征研发服务",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "equipment",
    amount: cny(15_000),
    category: Category.EntrustedDomestic,
    invoice: "技术开发合同 2025-JS-0412 委托境内 手套箱气氛控制工艺开发",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(30_000),
    category: Category.Amortisation,
    invoice: "无形资产摊销表 2025-Q3 第一性原理计算软件许可",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(24_000),
    category: Category.NewProductDesign,
    invoice: "设计费结算单 2025-Q3 MEA 新工艺规程制定",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(18_000),
    category: Category.OtherRelated,
    invoice: "费用报销单 2025-Q3 专家咨询费及文献检索费",
  },
  {
    kind: "disburse",
    project: "catalyst",
    milestone: 0,
    payee: "catalystLab",
    amount: cny(3_000),
    category: Category.NonQualifying,
    invoice: "费用报销单 2025-Q3 项目启动会招待费",
  },
  // 8. Time passes: the exploratory EUV project misses its second deadline and fails; the venture fund claims its
  // pro-rata refund, the guidance fund has not yet.
  { kind: "timeTravel" },
  { kind: "markFailed", project: "euv", by: "venture" },
  { kind: "claimRefund", project: "euv", financier: "venture" },
  // 9. Later results on the living projects.
  {
    kind: "submit",
    project: "photoresist",
    milestone: 1,
    evidence: "ArF 90nm L/S 分辨率 SEM 报告 + 第三方检测 CMA 证书",
  },
  { kind: "approve", project: "photoresist", milestone: 1 },
  { kind: "submit", project: "photoresist", milestone: 2, evidence: "中试线首批 3 批次试产记录与批次一致性报告" },
  { kind: "submit", project: "catalyst", milestone: 1, evidence: "公斤级批量制备记录 + MEA 加速老化测试报告" },
  {
    kind: "reject",
    project: "catalyst",
    milestone: 1,
    reason: "驳回：MEA 3 万圈加速老化后 ECSA 衰减 52%，高于 40% 的验收指标；请补充批次一致性数据后重新提交",
  },
];

/**
 * The disruption the seed leaves to the reporter service: a fire at the resin supplier's Kumamoto plant (the
 * evidence text is prefixed with its CID-looking URI).
 */
export const DISRUPTION = {
  supplier: "resinPrimary" as DemoAccountKey,
  feedId: "toyo-kumamoto-fire",
  evidence: "东洋高纯树脂 熊本工厂火灾 消防通报",
};
