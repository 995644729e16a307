/**
 * The chain's vocabulary in both languages, in one catalogue: every contract, every event and every event
 * parameter of the generated ABIs (keyed by contract → event → parameter), and the members of the enums the
 * dashboard shows. The types are derived from the `as const` ABIs and the generated enums, so
 * `npm run typecheck -w web` fails when a contract gains an event or a parameter without words here, and when
 * an entry here names an event or parameter the ABIs no longer have.
 *
 * A parameter entry may say how its value reads (`as`): a token amount, a unix time, a 0-based index shown
 * 1-based (milestones are "1, 2, 3" everywhere on screen), or an enum shown by its member's words. Without
 * `as`, addresses are parties, 32-byte values hashes, other integers numbers.
 */
import type { AbiEvent } from "viem";
import type { abis, ContractName } from "../generated/abis.ts";
import {
  CategoryNames,
  FailoverOutcomeNames,
  MilestoneStatusNames,
  ProjectStatusNames,
  SkipReasonNames,
  StageNames,
  type CategoryName,
  type FailoverOutcomeName,
  type MilestoneStatusName,
  type ProjectStatusName,
  type SkipReasonName,
  type StageName,
} from "../generated/enums.ts";
import type { Locale } from "../lib/format.ts";

/** One thing said in both languages. */
export interface Words {
  readonly en: string;
  readonly zh: string;
}

/** The member names of each enum the dashboard shows, indexed by value (from the generated enums). */
export const ENUM_MEMBERS = {
  ProjectStatus: ProjectStatusNames,
  Stage: StageNames,
  MilestoneStatus: MilestoneStatusNames,
  Category: CategoryNames,
  FailoverOutcome: FailoverOutcomeNames,
  SkipReason: SkipReasonNames,
} as const;
export type EnumName = keyof typeof ENUM_MEMBERS;

/** How a parameter's value reads (`region`: a two-letter ISO 3166 code packed in bytes2). */
export type ParamFormat = "amount" | "time" | "ordinal" | "region" | EnumName;

export interface ParamWords extends Words {
  readonly as?: ParamFormat;
}

type EventsOf<C extends ContractName> = Extract<(typeof abis)[C][number], { type: "event" }>;
type ParamsOf<E extends AbiEvent> = { readonly [P in E["inputs"][number] as P["name"] & string]: ParamWords };
type EventEntry<E extends AbiEvent> = Words & { readonly params: ParamsOf<E> };
type ContractEvents<C extends ContractName> = { readonly [E in EventsOf<C> as E["name"]]: EventEntry<E> };

/** The catalogue's shape: exactly the ABIs' contracts, events and parameters (no more, no fewer). */
export type EventCatalogue = { readonly [C in ContractName]: Words & { readonly events: ContractEvents<C> } };

export type EnumCatalogue = {
  readonly ProjectStatus: Record<ProjectStatusName, Words>;
  readonly Stage: Record<StageName, Words>;
  readonly MilestoneStatus: Record<MilestoneStatusName, Words>;
  readonly Category: Record<CategoryName, Words>;
  readonly FailoverOutcome: Record<FailoverOutcomeName, Words>;
  readonly SkipReason: Record<SkipReasonName, Words>;
};

const w = (en: string, zh: string, as?: ParamFormat): ParamWords => (as ? { en, zh, as } : { en, zh });

// Parameters that read the same in every event that has them.
const projectId = w("Project", "项目");
const milestoneIndex = w("Milestone", "里程碑", "ordinal");
const amount = w("Amount", "金额", "amount");
const financier = w("Financier", "出资方");
const supplier = w("Supplier", "供应商");
const componentId = w("Component", "部件");
const confirmationId = w("Confirmation", "确认编号");
const evidenceHash = w("Evidence", "证据");
const metadataHash = w("Document", "文档");
const refundable = w("Refundable to financiers", "可退还出资方", "amount");
const subscriber = w("Subscriber", "订阅方");
const reporter = w("Reporter", "报告方");
const jobId = w("Queue job", "队列任务");

/** Events of OpenZeppelin's ERC-20 (the demo token and any token a project uses). */
const erc20Events = {
  Transfer: {
    en: "Token transfer",
    zh: "代币转账",
    params: { from: w("From", "付款方"), to: w("To", "收款方"), value: w("Amount", "金额", "amount") },
  },
  Approval: {
    en: "Spending approved",
    zh: "授权使用",
    params: {
      owner: w("Owner", "持有人"),
      spender: w("Spender", "被授权方"),
      value: w("Allowance", "授权额度", "amount"),
    },
  },
} as const;

/** Events of OpenZeppelin's Ownable2Step (the contingency pool; the demo token's Ownable has the second). */
const ownershipEvents = {
  OwnershipTransferStarted: {
    en: "Ownership transfer started",
    zh: "所有权转移已发起",
    params: { previousOwner: w("Current owner", "现所有者"), newOwner: w("Pending owner", "待接受的所有者") },
  },
  OwnershipTransferred: {
    en: "Ownership transferred",
    zh: "所有权转移",
    params: { previousOwner: w("Previous owner", "原所有者"), newOwner: w("New owner", "新所有者") },
  },
} as const;

const eip712DomainChanged = { en: "Signing domain changed", zh: "签名域变更", params: {} } as const;
const documentPublished = {
  en: "Document published",
  zh: "文档公开",
  params: { documentHash: w("Document", "文档"), text: w("Text", "文本") },
} as const;

export const eventCatalogue: EventCatalogue = {
  RDEscrow: {
    en: "R&D escrow",
    zh: "研发托管",
    events: {
      ProjectCreated: {
        en: "Project created",
        zh: "项目创建",
        params: {
          projectId,
          firm: w("Firm", "企业"),
          verifier: w("Verifier", "验收方"),
          token: w("Token", "代币"),
          target: w("Funding target", "融资目标", "amount"),
          metadataHash: w("Description", "项目说明"),
          milestones: w("Milestones", "里程碑"),
        },
      },
      ProjectClassified: {
        en: "Project classified",
        zh: "项目分类",
        params: {
          projectId,
          rdForm: w("R&D form", "研发形式"),
          greenCategory: w("Green category", "绿色项目类别"),
        },
      },
      FiscalFundsFlagged: {
        en: "Fiscal funds flagged",
        zh: "标记为财政性资金",
        params: { projectId, financier, contributed: w("Contributed", "出资额", "amount") },
      },
      Funded: { en: "Funded", zh: "出资", params: { projectId, financier, amount } },
      MilestoneSubmitted: {
        en: "Milestone submitted",
        zh: "里程碑提交验收",
        params: { projectId, milestoneIndex, evidenceHash },
      },
      MilestoneApproved: { en: "Milestone approved", zh: "里程碑通过验收", params: { projectId, milestoneIndex } },
      MilestoneRejected: {
        en: "Milestone rejected",
        zh: "里程碑被驳回",
        params: { projectId, milestoneIndex, reasonHash: w("Reason", "驳回理由") },
      },
      Disbursed: {
        en: "Paid",
        zh: "付款",
        params: {
          projectId,
          payee: w("Payee", "收款方"),
          amount,
          milestoneIndex,
          category: w("Category", "用途", "Category"),
          invoiceHash: w("Invoice", "发票"),
        },
      },
      ProjectFailed: { en: "Project failed", zh: "项目失败", params: { projectId, milestoneIndex, refundable } },
      ProjectCancelled: { en: "Project cancelled", zh: "项目取消", params: { projectId, refundable } },
      ProjectCompleted: { en: "Project completed", zh: "项目完成", params: { projectId, refundable } },
      Refunded: { en: "Refunded", zh: "退款", params: { projectId, financier, amount } },
      DocumentPublished: documentPublished,
      InvoiceReleased: {
        en: "Invoice released",
        zh: "发票放行",
        params: {
          projectId,
          payee: w("Payee", "收款方"),
          invoiceHash: w("Invoice", "发票"),
          confirmationId: w("Disruption confirmation", "中断确认编号"),
        },
      },
      ProjectClosedAfterGracePeriod: {
        en: "Closed after the grace period",
        zh: "宽限期满后结项",
        params: { projectId, closedBy: w("Closed by", "结项人"), refundable },
      },
      VerifierTransferred: {
        en: "Verifier handed over",
        zh: "验收方移交",
        params: {
          projectId,
          previousVerifier: w("Previous verifier", "原验收方"),
          newVerifier: w("New verifier", "新验收方"),
        },
      },
    },
  },
  SupplyChainRegistry: {
    en: "Supply-chain registry",
    zh: "供应链登记",
    events: {
      SupplierRegistered: {
        en: "Supplier registered",
        zh: "供应商登记",
        params: {
          supplier,
          registeredBy: w("Registered by", "登记人"),
          metadataHash: w("Supplier document", "供应商资料"),
          region: w("Region", "地区", "region"),
        },
      },
      ProjectSupplierAdded: { en: "Supplier added to project", zh: "供应商加入项目", params: { projectId, supplier } },
      ProjectSupplierRemoved: {
        en: "Supplier removed from project",
        zh: "供应商移出项目",
        params: { projectId, supplier },
      },
      EIP712DomainChanged: eip712DomainChanged,
      DocumentPublished: documentPublished,
      ListingAccepted: {
        en: "Listing accepted",
        zh: "供应商接受列名",
        params: {
          projectId,
          componentId,
          supplier,
          position: w("Position in the component", "在部件中的位次", "ordinal"),
          eligibleFrom: w("Counts for financing from", "可获融资起始时间", "time"),
        },
      },
      ListingLeft: {
        en: "Listing left",
        zh: "供应商退出列名",
        params: {
          projectId,
          componentId,
          supplier,
          position: w("Position in the component", "在部件中的位次", "ordinal"),
          wasAccepted: w("Had been accepted", "此前已接受"),
        },
      },
      ComponentDefined: {
        en: "Component defined",
        zh: "关键部件登记",
        params: {
          projectId,
          componentId,
          primary: w("Primary supplier", "主供应商"),
          substitutes: w("Substitutes", "替代供应商"),
          advances: w("Advances", "预付款"),
          metadataHash: w("Specification", "部件规格"),
        },
      },
      ComponentSwitched: {
        en: "Supplier switched",
        zh: "切换供应商",
        params: {
          projectId,
          componentId,
          to: w("To", "切换至"),
          from: w("From", "原供应商"),
          confirmationId: w("Disruption confirmation", "中断确认编号"),
        },
      },
    },
  },
  DisruptionOracle: {
    en: "Disruption oracle",
    zh: "中断预言机",
    events: {
      DisruptionReported: {
        en: "Report",
        zh: "状态报告",
        params: {
          supplier,
          reporter,
          disrupted: w("Disrupted", "中断"),
          evidenceHash,
          observedAt: w("Observed at", "观察时间", "time"),
          votes: w("Votes", "票数"),
          quorum: w("Quorum", "法定人数"),
        },
      },
      DisruptionConfirmed: {
        en: "Disruption confirmed",
        zh: "确认中断",
        params: { supplier, confirmationId, evidenceHash },
      },
      RecoveryConfirmed: {
        en: "Recovery confirmed",
        zh: "确认恢复",
        params: { supplier, confirmationId, evidenceHash },
      },
      NotificationsDeferred: { en: "Notifications deferred", zh: "通知延后", params: { confirmationId } },
      SubscriberNotified: { en: "Subscriber notified", zh: "已通知订阅方", params: { confirmationId, subscriber } },
      SubscriberNotificationFailed: {
        en: "Subscriber notification failed",
        zh: "通知订阅方失败",
        params: { confirmationId, subscriber, reason: w("Revert data", "回退数据") },
      },
      SubscriberAdded: { en: "Subscriber added", zh: "添加订阅方", params: { subscriber } },
      SubscriberRemoved: { en: "Subscriber removed", zh: "移除订阅方", params: { subscriber } },
      ReporterAdded: { en: "Reporter added", zh: "添加报告方", params: { reporter, index: w("Slot", "席位") } },
      ReporterRemoved: { en: "Reporter removed", zh: "移除报告方", params: { reporter } },
      QuorumChanged: {
        en: "Quorum changed",
        zh: "法定人数变更",
        params: { quorum: w("Quorum", "法定人数"), reporterCount: w("Reporters", "报告方数量") },
      },
      TriggersPaused: {
        en: "Triggers paused or resumed",
        zh: "自动触发暂停或恢复",
        params: { paused: w("Paused", "已暂停") },
      },
      RoleGranted: {
        en: "Role granted",
        zh: "授予角色",
        params: { role: w("Role", "角色"), account: w("Account", "账户"), sender: w("Granted by", "授予人") },
      },
      RoleRevoked: {
        en: "Role revoked",
        zh: "撤销角色",
        params: { role: w("Role", "角色"), account: w("Account", "账户"), sender: w("Revoked by", "撤销人") },
      },
      RoleAdminChanged: {
        en: "Role admin changed",
        zh: "角色管理员变更",
        params: {
          role: w("Role", "角色"),
          previousAdminRole: w("Previous admin role", "原管理角色"),
          newAdminRole: w("New admin role", "新管理角色"),
        },
      },
      EIP712DomainChanged: eip712DomainChanged,
    },
  },
  ContingencyPool: {
    en: "Contingency pool",
    zh: "应急资金池",
    events: {
      Committed: {
        en: "Committed to pool",
        zh: "承诺注资",
        params: {
          projectId,
          financier,
          amount,
          shares: w("Pool shares", "资金池份额"),
        },
      },
      PoolTermsSet: {
        en: "Pool terms set",
        zh: "设定资金池条款",
        params: {
          projectId,
          exposureBps: w("Exposure cap (bp of the pool)", "风险敞口上限（资金池的基点）"),
          disruptionBps: w("Per-disruption cap (bp of the pool)", "单次中断上限（资金池的基点）"),
          withdrawalNotice: w("Withdrawal notice (s)", "提取通知期（秒）"),
          repaymentTerm: w("Repayment term (s)", "还款期限（秒）"),
          effectiveAt: w("In force from", "生效时间", "time"),
        },
      },
      WithdrawalRequested: {
        en: "Withdrawal requested",
        zh: "申请提取",
        params: { projectId, financier, executableAt: w("Executable from", "可执行时间", "time") },
      },
      SubstituteFinanced: {
        en: "Substitute financed",
        zh: "替代供应商融资",
        params: {
          projectId,
          substitute: w("Substitute", "替代供应商"),
          amount: w("Advance", "预付款", "amount"),
          componentId,
          disruptedSupplier: w("Disrupted supplier", "中断的供应商"),
          disruptionId: w("Disruption confirmation", "中断确认编号"),
        },
      },
      AdvanceOwed: {
        en: "Advance owed to the substitute (the token refused the payment)",
        zh: "欠付替代供应商的预付款（代币拒绝转账）",
        params: {
          projectId,
          substitute: w("Substitute", "替代供应商"),
          amount: w("Advance", "预付款", "amount"),
          componentId,
          disruptedSupplier: w("Disrupted supplier", "中断的供应商"),
          disruptionId: w("Disruption confirmation", "中断确认编号"),
        },
      },
      AdvanceClaimed: {
        en: "Owed advance paid",
        zh: "欠付预付款已支付",
        params: {
          projectId,
          substitute: w("Substitute", "替代供应商"),
          amount: w("Advance", "预付款", "amount"),
          caller: w("Caller", "调用方"),
        },
      },
      FinancingSkipped: {
        en: "Financing skipped",
        zh: "未融资",
        params: {
          projectId,
          componentId,
          disruptedSupplier: w("Disrupted supplier", "中断的供应商"),
          confirmationId,
          reason: w("Reason", "原因", "SkipReason"),
          advance: w("Advance", "预付款", "amount"),
        },
      },
      Repaid: { en: "Repaid", zh: "还款", params: { projectId, firm: w("Firm", "企业"), amount } },
      Withdrawn: { en: "Withdrawn", zh: "提取", params: { projectId, financier, amount } },
      ClaimOpened: {
        en: "Repayment claim opened",
        zh: "开立还款债权",
        params: {
          projectId,
          financier,
          debt: w("Claim on repayments", "应收还款", "amount"),
          units: w("Claim units", "债权份额"),
        },
      },
      Queued: {
        en: "Financing queued",
        zh: "融资排队",
        params: { supplier, confirmationId, jobId, nextPairIndex: w("Next pair", "下一供应关系") },
      },
      QueueJobDone: {
        en: "Queue job done",
        zh: "队列任务完成",
        params: { supplier, confirmationId, jobId, dropped: w("Dropped (outdated)", "已丢弃（已过时）") },
      },
      ProjectTokenSet: {
        en: "Project token list changed",
        zh: "项目代币列表变更",
        params: { token: w("Token", "代币"), allowed: w("Allowed", "允许") },
      },
      ...ownershipEvents,
    },
  },
  DemoStablecoin: {
    en: "Demo stablecoin",
    zh: "演示稳定币",
    events: {
      ...erc20Events,
      OwnershipTransferred: ownershipEvents.OwnershipTransferred,
      EIP712DomainChanged: eip712DomainChanged,
    },
  },
  Errors: { en: "Errors", zh: "错误定义", events: {} },
  ERC20: { en: "Token", zh: "代币", events: erc20Events },
};

export const enumCatalogue: EnumCatalogue = {
  ProjectStatus: {
    None: { en: "Not created", zh: "未创建" },
    Active: { en: "Active", zh: "进行中" },
    Completed: { en: "Completed", zh: "已完成" },
    Failed: { en: "Failed", zh: "已失败" },
    Cancelled: { en: "Cancelled", zh: "已取消" },
  },
  Stage: {
    Research: { en: "Research", zh: "研究" },
    Pilot: { en: "Pilot", zh: "中试" },
    Market: { en: "Market", zh: "市场化" },
  },
  MilestoneStatus: {
    Pending: { en: "Pending", zh: "待提交" },
    Submitted: { en: "Submitted", zh: "已提交" },
    Approved: { en: "Approved", zh: "已通过" },
    Rejected: { en: "Rejected", zh: "已驳回" },
  },
  Category: {
    Personnel: { en: "Personnel costs", zh: "人员人工费用" },
    DirectInputs: { en: "Direct inputs", zh: "直接投入费用" },
    Depreciation: { en: "Depreciation", zh: "折旧费用" },
    Amortisation: { en: "Amortisation of intangibles", zh: "无形资产摊销" },
    NewProductDesign: { en: "New product design etc.", zh: "新产品设计费等" },
    OtherRelated: { en: "Other related expenses", zh: "其他相关费用" },
    EntrustedDomestic: { en: "Entrusted R&D (domestic)", zh: "委托研发（境内）" },
    EntrustedAbroad: { en: "Entrusted R&D (abroad)", zh: "委托研发（境外）" },
    NonQualifying: { en: "Not a qualifying R&D expense", zh: "不属于可加计扣除的研发费用" },
  },
  FailoverOutcome: {
    Switched: { en: "Switched to a substitute", zh: "已切换至替代供应商" },
    NotAffected: { en: "Not affected", zh: "未受影响" },
    NoHealthySubstitute: { en: "No healthy substitute left", zh: "无可用的健康替代供应商" },
    OverBudget: { en: "Advance over budget", zh: "预付款超出预算" },
    NotEligible: { en: "Listing not yet eligible at the confirmation", zh: "确认时列名尚未生效" },
  },
  SkipReason: {
    NoHealthySubstitute: { en: "No healthy substitute left", zh: "无可用的健康替代供应商" },
    InsufficientLiquidity: {
      en: "The pool's liquidity could not cover the advance",
      zh: "资金池流动性不足以支付预付款",
    },
    ExposureCapReached: { en: "The pool's exposure cap was reached", zh: "已达资金池风险敞口上限" },
    DisruptionCapReached: { en: "This disruption's financing cap was reached", zh: "已达本次断供的融资上限" },
    ProjectClosed: {
      en: "The project is closed (failed, cancelled or completed): component not switched",
      zh: "项目已关闭（失败、取消或完成）：部件未切换",
    },
  },
};

// ---------------------------------------------------------------------------------------------------------
// Look-ups by the names a decoded log carries at run time (strings); undefined for anything not catalogued.
// ---------------------------------------------------------------------------------------------------------

type LooseCatalogue = Record<
  string,
  Words & { events: Record<string, Words & { params: Record<string, ParamWords> }> }
>;
const loose = eventCatalogue as unknown as LooseCatalogue;

export const contractWords = (contract: string): Words | undefined => loose[contract];

export const eventWords = (
  contract: string,
  event: string,
): (Words & { params: Record<string, ParamWords> }) | undefined => loose[contract]?.events[event];

export const paramWords = (contract: string, event: string, param: string): ParamWords | undefined =>
  eventWords(contract, event)?.params[param];

/** The words of an enum member by its value (as a log carries it), if it is one. */
export function enumWords(name: EnumName, value: number | bigint): Words | undefined {
  const member = (ENUM_MEMBERS[name] as readonly string[])[Number(value)];
  return member === undefined ? undefined : (enumCatalogue[name] as Record<string, Words>)[member];
}

/** The enum formats (ParamFormat members that are enums). */
export const isEnumFormat = (f: ParamFormat | undefined): f is EnumName => !!f && f in ENUM_MEMBERS;

/** The catalogue's look-ups in one language, falling back to the raw name for anything not catalogued. */
export interface ChainWordsIn {
  contract(contract: string): string;
  event(contract: string, event: string): string;
  param(contract: string, event: string, param: string): string;
  enumValue(name: EnumName, value: number | bigint): string;
}

export function chainWordsIn(locale: Locale): ChainWordsIn {
  return {
    contract: (contract) => contractWords(contract)?.[locale] ?? contract,
    event: (contract, event) => eventWords(contract, event)?.[locale] ?? event,
    param: (contract, event, param) => paramWords(contract, event, param)?.[locale] ?? param,
    enumValue: (name, value) => enumWords(name, value)?.[locale] ?? String(value),
  };
}
