/**
 * The indexer's tables: what the dashboard's views ask for, each a page or an aggregate, never the whole history.
 *
 * Written only by the reducers of src/reducers/ (one per event of our contracts, see src/reducers/index.ts) through
 * src/apply.ts. Amounts are in token units (the token's decimals); addresses are lower-case hex. The contract side
 * of a movement is the emitting contract's address with the project id: the escrow of project P is
 * (RDEscrow address, P), the contingency pool of P is (ContingencyPool address, P) — as in docs/EVENTS.md.
 *
 * Tables fall into three kinds:
 *   - entities (project, milestone, position, pool, supplier, component, disruption, ...): one row per thing,
 *     its current state and running totals;
 *   - history (event, flow, payment, financing, ...): one row per event, for paginated, filtered trails;
 *   - aggregates (flow_edge, party_total, token_balance): running sums that a view reads in one query.
 */
import { index, onchainTable, primaryKey } from "ponder";

import type { FlowKind, ListingStatus, MilestoneStatus, ProjectStatus } from "./src/vocabulary";

// ---- history --------------------------------------------------------------------------------------------------

/** Every event of our contracts, in chain order: the audit trail (filter by contract, name, project, party). */
export const event = onchainTable(
  "event",
  (t) => ({
    /** Ponder's event id (sorts in chain order). */
    id: t.text().primaryKey(),
    contract: t.text().notNull(),
    name: t.text().notNull(),
    address: t.hex().notNull(),
    projectId: t.bigint(),
    /** Every address among the event's arguments (for "events involving X"). */
    parties: t.hex().array().notNull(),
    /** The decoded arguments (bigints as decimal strings). */
    args: t.json().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
  }),
  (table) => ({
    projectIdx: index().on(table.projectId),
    nameIdx: index().on(table.contract, table.name),
    blockIdx: index().on(table.blockNumber),
    /** "Events by X" (`parties_has`, an array containment): a financier's movements, the audit trail's party. */
    partiesIdx: index().using("gin", table.parties),
  }),
);

/**
 * How many `event` rows each audit-trail scope holds (web/src/lib/indexer/eventCount.ts names the scopes: every event, one
 * project's, one event name's), kept by the handler that writes the row. A page of the audit trail or of a
 * project's trail takes its total from here: counting the matching rows of `event` would read all of them, a cost
 * that grows with the history (1.35 s of a 1.5 s budget at 1,000,000 events).
 */
export const eventCount = onchainTable("event_count", (t) => ({
  scope: t.text().primaryKey(),
  count: t.integer().notNull(),
}));

/** One token movement (a fund-flow edge): from → to, token, amount, kind. */
export const flow = onchainTable(
  "flow",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().$type<FlowKind>().notNull(),
    projectId: t.bigint().notNull(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    projectIdx: index().on(table.projectId),
    fromIdx: index().on(table.from),
    toIdx: index().on(table.to),
  }),
);

/** Σ of the flows per (from, to, token, kind, project): the fund-flow diagram in one query. */
export const flowEdge = onchainTable(
  "flow_edge",
  (t) => ({
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    token: t.hex().notNull(),
    kind: t.text().$type<FlowKind>().notNull(),
    projectId: t.bigint().notNull(),
    amount: t.bigint().notNull().default(0n),
    count: t.integer().notNull().default(0),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.from, table.to, table.token, table.kind, table.projectId] }) }),
);

/**
 * Per-party totals of the movements through our contracts, per token: what a party received and sent. For the
 * escrow and the pool (contract parties) `net` is what the contract holds of that token.
 */
export const partyTotal = onchainTable(
  "party_total",
  (t) => ({
    party: t.hex().notNull(),
    token: t.hex().notNull(),
    received: t.bigint().notNull().default(0n),
    sent: t.bigint().notNull().default(0n),
    net: t.bigint().notNull().default(0n),
    movements: t.integer().notNull().default(0),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.party, table.token] }) }),
);

/** Token balances from the indexed token's `Transfer` events (only tokens in the deployment record). */
export const tokenBalance = onchainTable(
  "token_balance",
  (t) => ({
    token: t.hex().notNull(),
    holder: t.hex().notNull(),
    balance: t.bigint().notNull().default(0n),
    received: t.bigint().notNull().default(0n),
    sent: t.bigint().notNull().default(0n),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.token, table.holder] }) }),
);

/** Token allowances (`Approval`) of the indexed token. */
export const allowance = onchainTable(
  "allowance",
  (t) => ({
    token: t.hex().notNull(),
    owner: t.hex().notNull(),
    spender: t.hex().notNull(),
    value: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.token, table.owner, table.spender] }) }),
);

// ---- escrow ---------------------------------------------------------------------------------------------------

export const project = onchainTable(
  "project",
  (t) => ({
    id: t.bigint().primaryKey(),
    escrow: t.hex().notNull(),
    firm: t.hex().notNull(),
    verifier: t.hex().notNull(),
    token: t.hex().notNull(),
    target: t.bigint().notNull(),
    metadataHash: t.hex().notNull(),
    milestoneCount: t.integer().notNull(),
    status: t.text().$type<ProjectStatus>().notNull(),
    /** From `ProjectClassified` (same transaction): EscrowTypes.sol `RdForm` and `GreenCategory`. */
    rdForm: t.integer(),
    greenCategory: t.integer(),
    /** Σ Funded, Σ Disbursed, Σ Refunded and what the escrow holds for the project (funded − disbursed − refunded). */
    funded: t.bigint().notNull().default(0n),
    disbursed: t.bigint().notNull().default(0n),
    refunded: t.bigint().notNull().default(0n),
    held: t.bigint().notNull().default(0n),
    /** Set when the project closes: what its financiers share pro rata. */
    refundable: t.bigint(),
    failedMilestone: t.integer(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    /** The ProjectCreated transaction (the project page links it). */
    createdTx: t.hex().notNull(),
    closedAt: t.bigint(),
  }),
  (table) => ({ firmIdx: index().on(table.firm) }),
);

export const milestone = onchainTable(
  "milestone",
  (t) => ({
    projectId: t.bigint().notNull(),
    index: t.integer().notNull(),
    budget: t.bigint().notNull(),
    deadline: t.bigint().notNull(),
    /** contracts/types/EscrowTypes.sol `Stage`: 0 Research, 1 Pilot, 2 Market. */
    stage: t.integer().notNull(),
    status: t.text().$type<MilestoneStatus>().notNull(),
    evidenceHash: t.hex(),
    reasonHash: t.hex(),
    paid: t.bigint().notNull().default(0n),
    payments: t.integer().notNull().default(0),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.projectId, table.index] }) }),
);

/** A `Disbursed`: escrow → payee, for a milestone, with category and invoice hash. */
export const payment = onchainTable(
  "payment",
  (t) => ({
    id: t.text().primaryKey(),
    projectId: t.bigint().notNull(),
    milestoneIndex: t.integer().notNull(),
    payee: t.hex().notNull(),
    amount: t.bigint().notNull(),
    /** contracts/types/EscrowTypes.sol `Category`, the statutory taxonomy (docs/RD-LEDGER.md). */
    category: t.integer().notNull(),
    invoiceHash: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ projectIdx: index().on(table.projectId), payeeIdx: index().on(table.payee) }),
);

/** A financier's position in a project: escrow funding and refunds, pool commitment and withdrawals. */
export const position = onchainTable(
  "position",
  (t) => ({
    projectId: t.bigint().notNull(),
    financier: t.hex().notNull(),
    funded: t.bigint().notNull().default(0n),
    refunded: t.bigint().notNull().default(0n),
    committed: t.bigint().notNull().default(0n),
    shares: t.bigint().notNull().default(0n),
    /** `WithdrawalRequested.executableAt`: from when its requested exit may execute (null = never requested). */
    withdrawalExecutableAt: t.bigint(),
    withdrawn: t.bigint().notNull().default(0n),
    /** Σ ClaimOpened.debt: outstanding financing turned into a claim on later repayments. */
    claimDebt: t.bigint().notNull().default(0n),
    claimUnits: t.bigint().notNull().default(0n),
    /** `FiscalFundsFlagged`: the financier's contribution is non-taxable fiscal funds (docs/RD-LEDGER.md). */
    fiscalFunds: t.boolean().notNull().default(false),
    /** Σ of the financier's movements in the project (Funded, Refunded, Committed, Withdrawn): its list's length. */
    movements: t.integer().notNull().default(0),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.projectId, table.financier] }),
    financierIdx: index().on(table.financier),
  }),
);

// ---- contingency pool -----------------------------------------------------------------------------------------

/**
 * A project's contingency pool: held = committed − financed − advancesClaimed + repaid − withdrawn
 * (= `poolBalance(projectId)`, which counts an owed advance until it is claimed).
 */
export const pool = onchainTable("pool", (t) => ({
  projectId: t.bigint().primaryKey(),
  address: t.hex().notNull(),
  committed: t.bigint().notNull().default(0n),
  shares: t.bigint().notNull().default(0n),
  financed: t.bigint().notNull().default(0n),
  repaid: t.bigint().notNull().default(0n),
  withdrawn: t.bigint().notNull().default(0n),
  held: t.bigint().notNull().default(0n),
  financings: t.integer().notNull().default(0),
  /** Advances the token refused (`AdvanceOwed`) and not yet claimed: still held by the pool. */
  owed: t.bigint().notNull().default(0n),
  /** Σ `AdvanceClaimed`: owed advances paid out later (pool → substitute). */
  advancesClaimed: t.bigint().notNull().default(0n),
  /**
   * The terms of the firm's latest `PoolTermsSet` (the same for every financier), in force from `termsEffectiveAt`
   * (a loosening is pending until then; null = never set).
   */
  exposureBps: t.integer(),
  disruptionBps: t.integer(),
  withdrawalNotice: t.bigint(),
  repaymentTerm: t.bigint(),
  termsEffectiveAt: t.bigint(),
}));

/** Advances a project's pool owes a substitute since the token refused their transfer (`AdvanceOwed`). */
export const owedAdvance = onchainTable(
  "owed_advance",
  (t) => ({
    projectId: t.bigint().notNull(),
    substitute: t.hex().notNull(),
    /** Owed now (Σ AdvanceOwed − Σ AdvanceClaimed). */
    owed: t.bigint().notNull().default(0n),
    /** Σ AdvanceClaimed. */
    claimed: t.bigint().notNull().default(0n),
    /** How many `AdvanceOwed` the pair had, and the latest one's time and transaction. */
    refusals: t.integer().notNull().default(0),
    lastRefusedAt: t.bigint(),
    lastRefusalTx: t.hex(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.projectId, table.substitute] }),
    substituteIdx: index().on(table.substitute),
  }),
);

/** The tokens projects' contingency pools may hold (`ProjectTokenSet`; the constructor's list included). */
export const projectToken = onchainTable("project_token", (t) => ({
  token: t.hex().primaryKey(),
  allowed: t.boolean().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** A `SubstituteFinanced`: pool → substitute supplier, owed by the firm. */
export const financing = onchainTable(
  "financing",
  (t) => ({
    id: t.text().primaryKey(),
    projectId: t.bigint().notNull(),
    componentId: t.bigint().notNull(),
    substitute: t.hex().notNull(),
    disruptedSupplier: t.hex().notNull(),
    disruptionId: t.bigint().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ projectIdx: index().on(table.projectId), disruptionIdx: index().on(table.disruptionId) }),
);

/** A `FinancingSkipped`: an affected pair that was not financed, and why. */
export const financingSkip = onchainTable(
  "financing_skip",
  (t) => ({
    id: t.text().primaryKey(),
    projectId: t.bigint().notNull(),
    componentId: t.bigint().notNull(),
    disruptedSupplier: t.hex().notNull(),
    confirmationId: t.bigint().notNull(),
    reason: t.integer().notNull(),
    reasonName: t.text().notNull(),
    advance: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ projectIdx: index().on(table.projectId) }),
);

/** The pool's processing queue for disruptions with more pairs than one callback handles. */
export const queueJob = onchainTable("queue_job", (t) => ({
  jobId: t.bigint().primaryKey(),
  supplier: t.hex().notNull(),
  confirmationId: t.bigint().notNull(),
  nextPairIndex: t.bigint().notNull(),
  done: t.boolean().notNull().default(false),
  dropped: t.boolean().notNull().default(false),
}));

// ---- registry -------------------------------------------------------------------------------------------------

/**
 * A supplier: its registration (null until `SupplierRegistered`) and its state in the oracle, which equals
 * `DisruptionOracle.supplierStatus(address)` (disrupted, since, confirmationId). A row exists once the supplier
 * registered, was reported on or was confirmed.
 */
export const supplier = onchainTable(
  "supplier",
  (t) => ({
    address: t.hex().primaryKey(),
    registeredBy: t.hex(),
    metadataHash: t.hex(),
    /** ISO 3166-1 alpha-2 as bytes2 hex. */
    region: t.hex(),
    /** From the oracle's confirmations. */
    disrupted: t.boolean().notNull().default(false),
    lastConfirmationId: t.bigint(),
    /** Unix seconds of the last confirmation (disruption or recovery; null if never confirmed). */
    since: t.bigint(),
    /** The evidence hash of the last confirmation (the vote that reached the quorum). */
    evidenceHash: t.hex(),
    /** Σ `DisruptionReported` about the supplier: every reporter's vote, all rounds. */
    reports: t.integer().notNull().default(0),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ disruptedIdx: index().on(table.disrupted) }),
);

/**
 * A published document (DocumentPublished of the escrow or the registry): its text by its hash, verified
 * (keccak256 of the text is the hash), with who published it and where. The first publication of a hash is kept; a
 * hash without a row is private or was never published (the tables that carry the hash say which field it is).
 */
export const document = onchainTable("document", (t) => ({
  documentHash: t.hex().primaryKey(),
  /** UTF-8, at most 2,048 bytes (Documents.MAX_TEXT_BYTES); anyone's input: render as plain text only. */
  text: t.text().notNull(),
  /** The sender of the transaction that published it. */
  publishedBy: t.hex().notNull(),
  /** The contract that emitted it (the escrow or the registry). */
  contract: t.hex().notNull(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
  transactionHash: t.hex().notNull(),
  logIndex: t.integer().notNull(),
}));

/** A supplier that is an allowed payee of a project. */
export const projectSupplier = onchainTable(
  "project_supplier",
  (t) => ({
    projectId: t.bigint().notNull(),
    supplier: t.hex().notNull(),
    addedAt: t.bigint().notNull(),
    /** Set when the firm removed the payee (it can no longer be paid); cleared when it is added again. */
    removedAt: t.bigint(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.projectId, table.supplier] }) }),
);

export const component = onchainTable(
  "component",
  (t) => ({
    projectId: t.bigint().notNull(),
    componentId: t.bigint().notNull(),
    primary: t.hex().notNull(),
    current: t.hex().notNull(),
    substitutes: t.hex().array().notNull(),
    advances: t.bigint().array().notNull(),
    metadataHash: t.hex().notNull(),
    switches: t.integer().notNull().default(0),
    /** The oracle confirmation of the last automatic switch (null when never switched or switched by the firm). */
    lastConfirmationId: t.bigint(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.projectId, table.componentId] }),
    currentIdx: index().on(table.current),
  }),
);

/**
 * One supplier's place in a component (position 0 = primary, i = the i-th substitute): pending from
 * `ComponentDefined` until the supplier accepts (`ListingAccepted`; it counts for pool financing from
 * `eligibleFrom`), closed once it declined or left (`ListingLeft`).
 */
export const listing = onchainTable(
  "listing",
  (t) => ({
    projectId: t.bigint().notNull(),
    componentId: t.bigint().notNull(),
    position: t.integer().notNull(),
    supplier: t.hex().notNull(),
    status: t.text().$type<ListingStatus>().notNull(),
    /** Unix seconds from which an accepted listing counts for pool financing (null until accepted). */
    eligibleFrom: t.bigint(),
    /** True when the supplier left an accepted listing, false when it declined a pending one (null while open). */
    leftAccepted: t.boolean(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.projectId, table.componentId, table.position] }),
    supplierIdx: index().on(table.supplier),
  }),
);

/** A `ComponentSwitched`: the component's supplier changed (automatic failover or the firm). */
export const componentSwitch = onchainTable(
  "component_switch",
  (t) => ({
    id: t.text().primaryKey(),
    projectId: t.bigint().notNull(),
    componentId: t.bigint().notNull(),
    from: t.hex().notNull(),
    to: t.hex().notNull(),
    confirmationId: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ projectIdx: index().on(table.projectId) }),
);

// ---- oracle ---------------------------------------------------------------------------------------------------

/** A confirmed disruption or recovery, with what the pool financed and skipped for it. */
export const disruption = onchainTable(
  "disruption",
  (t) => ({
    confirmationId: t.bigint().primaryKey(),
    supplier: t.hex().notNull(),
    kind: t.text().$type<"disruption" | "recovery">().notNull(),
    evidenceHash: t.hex().notNull(),
    financed: t.bigint().notNull().default(0n),
    financings: t.integer().notNull().default(0),
    /** Pairs financed whose advance the token refused (`AdvanceOwed`): financed + owed + skipped = affected pairs. */
    owedAdvances: t.integer().notNull().default(0),
    skipped: t.integer().notNull().default(0),
    notified: t.integer().notNull().default(0),
    notificationFailures: t.integer().notNull().default(0),
    deferred: t.boolean().notNull().default(false),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({ supplierIdx: index().on(table.supplier) }),
);

/** A reporter's vote (`DisruptionReported`). */
export const disruptionReport = onchainTable(
  "disruption_report",
  (t) => ({
    id: t.text().primaryKey(),
    supplier: t.hex().notNull(),
    reporter: t.hex().notNull(),
    disrupted: t.boolean().notNull(),
    evidenceHash: t.hex().notNull(),
    observedAt: t.bigint().notNull(),
    votes: t.bigint().notNull(),
    quorum: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ supplierIdx: index().on(table.supplier) }),
);

/** A subscriber notification outcome for a confirmation. */
export const notification = onchainTable(
  "notification",
  (t) => ({
    id: t.text().primaryKey(),
    confirmationId: t.bigint().notNull(),
    subscriber: t.hex().notNull(),
    ok: t.boolean().notNull(),
    reason: t.hex(),
    blockNumber: t.bigint().notNull(),
  }),
  (table) => ({ confirmationIdx: index().on(table.confirmationId) }),
);

/** The oracle's configuration (one row per oracle address). */
export const oracle = onchainTable("oracle", (t) => ({
  address: t.hex().primaryKey(),
  quorum: t.bigint(),
  reporterCount: t.bigint(),
  paused: t.boolean().notNull().default(false),
}));

export const reporter = onchainTable("reporter", (t) => ({
  address: t.hex().primaryKey(),
  active: t.boolean().notNull(),
  index: t.bigint(),
  updatedAt: t.bigint().notNull(),
}));

export const subscriber = onchainTable("subscriber", (t) => ({
  address: t.hex().primaryKey(),
  active: t.boolean().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** AccessControl roles (oracle) and Ownable owners (token): who may do what, now. */
export const roleMember = onchainTable(
  "role_member",
  (t) => ({
    contract: t.hex().notNull(),
    role: t.hex().notNull(),
    account: t.hex().notNull(),
    active: t.boolean().notNull(),
    adminRole: t.hex(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.contract, table.role, table.account] }) }),
);

export const roleAdmin = onchainTable(
  "role_admin",
  (t) => ({
    contract: t.hex().notNull(),
    role: t.hex().notNull(),
    adminRole: t.hex().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.contract, table.role] }) }),
);

export const contractOwner = onchainTable("contract_owner", (t) => ({
  contract: t.hex().primaryKey(),
  owner: t.hex().notNull(),
  /** Ownable2Step: the owner proposed by `transferOwnership`, until it accepts (null when none). */
  pendingOwner: t.hex(),
  updatedAt: t.bigint().notNull(),
}));

// ---- green-finance report (src/reducers/green.ts) ------------------------------------------------------------

/**
 * The financiers of a project in the order they first funded it: the positions a payment is split over (their net
 * contribution is the `position` row's funded − refunded).
 */
export const projectContributors = onchainTable("project_contributors", (t) => ({
  projectId: t.bigint().primaryKey(),
  financiers: t.hex().array().notNull(),
}));

/**
 * One financier's part of one `Disbursed`: the payment's fen amount split pro rata over the financiers' net
 * contributions just before it (web/src/lib/rdLedger/attribution.ts `splitProRata`, the rule of docs/RD-LEDGER.md);
 * the shares of a payment sum to its `amountFen`. The green report's rows.
 */
export const paymentShare = onchainTable(
  "payment_share",
  (t) => ({
    /** `<payment id>:<financier>`: sorts in chain order, then by financier. */
    id: t.text().primaryKey(),
    /** The `payment` row (the Disbursed event's id). */
    paymentId: t.text().notNull(),
    financier: t.hex().notNull(),
    projectId: t.bigint().notNull(),
    /** contracts/types/EscrowTypes.sol `GreenCategory` of the project and `Category` of the payment. */
    greenCategory: t.integer().notNull(),
    category: t.integer().notNull(),
    payee: t.hex().notNull(),
    invoiceHash: t.hex().notNull(),
    /** The payment in fen (its token amount with the token's decimals, half up: rdLedger `toFen`). */
    amountFen: t.bigint().notNull(),
    /** The financier's share of it, in fen. */
    fen: t.bigint().notNull(),
    /** The payment's tax year and quarter in China Standard Time (UTC+8). */
    year: t.integer().notNull(),
    quarter: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    financierIdx: index().on(table.financier, table.timestamp),
    paymentIdx: index().on(table.paymentId),
  }),
);

/**
 * Σ of a financier's shares per CST quarter and project (whose green category it carries): the green report's
 * totals and the years it offers, in one query per financier.
 */
export const greenTotal = onchainTable(
  "green_total",
  (t) => ({
    financier: t.hex().notNull(),
    year: t.integer().notNull(),
    quarter: t.integer().notNull(),
    projectId: t.bigint().notNull(),
    greenCategory: t.integer().notNull(),
    /** Σ paymentShare.fen over the payments with a share above zero, and how many they are. */
    attributedFen: t.bigint().notNull().default(0n),
    payments: t.integer().notNull().default(0),
    /**
     * Payments the financier contributed to that could not be split: the project's token has no readable
     * `decimals()`, so no fen amount (a report covering them is unknown, never short).
     */
    unattributed: t.integer().notNull().default(0),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.financier, table.year, table.quarter, table.projectId] }) }),
);
