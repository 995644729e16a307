/**
 * What each parameter of each custom error measures, so the dashboard renders it in the right unit (a token
 * amount with its decimals and symbol, a count, a position, a time) and never guesses from a name.
 *
 * Non-integer parameters take their unit from their Solidity type in the generated ABIs (address, bool, bytes,
 * string). An integer's type does not say what it counts, so every integer parameter of every error is listed in
 * ERROR_PARAM_UNITS below, by hand from the error's NatSpec in contracts/libraries/Errors.sol (and
 * OpenZeppelin's). The table's type is derived from the generated ABIs: a new error or a new integer parameter
 * without a unit, or an entry the ABIs no longer have, is a type error (and errorUnits.test.ts checks the same
 * at run time).
 */
import { abis, type ContractName } from "@/generated/abis";

/** Units of integer parameters. */
export type IntegerUnit =
  /** In units of the token's decimals. */
  | "amount"
  /** A number of things (milestones, reporters, jobs, bytes, a nonce). */
  | "count"
  /** A 0-based position (a milestone, a substitute, a pair); shown 1-based as the dashboard numbers them. */
  | "index"
  /** An identifier (project, component, confirmation, chain). */
  | "id"
  /** A point in time, Unix seconds. */
  | "time"
  /** A length of time, seconds. */
  | "duration"
  /** The ordinal of an enum member (a status, a stage). */
  | "enum";

/** The unit of any error parameter: an integer's from the table, the others' from their ABI type. */
export type ParamUnit = IntegerUnit | "address" | "bool" | "bytes" | "text";

type ErrorItem = Extract<(typeof abis)[ContractName][number], { type: "error" }>;
type IntegerInput<E extends ErrorItem> = Extract<E["inputs"][number], { type: `uint${string}` | `int${string}` }>;

/** Every error of the generated ABIs → the unit of each of its integer parameters. */
export type ErrorUnitTable = { [E in ErrorItem as E["name"]]: { [P in IntegerInput<E> as P["name"]]: IntegerUnit } };

export const ERROR_PARAM_UNITS = {
  // RDEscrow
  RDEscrow_AllMilestonesApproved: { projectId: "id" },
  RDEscrow_BudgetExceeded: { projectId: "id", milestoneIndex: "index", amount: "amount", remaining: "amount" },
  RDEscrow_CallerNotFirm: { projectId: "id" },
  RDEscrow_CallerNotRegistry: {},
  RDEscrow_CallerNotVerifier: { projectId: "id" },
  RDEscrow_DeadlineNotInFuture: { milestoneIndex: "index", deadline: "time", blockTimestamp: "time" },
  RDEscrow_DeadlineNotPassed: { projectId: "id", milestoneIndex: "index", deadline: "time" },
  RDEscrow_DeadlinesNotIncreasing: { milestoneIndex: "index", deadline: "time", previousDeadline: "time" },
  RDEscrow_InsufficientFunding: { projectId: "id", milestoneIndex: "index", funded: "amount", required: "amount" },
  RDEscrow_InvalidMilestoneCount: { count: "count", max: "count" },
  RDEscrow_InvalidToken: {},
  RDEscrow_InvalidVerifier: {},
  RDEscrow_GracePeriodNotOver: { projectId: "id", closableAfter: "time" },
  RDEscrow_InvalidSuccessor: { projectId: "id" },
  RDEscrow_InvoiceAlreadyPaid: {},
  RDEscrow_PayeeDisrupted: { since: "time" },
  RDEscrow_PayeeNotDisrupted: {},
  RDEscrow_MilestoneDeadlinePassed: { projectId: "id", milestoneIndex: "index", deadline: "time" },
  RDEscrow_MilestoneNotApproved: { projectId: "id", milestoneIndex: "index" },
  RDEscrow_MilestoneNotFound: { projectId: "id", milestoneIndex: "index", milestoneCount: "count" },
  RDEscrow_MilestoneNotSubmittable: { projectId: "id", milestoneIndex: "index", status: "enum" },
  RDEscrow_MilestoneNotSubmitted: { projectId: "id", milestoneIndex: "index", status: "enum" },
  RDEscrow_MilestoneOutOfOrder: { projectId: "id", milestoneIndex: "index", nextToApprove: "index" },
  RDEscrow_MilestonesPending: { projectId: "id", approvedCount: "count", milestoneCount: "count" },
  RDEscrow_NoContribution: { projectId: "id" },
  RDEscrow_OverFunding: { projectId: "id", amount: "amount", remaining: "amount" },
  RDEscrow_PayeeNotAllowed: { projectId: "id" },
  RDEscrow_ProjectNotActive: { projectId: "id", status: "enum" },
  RDEscrow_ProjectNotFound: { projectId: "id" },
  RDEscrow_RefundAlreadyClaimed: { projectId: "id" },
  RDEscrow_ResearchStageCapitalised: { milestoneIndex: "index" },
  RDEscrow_FiscalFundsAlreadyFlagged: { projectId: "id" },
  RDEscrow_RefundsNotOpen: { projectId: "id", status: "enum" },
  RDEscrow_StageRegression: { milestoneIndex: "index", stage: "enum", previousStage: "enum" },
  RDEscrow_TargetTooLarge: { target: "amount" },
  RDEscrow_UnexpectedBalanceChange: { projectId: "id", amount: "amount", received: "amount" },
  RDEscrow_ZeroAmount: {},
  RDEscrow_ZeroBudget: { milestoneIndex: "index" },
  RDEscrow_ZeroInvoiceHash: {},

  // SupplyChainRegistry
  SupplyChainRegistry_AlreadyCurrent: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_CallerNotFirm: { projectId: "id" },
  SupplyChainRegistry_CallerNotPool: {},
  SupplyChainRegistry_ComponentNotFound: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_DuplicateSupplier: {},
  SupplyChainRegistry_IdTooLarge: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_InvalidAdvance: { index: "index", advance: "amount", max: "amount" },
  SupplyChainRegistry_InvalidRegion: {},
  SupplyChainRegistry_InvalidSignature: {},
  SupplyChainRegistry_ListingAlreadyAccepted: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_ListingClosed: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_ListingNotAccepted: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_NotProjectPayee: { projectId: "id" },
  SupplyChainRegistry_InvalidSubstituteCount: { count: "count", max: "count" },
  SupplyChainRegistry_NotComponentSupplier: { projectId: "id", componentId: "id" },
  SupplyChainRegistry_PairNotFound: { pairIndex: "index" },
  SupplyChainRegistry_SignatureExpired: { deadline: "time", timestamp: "time" },
  SupplyChainRegistry_SubstituteNotIndependent: { projectId: "id" },
  SupplyChainRegistry_SupplierDisrupted: {},
  SupplyChainRegistry_SupplierNotRegistered: {},
  SupplyChainRegistry_TooManyPairs: { max: "count" },
  SupplyChainRegistry_ZeroAddress: {},

  // DisruptionOracle
  DisruptionOracle_DuplicateVote: {},
  DisruptionOracle_InvalidMaxReportAge: { maxReportAge: "duration" },
  DisruptionOracle_InvalidQuorum: { quorum: "count", reporterCount: "count" },
  DisruptionOracle_NoSignatures: {},
  DisruptionOracle_NothingToDeliver: { confirmationId: "id" },
  DisruptionOracle_ObservedInFuture: { observedAt: "time", blockTimestamp: "time" },
  DisruptionOracle_OutdatedReport: { currentConfirmationId: "id", reportConfirmationId: "id" },
  DisruptionOracle_PauseUnchanged: {},
  DisruptionOracle_ReportPredatesLastConfirmation: { observedAt: "time", confirmedAt: "time" },
  DisruptionOracle_ReportWouldNotChangeState: {},
  DisruptionOracle_ReporterAlreadyActive: {},
  DisruptionOracle_ReporterCapacityReached: { capacity: "count" },
  DisruptionOracle_StaleReport: { observedAt: "time", oldestAccepted: "time" },
  DisruptionOracle_SubscriberAlreadyAdded: {},
  DisruptionOracle_SubscriberNotFound: {},
  DisruptionOracle_SubscriberWithoutCode: {},
  DisruptionOracle_TooManySubscribers: { capacity: "count" },
  DisruptionOracle_TriggersPaused: {},
  DisruptionOracle_UnknownReporter: {},
  DisruptionOracle_ZeroAddress: {},

  // ContingencyPool
  ContingencyPool_AmountTooLarge: { projectId: "id", amount: "amount" },
  ContingencyPool_CallerNotFirm: { projectId: "id" },
  ContingencyPool_CallerNotOracle: {},
  ContingencyPool_InsufficientGas: { gasLeft: "count", needed: "count" },
  ContingencyPool_InvalidAllowance: { amount: "amount", exposureAllowance: "amount", disruptionAllowance: "amount" },
  ContingencyPool_NothingOwed: { projectId: "id" },
  ContingencyPool_NothingToProcess: { pendingJobs: "count", max: "count" },
  ContingencyPool_NothingToWithdraw: { projectId: "id" },
  ContingencyPool_ProjectNotActive: { projectId: "id", status: "enum" },
  ContingencyPool_QueuePending: { pendingJobs: "count" },
  ContingencyPool_RepayExceedsDebt: { projectId: "id", amount: "amount", outstanding: "amount" },
  ContingencyPool_TokenNotAllowed: { projectId: "id" },
  ContingencyPool_TriggersPaused: {},
  ContingencyPool_UnexpectedBalanceChange: { projectId: "id", amount: "amount", received: "amount" },
  ContingencyPool_ZeroAddress: {},
  ContingencyPool_ZeroAmount: {},

  // DemoStablecoin
  DemoStablecoin_MintingDisabledOnChain: { chainId: "id" },

  // OpenZeppelin
  AccessControlBadConfirmation: {},
  AccessControlUnauthorizedAccount: {},
  ECDSAInvalidSignature: {},
  ECDSAInvalidSignatureLength: { length: "count" },
  ECDSAInvalidSignatureS: {},
  ERC20InsufficientAllowance: { allowance: "amount", needed: "amount" },
  ERC20InsufficientBalance: { balance: "amount", needed: "amount" },
  ERC20InvalidApprover: {},
  ERC20InvalidReceiver: {},
  ERC20InvalidSender: {},
  ERC20InvalidSpender: {},
  ERC2612ExpiredSignature: { deadline: "time" },
  ERC2612InvalidSigner: {},
  InvalidAccountNonce: { currentNonce: "count" },
  InvalidShortString: {},
  OwnableInvalidOwner: {},
  OwnableUnauthorizedAccount: {},
  ReentrancyGuardReentrantCall: {},
  SafeERC20FailedOperation: {},
  StringTooLong: {},
} as const satisfies ErrorUnitTable;

type AbiInput = { readonly name: string; readonly type: string };

/** Error name → its parameters, from every generated ABI. */
const ERROR_INPUTS: ReadonlyMap<string, readonly AbiInput[]> = new Map(
  Object.values(abis).flatMap((abi) =>
    (abi as readonly { type: string; name?: string; inputs?: readonly AbiInput[] }[])
      .filter((item) => item.type === "error" && item.name !== undefined)
      .map((item) => [item.name as string, item.inputs ?? []] as const),
  ),
);

/** The parameters of `errorName` as the generated ABIs declare them (empty for an unknown error). */
export function errorInputs(errorName: string): readonly AbiInput[] {
  return ERROR_INPUTS.get(errorName) ?? [];
}

/** The unit a Solidity type alone decides; undefined for integers (their unit is in the table). */
export function unitOfType(type: string): Exclude<ParamUnit, IntegerUnit> | undefined {
  if (type === "address") return "address";
  if (type === "bool") return "bool";
  if (type === "string") return "text";
  if (/^bytes\d*$/.test(type)) return "bytes";
  return undefined;
}

/**
 * The unit of parameter `param` (its name, or its position as "0", "1", …) of error `errorName`; undefined when
 * the ABIs do not know the error or the parameter (it is then rendered as it is, never as money).
 */
export function errorParamUnit(errorName: string, param: string): ParamUnit | undefined {
  const inputs = errorInputs(errorName);
  const input = /^\d+$/.test(param) ? inputs[Number(param)] : inputs.find((i) => i.name === param);
  if (!input) return undefined;
  const byType = unitOfType(input.type);
  if (byType) return byType;
  const table = ERROR_PARAM_UNITS as Record<string, Record<string, IntegerUnit> | undefined>;
  return table[errorName]?.[input.name];
}
