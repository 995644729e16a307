/**
 * The rules of the R&D super-deduction (研发费用加计扣除) and the green-project taxonomy, as data with their
 * sources. Everything the builder computes refers to a line of this table; docs/RD-LEDGER.md prints it.
 *
 * Pure: no React, no Node-only imports (used by the dashboard and the `npm run ledger` CLI).
 */

/** A legal source, cited by its official number. */
export interface Source {
  /** The document's number, e.g. 财税〔2015〕119号. */
  ref: string;
  /** Its title, in Chinese. */
  title: string;
  /** The part that states the rule. */
  where: string;
}

export const SOURCES = {
  cs2015_119: {
    ref: "财税〔2015〕119号",
    title: "财政部 国家税务总局 科技部关于完善研究开发费用税前加计扣除政策的通知",
    where: "第一条（允许加计扣除的研发费用第1–6项、其他相关费用限额、委托研发按80%计入）",
  },
  sta2015_97: {
    ref: "国家税务总局公告2015年第97号",
    title: "关于企业研究开发费用税前加计扣除政策有关问题的公告",
    where: "第二条（作为不征税收入处理的财政性资金用于研发活动所形成的费用或无形资产，不得计算加计扣除或摊销）",
  },
  sta2017_40: {
    ref: "国家税务总局公告2017年第40号",
    title: "关于研发费用税前加计扣除归集范围有关问题的公告",
    where: "第一至第六条（各项费用的归集范围）",
  },
  cs2018_64: {
    ref: "财税〔2018〕64号",
    title: "财政部 税务总局 科技部关于企业委托境外研究开发费用税前加计扣除有关政策问题的通知",
    where: "第一条（委托境外按实际发生额的80%计入；不超过境内符合条件的研发费用三分之二的部分可以加计扣除）",
  },
  sta2021_28: {
    ref: "国家税务总局公告2021年第28号",
    title: "关于进一步落实研发费用加计扣除政策有关问题的公告",
    where: "第二条（多个项目的其他相关费用限额统一计算）、第三条及附件（简化的研发支出辅助账及汇总表样式）",
  },
  mof2023_7: {
    ref: "财政部 税务总局公告2023年第7号",
    title: "关于进一步完善研发费用税前加计扣除政策的公告",
    where: "第一条（2023年1月1日起费用化部分加计100%扣除；资本化部分按无形资产成本的200%摊销）",
  },
  mof2023_44: {
    ref: "财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号",
    title: "关于提高集成电路和工业母机企业研发费用加计扣除比例的公告",
    where: "第一条（集成电路企业和工业母机企业2023年1月1日至2027年12月31日加计120%；资本化部分按220%摊销）",
  },
  cas6: {
    ref: "企业会计准则第6号——无形资产",
    title: "财会〔2006〕3号",
    where: "第七至第九条（研究阶段的支出于发生时计入当期损益；开发阶段满足条件的支出确认为无形资产）",
  },
  green2021: {
    ref: "发改环资〔2021〕96号",
    title: "绿色债券支持项目目录（2021年版）",
    where: "一级分类（六大类）",
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

/**
 * The statutory categories of a payment, in the order of the contract's `EscrowTypes.Category` enum
 * (the names are the enum's member names).
 */
export const CATEGORY_KEYS = [
  "Personnel",
  "DirectInputs",
  "Depreciation",
  "Amortisation",
  "NewProductDesign",
  "OtherRelated",
  "EntrustedDomestic",
  "EntrustedAbroad",
  "NonQualifying",
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

/** How a category enters the deductible base. */
export type CategoryKind = "item1to5" | "item6" | "entrustedDomestic" | "entrustedAbroad" | "none";

export interface CategoryRule {
  key: CategoryKey;
  /** The official name, as in the summary table. */
  zh: string;
  en: string;
  /** One line on what belongs here (for the pay form and the documents). */
  explainZh: string;
  explainEn: string;
  /** The line of 财税〔2015〕119号 第一条第一项 (1–6), or null for entrusted / non-qualifying. */
  item: 1 | 2 | 3 | 4 | 5 | 6 | null;
  kind: CategoryKind;
  sources: readonly SourceKey[];
}

export const CATEGORY_RULES: Record<CategoryKey, CategoryRule> = {
  Personnel: {
    key: "Personnel",
    zh: "人员人工费用",
    en: "Personnel costs",
    explainZh: "研发人员的工资薪金、五险一金，外聘研发人员的劳务费用",
    explainEn: "Pay, social insurance and housing fund of R&D staff; fees of external R&D staff",
    item: 1,
    kind: "item1to5",
    sources: ["cs2015_119", "sta2017_40"],
  },
  DirectInputs: {
    key: "DirectInputs",
    zh: "直接投入费用",
    en: "Direct inputs",
    explainZh:
      "研发耗用的材料、燃料、动力；中间试验和试制的模具、工艺装备；样品样机；试制检验；研发仪器设备的经营租赁和维护",
    explainEn:
      "Materials, fuel and power used in R&D; moulds and tooling for pilots; samples and prototypes; testing; operating leases and upkeep of R&D instruments",
    item: 2,
    kind: "item1to5",
    sources: ["cs2015_119", "sta2017_40"],
  },
  Depreciation: {
    key: "Depreciation",
    zh: "折旧费用",
    en: "Depreciation",
    explainZh: "用于研发活动的仪器、设备的折旧费",
    explainEn: "Depreciation of instruments and equipment used in R&D",
    item: 3,
    kind: "item1to5",
    sources: ["cs2015_119", "sta2017_40"],
  },
  Amortisation: {
    key: "Amortisation",
    zh: "无形资产摊销",
    en: "Amortisation of intangible assets",
    explainZh: "用于研发活动的软件、专利权、非专利技术等无形资产的摊销费用",
    explainEn: "Amortisation of software, patents and know-how used in R&D",
    item: 4,
    kind: "item1to5",
    sources: ["cs2015_119", "sta2017_40"],
  },
  NewProductDesign: {
    key: "NewProductDesign",
    zh: "新产品设计费、新工艺规程制定费、新药研制的临床试验费、勘探开发技术的现场试验费",
    en: "New product design, new process specifications, clinical trials of new drugs, field trials of exploration techniques",
    explainZh: "新产品设计、新工艺规程制定、新药临床试验、勘探开发技术现场试验的费用",
    explainEn: "Design of new products, new process rules, clinical trials, field trials",
    item: 5,
    kind: "item1to5",
    sources: ["cs2015_119", "sta2017_40"],
  },
  OtherRelated: {
    key: "OtherRelated",
    zh: "其他相关费用",
    en: "Other related expenses",
    explainZh:
      "技术图书资料费、资料翻译费、专家咨询费、高新科技研发保险费、知识产权申请注册代理费、差旅费、会议费等；限额为第1–5项之和×10%/(1−10%)",
    explainEn:
      "Books, translation, expert consultation, R&D insurance, IP filing fees, travel and meetings, …; capped at (items 1–5) × 10% / (1 − 10%)",
    item: 6,
    kind: "item6",
    sources: ["cs2015_119", "sta2017_40", "sta2021_28"],
  },
  EntrustedDomestic: {
    key: "EntrustedDomestic",
    zh: "委托境内机构或个人进行研发活动所发生的费用",
    en: "Entrusted R&D, domestic",
    explainZh: "委托境内外部机构或个人研发；按实际发生额的80%计入",
    explainEn: "R&D entrusted to a domestic body or person; 80% of the amount paid counts",
    item: null,
    kind: "entrustedDomestic",
    sources: ["cs2015_119"],
  },
  EntrustedAbroad: {
    key: "EntrustedAbroad",
    zh: "委托境外机构进行研发活动所发生的费用",
    en: "Entrusted R&D, abroad",
    explainZh: "委托境外机构研发；按实际发生额的80%计入，且不超过境内符合条件的研发费用的三分之二",
    explainEn: "R&D entrusted abroad; 80% counts, and no more than two thirds of the domestic qualifying expenses",
    item: null,
    kind: "entrustedAbroad",
    sources: ["cs2018_64"],
  },
  NonQualifying: {
    key: "NonQualifying",
    zh: "不属于可加计扣除的研发费用",
    en: "Not a qualifying R&D expense",
    explainZh: "列入辅助账以保持完整，但不计入加计扣除基数",
    explainEn: "Kept in the ledger for completeness; never counts towards the deduction",
    item: null,
    kind: "none",
    sources: ["cs2015_119"],
  },
};

/** The R&D forms of a project (研发形式), in the order of the contract's `EscrowTypes.RdForm` enum. */
export const RD_FORM_KEYS = ["Independent", "Entrusted", "Cooperative", "Centralised"] as const;
export type RdFormKey = (typeof RD_FORM_KEYS)[number];
export const RD_FORM_RULES: Record<RdFormKey, { zh: string; en: string }> = {
  Independent: { zh: "自主研发", en: "Independent R&D" },
  Entrusted: { zh: "委托研发", en: "Entrusted R&D" },
  Cooperative: { zh: "合作研发", en: "Cooperative R&D" },
  Centralised: { zh: "集中研发", en: "Centralised R&D" },
};

/** Accounting treatment of a milestone's payments (费用化 / 资本化), as the contract's `EscrowTypes.Accounting`. */
export const ACCOUNTING_KEYS = ["Expensed", "Capitalised"] as const;
export type AccountingKey = (typeof ACCOUNTING_KEYS)[number];
export const ACCOUNTING_RULES: Record<AccountingKey, { zh: string; en: string }> = {
  Expensed: { zh: "费用化", en: "Expensed" },
  Capitalised: { zh: "资本化", en: "Capitalised" },
};

/** Stages of a milestone, as the contract's `EscrowTypes.Stage`. */
export const STAGE_KEYS = ["Research", "Pilot", "Market"] as const;
export type StageKey = (typeof STAGE_KEYS)[number];
export const STAGE_RULES: Record<StageKey, { zh: string; en: string }> = {
  Research: { zh: "研究阶段", en: "Research" },
  Pilot: { zh: "中试阶段", en: "Pilot" },
  Market: { zh: "市场化阶段", en: "Market" },
};

/** The six top-level categories of the Green Bond Endorsed Projects Catalogue (2021), as `EscrowTypes.GreenCategory`. */
export const GREEN_KEYS = [
  "None",
  "EnergySavingEnvironmental",
  "CleanerProduction",
  "CleanEnergy",
  "EcologicalEnvironment",
  "GreenInfrastructure",
  "GreenServices",
] as const;
export type GreenKey = (typeof GREEN_KEYS)[number];
export const GREEN_RULES: Record<GreenKey, { zh: string; en: string }> = {
  None: { zh: "非绿色项目", en: "Not a green project" },
  EnergySavingEnvironmental: { zh: "节能环保产业", en: "Energy saving and environmental protection" },
  CleanerProduction: { zh: "清洁生产产业", en: "Cleaner production" },
  CleanEnergy: { zh: "清洁能源产业", en: "Clean energy" },
  EcologicalEnvironment: { zh: "生态环境产业", en: "Ecological environment" },
  GreenInfrastructure: { zh: "基础设施绿色升级", en: "Green upgrade of infrastructure" },
  GreenServices: { zh: "绿色服务", en: "Green services" },
};

/** The numeric rules, as exact fractions (numerator, denominator). */
export const RATES = {
  /** 其他相关费用限额 = 第1–5项之和 × 10% / (1 − 10%) = 第1–5项之和 / 9 (财税〔2015〕119号; 2021年第28号 unified over all projects). */
  otherCap: { num: 10n, den: 90n, source: "sta2021_28" },
  /** 委托研发按实际发生额的80%计入 (财税〔2015〕119号 / 财税〔2018〕64号). */
  entrusted: { num: 80n, den: 100n, source: "cs2015_119" },
  /** 委托境外研发费用不超过境内符合条件的研发费用的三分之二 (财税〔2018〕64号). */
  abroadCap: { num: 2n, den: 3n, source: "cs2018_64" },
} as const;

/** The extra-deduction rates the user may choose, in percent. */
export const EXTRA_RATES = {
  100: { zh: "加计100%（一般企业，2023年起）", en: "100% (all firms, from 2023)", source: "mof2023_7" as SourceKey },
  120: {
    zh: "加计120%（集成电路企业和工业母机企业，2023–2027年）",
    en: "120% (integrated-circuit and industrial mother-machine firms, 2023–2027)",
    source: "mof2023_44" as SourceKey,
  },
} as const;
export type ExtraRate = keyof typeof EXTRA_RATES;
export const DEFAULT_EXTRA_RATE: ExtraRate = 100;

/** China Standard Time, UTC+8, no daylight saving: the tax year is the calendar year in CST. */
export const CST_OFFSET_SECONDS = 8 * 3600;
