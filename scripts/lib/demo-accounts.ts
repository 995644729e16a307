/**
 * Who is who in the local demo: which of the Hardhat node's 20 unlocked test accounts plays which role.
 * The deploy script writes these labels into deployments/<network>.json (local chains only), so the
 * dashboard shows names instead of hex and offers the accounts in its connect menu, and the reporter
 * service finds its reporter keys. Names are fictional but read like the parties of a real deal.
 */
export type DemoRoleKind =
  "operator" | "bank" | "venture" | "guidance" | "green" | "firm" | "verifier" | "supplier" | "reporter";

export interface DemoAccount {
  /** Index among the node's accounts (default Hardhat mnemonic). */
  index: number;
  role: DemoRoleKind;
  /** Short handle used by the seed script. */
  key: string;
  name: { zh: string; en: string };
}

export const DEMO_ACCOUNTS = [
  { index: 0, role: "operator", key: "operator", name: { zh: "平台运营方", en: "Platform operator" } },
  { index: 1, role: "bank", key: "bank", name: { zh: "华夏科创银行", en: "Huaxia Sci-Tech Bank" } },
  { index: 2, role: "venture", key: "venture", name: { zh: "星河创业投资", en: "Galaxy Venture Capital" } },
  {
    index: 3,
    role: "guidance",
    key: "guidance",
    name: { zh: "长三角新材料产业引导基金", en: "Yangtze Delta New Materials Guidance Fund" },
  },
  { index: 4, role: "firm", key: "photoresistFirm", name: { zh: "苏州晶刻光刻材料", en: "Suzhou Jingke Photoresist" } },
  {
    index: 5,
    role: "firm",
    key: "catalystLab",
    name: { zh: "深圳氢源催化实验室", en: "Shenzhen Qingyuan Catalyst Lab" },
  },
  {
    index: 6,
    role: "verifier",
    key: "verifier",
    name: { zh: "国家新材料测试评价中心", en: "National New Materials Testing Center" },
  },
  { index: 7, role: "supplier", key: "resinPrimary", name: { zh: "东洋高纯树脂", en: "Toyo High-Purity Resins" } },
  { index: 8, role: "supplier", key: "resinSubstitute", name: { zh: "宁波聚合树脂", en: "Ningbo Polymer Resins" } },
  { index: 9, role: "supplier", key: "pagPrimary", name: { zh: "上海光酸化学", en: "Shanghai PAG Chemicals" } },
  { index: 10, role: "supplier", key: "pagSubstitute", name: { zh: "江苏精细化工", en: "Jiangsu Fine Chemicals" } },
  { index: 11, role: "supplier", key: "platinumPrimary", name: { zh: "欧陆铂材", en: "EuroPlatinum Materials" } },
  {
    index: 12,
    role: "supplier",
    key: "platinumSubstitute",
    name: { zh: "昆明贵研铂业", en: "Kunming Precious Metals" },
  },
  { index: 13, role: "supplier", key: "equipment", name: { zh: "中科洁净设备", en: "Zhongke Cleanroom Equipment" } },
  { index: 14, role: "reporter", key: "reporterA", name: { zh: "预言机节点 A", en: "Oracle node A" } },
  { index: 15, role: "reporter", key: "reporterB", name: { zh: "预言机节点 B", en: "Oracle node B" } },
  { index: 16, role: "reporter", key: "reporterC", name: { zh: "预言机节点 C", en: "Oracle node C" } },
  { index: 17, role: "green", key: "green", name: { zh: "碳中和绿色投资基金", en: "Carbon Neutral Green Fund" } },
] as const satisfies readonly DemoAccount[];

export type DemoAccountKey = (typeof DEMO_ACCOUNTS)[number]["key"];
