/**
 * The indexer's rows as the dashboard reads them, typed from the indexer's own schema (indexer/ponder.schema.ts,
 * a type-only import: nothing of Ponder reaches the bundle). GraphQL answers bigints as decimal strings; each
 * table's column list below says which columns are bigints, and the type checker holds the list to the schema:
 * a column added, renamed or retyped in the schema fails `npm run typecheck -w web` until it is listed here.
 */
import type * as schema from "../../../../indexer/ponder.schema";

type Schema = typeof schema;
/** The tables the dashboard reads, by their GraphQL name (the schema's export name). */
export type TableName = {
  [K in keyof Schema]: Schema[K] extends { $inferSelect: object } ? K : never;
}[keyof Schema];

/** One row of a table, exactly as the indexer's schema types it. */
export type Row<T extends TableName> = Schema[T]["$inferSelect"];

/** How a column travels in GraphQL JSON: bigints (and bigint arrays) as strings, everything else as itself. */
type ColumnKind<V> = [NonNullable<V>] extends [bigint]
  ? "bigint"
  : [NonNullable<V>] extends [bigint[]]
    ? "bigint[]"
    : "json";

/** Every column of a table with its kind: the selection set of a query and how its answer is decoded. */
export type Columns<T extends TableName> = { readonly [K in keyof Row<T>]-?: ColumnKind<Row<T>[K]> };

const columns = <T extends TableName>(spec: Columns<T>): Columns<T> => spec;

/** The columns of each table the dashboard reads. */
export const COLUMNS = {
  event: columns<"event">({
    id: "json",
    contract: "json",
    name: "json",
    address: "json",
    projectId: "bigint",
    parties: "json",
    args: "json",
    blockNumber: "bigint",
    timestamp: "bigint",
    transactionHash: "json",
    logIndex: "json",
  }),
  eventCount: columns<"eventCount">({ scope: "json", count: "json" }),
  flow: columns<"flow">({
    id: "json",
    kind: "json",
    projectId: "bigint",
    from: "json",
    to: "json",
    token: "json",
    amount: "bigint",
    blockNumber: "bigint",
    timestamp: "bigint",
    transactionHash: "json",
  }),
  flowEdge: columns<"flowEdge">({
    from: "json",
    to: "json",
    token: "json",
    kind: "json",
    projectId: "bigint",
    amount: "bigint",
    count: "json",
  }),
  partyTotal: columns<"partyTotal">({
    party: "json",
    token: "json",
    received: "bigint",
    sent: "bigint",
    net: "bigint",
    movements: "json",
  }),
  project: columns<"project">({
    id: "bigint",
    escrow: "json",
    firm: "json",
    verifier: "json",
    token: "json",
    target: "bigint",
    metadataHash: "json",
    milestoneCount: "json",
    status: "json",
    rdForm: "json",
    greenCategory: "json",
    funded: "bigint",
    disbursed: "bigint",
    refunded: "bigint",
    held: "bigint",
    refundable: "bigint",
    failedMilestone: "json",
    createdBlock: "bigint",
    createdAt: "bigint",
    createdTx: "json",
    closedAt: "bigint",
  }),
  milestone: columns<"milestone">({
    projectId: "bigint",
    index: "json",
    budget: "bigint",
    deadline: "bigint",
    stage: "json",
    status: "json",
    evidenceHash: "json",
    reasonHash: "json",
    paid: "bigint",
    payments: "json",
    updatedAt: "bigint",
  }),
  position: columns<"position">({
    projectId: "bigint",
    financier: "json",
    funded: "bigint",
    refunded: "bigint",
    committed: "bigint",
    shares: "bigint",
    withdrawalExecutableAt: "bigint",
    withdrawn: "bigint",
    claimDebt: "bigint",
    claimUnits: "bigint",
    fiscalFunds: "json",
    movements: "json",
  }),
  pool: columns<"pool">({
    projectId: "bigint",
    address: "json",
    committed: "bigint",
    shares: "bigint",
    financed: "bigint",
    repaid: "bigint",
    withdrawn: "bigint",
    held: "bigint",
    financings: "json",
    owed: "bigint",
    advancesClaimed: "bigint",
    exposureBps: "json",
    disruptionBps: "json",
    withdrawalNotice: "bigint",
    repaymentTerm: "bigint",
    termsEffectiveAt: "bigint",
  }),
  owedAdvance: columns<"owedAdvance">({
    projectId: "bigint",
    substitute: "json",
    owed: "bigint",
    claimed: "bigint",
    refusals: "json",
    lastRefusedAt: "bigint",
    lastRefusalTx: "json",
    updatedAt: "bigint",
  }),
  // ---- the supply chain (registry and oracle) ----
  supplier: columns<"supplier">({
    address: "json",
    registeredBy: "json",
    metadataHash: "json",
    region: "json",
    disrupted: "json",
    lastConfirmationId: "bigint",
    since: "bigint",
    evidenceHash: "json",
    reports: "json",
    updatedAt: "bigint",
  }),
  projectSupplier: columns<"projectSupplier">({
    projectId: "bigint",
    supplier: "json",
    addedAt: "bigint",
    removedAt: "bigint",
  }),
  component: columns<"component">({
    projectId: "bigint",
    componentId: "bigint",
    primary: "json",
    current: "json",
    substitutes: "json",
    advances: "bigint[]",
    metadataHash: "json",
    switches: "json",
    lastConfirmationId: "bigint",
    updatedAt: "bigint",
  }),
  listing: columns<"listing">({
    projectId: "bigint",
    componentId: "bigint",
    position: "json",
    supplier: "json",
    status: "json",
    eligibleFrom: "bigint",
    leftAccepted: "json",
    updatedAt: "bigint",
  }),
  disruption: columns<"disruption">({
    confirmationId: "bigint",
    supplier: "json",
    kind: "json",
    evidenceHash: "json",
    financed: "bigint",
    financings: "json",
    owedAdvances: "json",
    skipped: "json",
    notified: "json",
    notificationFailures: "json",
    deferred: "json",
    blockNumber: "bigint",
    timestamp: "bigint",
    transactionHash: "json",
  }),
  financingSkip: columns<"financingSkip">({
    id: "json",
    projectId: "bigint",
    componentId: "bigint",
    disruptedSupplier: "json",
    confirmationId: "bigint",
    reason: "json",
    reasonName: "json",
    advance: "bigint",
    blockNumber: "bigint",
  }),
  greenTotal: columns<"greenTotal">({
    financier: "json",
    year: "json",
    quarter: "json",
    projectId: "bigint",
    greenCategory: "json",
    attributedFen: "bigint",
    payments: "json",
    unattributed: "json",
  }),
  paymentShare: columns<"paymentShare">({
    id: "json",
    paymentId: "json",
    financier: "json",
    projectId: "bigint",
    greenCategory: "json",
    category: "json",
    payee: "json",
    invoiceHash: "json",
    amountFen: "bigint",
    fen: "bigint",
    year: "json",
    quarter: "json",
    timestamp: "bigint",
    blockNumber: "bigint",
    transactionHash: "json",
  }),
} as const;

export type KnownTable = keyof typeof COLUMNS & TableName;

/** A row of `table` from its GraphQL JSON (bigint columns parsed; a missing column is an error, not undefined). */
export function decodeRow<T extends KnownTable>(table: T, json: Record<string, unknown>): Row<T> {
  const spec = COLUMNS[table] as Record<string, "bigint" | "bigint[]" | "json">;
  const out: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(spec)) {
    if (!(column in json)) throw new Error(`indexer answer for ${table} lacks column ${column}`);
    const v = json[column];
    if (v === null) out[column] = null;
    else if (kind === "bigint") out[column] = BigInt(v as string);
    else if (kind === "bigint[]") out[column] = (v as string[]).map((x) => BigInt(x));
    else out[column] = v;
  }
  return out as Row<T>;
}

/** The GraphQL selection of every column of `table`. */
export const selection = (table: KnownTable): string => Object.keys(COLUMNS[table]).join(" ");
