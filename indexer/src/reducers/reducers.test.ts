/**
 * The reducers as specifications: what each kind of event does to the tables, and that a sequence of events keeps
 * the accounting identities of docs/EVENTS.md. Changes are applied to an in-memory table set with the same merge
 * rule (src/changes.ts `merge`) that src/apply.ts hands to Ponder's store.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { keccak256, stringToHex, type Hex } from "viem";

import { auditCounts, auditRow, jsonArgs, partiesOf } from "../audit";
import { scopeOfFilter } from "../../../web/src/lib/indexer/eventCount";
import { merge, type Change } from "../changes";
import { reducers, CONTRACT_ABIS, type ContractName, type EventMeta, type Lookups } from "./index";
import { decimalsMemo, readGreenLookups, type FindRow } from "./green";

const ESCROW = "0x00000000000000000000000000000000000000e5" as Hex;
const REGISTRY = "0x00000000000000000000000000000000000000e6" as Hex;
const POOL = "0x0000000000000000000000000000000000000001".replace(/1$/, "b") as Hex;
const TOKEN = "0x00000000000000000000000000000000000000aa" as Hex;
const FIRM = "0x000000000000000000000000000000000000F1F1" as Hex;
const BANK = "0x000000000000000000000000000000000000BA4C" as Hex;
const FUND = "0x000000000000000000000000000000000000F04D" as Hex;
const SUPPLIER = "0x0000000000000000000000000000000000005AAA" as Hex;
const SUBSTITUTE = "0x0000000000000000000000000000000000005BBB" as Hex;
const ZERO = "0x0000000000000000000000000000000000000000" as Hex;
const HASH = `0x${"ab".repeat(32)}` as Hex;

let logIndex = 0;
function meta(address: Hex): EventMeta {
  logIndex += 1;
  return {
    id: `event-${String(logIndex).padStart(6, "0")}`,
    address,
    blockNumber: BigInt(100 + logIndex),
    timestamp: BigInt(1_700_000_000 + logIndex),
    transactionHash: `0x${logIndex.toString(16).padStart(64, "0")}` as Hex,
    logIndex,
    from: FIRM,
  };
}

type AnyReducer = (args: Record<string, unknown>, meta: EventMeta, lookups: Lookups) => Change[];
const reduce = (
  contract: ContractName,
  name: string,
  args: Record<string, unknown>,
  address: Hex,
  lookups: Lookups = {},
) => (reducers[contract] as unknown as Record<string, AnyReducer>)[name](args, meta(address), lookups);

/** Primary keys of the tables whose inserted rows later events update (history rows are keyed by their id). */
const KEYS: Record<string, string[]> = {
  document: ["documentHash"],
  project: ["id"],
  milestone: ["projectId", "index"],
  component: ["projectId", "componentId"],
  listing: ["projectId", "componentId", "position"],
  disruption: ["confirmationId"],
};
const keyOf = (table: string, row: Record<string, unknown>) =>
  Object.fromEntries((KEYS[table] ?? ["id"]).map((column) => [column, row[column]]));

/** Tables in memory: rows by their key; an insert of an existing key or an update of a missing one fails. */
class Tables {
  rows = new Map<string, Map<string, Record<string, unknown>>>();
  table(name: string) {
    if (!this.rows.has(name)) this.rows.set(name, new Map());
    return this.rows.get(name)!;
  }
  apply(changes: Change[]): this {
    for (const change of changes) {
      const table = this.table(change.table);
      if (change.kind === "insert") {
        const key = JSON.stringify(jsonArgs(keyOf(change.table, change.row)));
        assert.ok(!table.has(key), `duplicate insert into ${change.table}`);
        table.set(key, { ...change.row });
        continue;
      }
      const key = JSON.stringify(jsonArgs(change.key));
      const current = table.get(key);
      if (current === undefined) {
        assert.equal(change.kind, "upsert", `update of a missing ${change.table} row ${key}`);
        table.set(key, { ...(change as { row: Record<string, unknown> }).row });
      } else {
        Object.assign(
          current,
          merge(current, change.add as Record<string, unknown>, change.set as Record<string, unknown>),
        );
      }
    }
    return this;
  }
  get(name: string, key: Record<string, unknown>) {
    return this.table(name).get(JSON.stringify(jsonArgs(key)));
  }
  all(name: string) {
    return [...this.table(name).values()];
  }
}

const createProject = (id: bigint, milestones = [100n, 200n]) =>
  reduce(
    "RDEscrow",
    "ProjectCreated",
    {
      projectId: id,
      firm: FIRM,
      verifier: BANK,
      token: TOKEN,
      target: milestones.reduce((a, b) => a + b, 0n),
      metadataHash: HASH,
      milestones: milestones.map((budget, i) => ({ budget, deadline: 1_800_000_000 + i, stage: i, accounting: 0 })),
    },
    ESCROW,
  );
const withToken: Lookups = { projectToken: TOKEN };

describe("every event of every ABI has a reducer", () => {
  test("the reducer table lists exactly the events of web/src/generated/abis.ts", () => {
    for (const [contract, abi] of Object.entries(CONTRACT_ABIS)) {
      const events = abi.filter((item) => item.type === "event").map((item): string => item.name);
      const handled = Object.keys(reducers[contract as ContractName]);
      const missing = events.filter((name) => !handled.includes(name));
      const stale = handled.filter((name) => !events.includes(name));
      assert.deepEqual(missing, [], `${contract}: events without a reducer (add them to src/reducers/): ${missing}`);
      assert.deepEqual(stale, [], `${contract}: reducers for events the ABI no longer has: ${stale}`);
    }
  });
});

describe("ProjectCreated", () => {
  test("creates the project (active, nothing funded) and one pending milestone per input", () => {
    const t = new Tables().apply(createProject(7n, [100n, 200n, 300n]));
    const project = t.get("project", { id: 7n }) ?? t.all("project")[0];
    assert.equal(project.status, "active");
    assert.equal(project.firm, FIRM.toLowerCase());
    assert.equal(project.milestoneCount, 3);
    assert.match(
      String(project.createdTx),
      /^0x[0-9a-f]{64}$/,
      "the ProjectCreated transaction, for the project page's link",
    );
    assert.deepEqual(
      t.all("milestone").map((m) => [m.index, m.budget, m.stage, m.status]),
      [
        [0, 100n, 0, "pending"],
        [1, 200n, 1, "pending"],
        [2, 300n, 2, "pending"],
      ],
    );
  });
});

describe("ProjectClassified", () => {
  test("stores the project's R&D form and green category on its row", () => {
    const t = new Tables().apply(createProject(3n));
    assert.equal(t.get("project", { id: 3n })?.rdForm, undefined);
    t.apply(reduce("RDEscrow", "ProjectClassified", { projectId: 3n, rdForm: 2, greenCategory: 4 }, ESCROW));
    const project = t.get("project", { id: 3n })!;
    assert.deepEqual([project.rdForm, project.greenCategory], [2, 4]);
  });
});

describe("FiscalFundsFlagged", () => {
  test("flags the financier's position (and only that one) as fiscal funds", () => {
    const t = new Tables().apply(createProject(1n));
    t.apply(reduce("RDEscrow", "Funded", { projectId: 1n, financier: BANK, amount: 500n }, ESCROW, withToken));
    t.apply(reduce("RDEscrow", "Funded", { projectId: 1n, financier: FUND, amount: 300n }, ESCROW, withToken));
    t.apply(reduce("RDEscrow", "FiscalFundsFlagged", { projectId: 1n, financier: FUND, contributed: 300n }, ESCROW));
    const fund = t.get("position", { projectId: 1n, financier: FUND.toLowerCase() })!;
    assert.deepEqual([fund.fiscalFunds, fund.funded], [true, 300n]);
    assert.notEqual(t.get("position", { projectId: 1n, financier: BANK.toLowerCase() })?.fiscalFunds, true);
  });
});

describe("a token movement", () => {
  test("Funded writes the flow, its edge and both parties' totals, and counts toward the project and position", () => {
    const changes = reduce("RDEscrow", "Funded", { projectId: 1n, financier: BANK, amount: 500n }, ESCROW, withToken);
    const flow = changes.find((c) => c.kind === "insert" && c.table === "flow");
    assert.ok(flow && flow.kind === "insert");
    assert.deepEqual(
      { kind: flow.row.kind, from: flow.row.from, to: flow.row.to, token: flow.row.token, amount: flow.row.amount },
      { kind: "funded", from: BANK.toLowerCase(), to: ESCROW, token: TOKEN, amount: 500n },
    );
    const totals = changes.filter((c) => c.table === "partyTotal");
    assert.deepEqual(
      totals.map((c) => (c.kind === "upsert" ? [c.key, c.add] : null)),
      [
        [
          { party: BANK.toLowerCase(), token: TOKEN },
          { sent: 500n, net: -500n, movements: 1 },
        ],
        [
          { party: ESCROW, token: TOKEN },
          { received: 500n, net: 500n, movements: 1 },
        ],
      ],
    );
    assert.ok(changes.some((c) => c.table === "project" && c.kind === "update" && c.add.held === 500n));
    assert.ok(changes.some((c) => c.table === "position" && c.kind === "upsert" && c.add.funded === 500n));
  });

  test("fails loudly for a project the indexer has not seen created", () => {
    assert.throws(
      () => reduce("RDEscrow", "Funded", { projectId: 9n, financier: BANK, amount: 1n }, ESCROW, {}),
      /project 9 is not indexed/,
    );
  });
});

describe("the escrow's and the pool's accounting identities", () => {
  test("escrow held = Σ Funded − Σ Disbursed − Σ Refunded; pool held = Σ Committed − Σ Financed + Σ Repaid − Σ Withdrawn", () => {
    const t = new Tables().apply(createProject(1n, [1_000n, 2_000n]));
    const escrow = (name: string, args: Record<string, unknown>) =>
      t.apply(reduce("RDEscrow", name, { projectId: 1n, ...args }, ESCROW, withToken));
    const pool = (name: string, args: Record<string, unknown>) =>
      t.apply(reduce("ContingencyPool", name, { projectId: 1n, ...args }, POOL, withToken));
    const oracle = (name: string, args: Record<string, unknown>) =>
      t.apply(reduce("DisruptionOracle", name, args, "0x00000000000000000000000000000000000000cc"));

    escrow("Funded", { financier: BANK, amount: 2_000n });
    escrow("Funded", { financier: FUND, amount: 1_000n });
    escrow("MilestoneSubmitted", { milestoneIndex: 0n, evidenceHash: HASH });
    escrow("MilestoneApproved", { milestoneIndex: 0n });
    const disburse = (payee: Hex, amount: bigint) =>
      escrow("Disbursed", { payee, amount, milestoneIndex: 0n, category: 1, invoiceHash: HASH });
    disburse(SUPPLIER, 600n);
    disburse(FIRM, 300n);
    pool("PoolTermsSet", {
      exposureBps: 9_000n,
      disruptionBps: 6_500n,
      withdrawalNotice: 86_400n,
      repaymentTerm: 90n * 86_400n,
      effectiveAt: 1_000n,
    });
    pool("Committed", { financier: BANK, amount: 800n, shares: 800n });
    pool("WithdrawalRequested", { financier: BANK, executableAt: 2_000n });
    oracle("DisruptionConfirmed", { supplier: SUPPLIER, confirmationId: 1n, evidenceHash: HASH });
    pool("SubstituteFinanced", {
      substitute: SUBSTITUTE,
      amount: 350n,
      componentId: 1n,
      disruptedSupplier: SUPPLIER,
      disruptionId: 1n,
    });
    pool("Repaid", { firm: FIRM, amount: 100n });
    pool("Withdrawn", { financier: BANK, amount: 50n });
    escrow("ProjectCancelled", { refundable: 2_100n });
    escrow("Refunded", { financier: BANK, amount: 1_400n });

    const project = t.all("project")[0];
    assert.equal(project.status, "cancelled");
    assert.equal(project.refundable, 2_100n);
    assert.equal(project.funded, 3_000n);
    assert.equal(project.disbursed, 900n);
    assert.equal(project.refunded, 1_400n);
    assert.equal(project.held, 3_000n - 900n - 1_400n);
    const milestone = t.get("milestone", { projectId: 1n, index: 0 });
    assert.deepEqual([milestone?.status, milestone?.paid, milestone?.payments], ["approved", 900n, 2]);

    const poolRow = t.get("pool", { projectId: 1n })!;
    assert.equal(poolRow.held, 800n - 350n + 100n - 50n);
    assert.deepEqual([poolRow.financed, poolRow.repaid, poolRow.withdrawn, poolRow.financings], [350n, 100n, 50n, 1]);
    const disruption = t.all("disruption")[0];
    assert.deepEqual([disruption.financed, disruption.financings], [350n, 1]);
    assert.equal(t.get("supplier", { address: SUPPLIER.toLowerCase() })?.disrupted, true);

    const bank = t.get("position", { projectId: 1n, financier: BANK.toLowerCase() })!;
    assert.deepEqual(
      [bank.funded, bank.refunded, bank.committed, bank.withdrawn, bank.withdrawalExecutableAt],
      [2_000n, 1_400n, 800n, 50n, 2_000n],
    );
    // The length of each financier's movements list (the financier page's pager): Funded, Committed, Withdrawn, Refunded.
    assert.equal(bank.movements, 4);
    assert.equal(t.get("position", { projectId: 1n, financier: FUND.toLowerCase() })?.movements, 1);
    assert.deepEqual(
      [poolRow.exposureBps, poolRow.disruptionBps, poolRow.withdrawalNotice, poolRow.repaymentTerm],
      [9_000, 6_500, 86_400n, 90n * 86_400n],
    );
    assert.equal(poolRow.termsEffectiveAt, 1_000n);

    // Per-party totals: the contracts' nets are what they hold; tokens are conserved across all parties.
    const totals = t.all("partyTotal");
    const net = (party: Hex) => totals.find((r) => r.party === party.toLowerCase())?.net;
    assert.equal(net(ESCROW), project.held);
    assert.equal(net(POOL), poolRow.held);
    assert.equal(net(SUBSTITUTE), 350n);
    assert.equal(
      totals.reduce((sum, r) => sum + (r.net as bigint), 0n),
      0n,
    );
    // The fund-flow edges sum to the flows.
    const edges = t.all("flowEdge");
    const flows = t.all("flow");
    assert.equal(
      edges.reduce((s, e) => s + (e.amount as bigint), 0n),
      flows.reduce((s, f) => s + (f.amount as bigint), 0n),
    );
    assert.equal(flows.length, 9);
  });
});

describe("an advance the token refused", () => {
  test("AdvanceOwed keeps it in what the pool holds; AdvanceClaimed pays it out (pool held − Σ AdvanceClaimed)", () => {
    const t = new Tables().apply(createProject(1n));
    const pool = (name: string, args: Record<string, unknown>) =>
      t.apply(reduce("ContingencyPool", name, { projectId: 1n, ...args }, POOL, withToken));
    pool("Committed", { financier: BANK, amount: 800n, shares: 800n });
    t.apply(
      reduce(
        "DisruptionOracle",
        "DisruptionConfirmed",
        { supplier: SUPPLIER, confirmationId: 1n, evidenceHash: HASH },
        "0x00000000000000000000000000000000000000cc",
      ),
    );
    const owed = {
      substitute: SUBSTITUTE,
      amount: 300n,
      componentId: 1n,
      disruptedSupplier: SUPPLIER,
      disruptionId: 1n,
    };
    pool("AdvanceOwed", owed);

    let poolRow = t.get("pool", { projectId: 1n })!;
    assert.deepEqual([poolRow.held, poolRow.owed], [800n, 300n]);
    assert.equal(poolRow.financed ?? 0n, 0n, "not counted as financed (paid)");
    assert.equal(t.all("flow").length, 1, "an owed advance moves no tokens");
    assert.equal(t.all("disruption")[0].owedAdvances, 1);
    const key = { projectId: 1n, substitute: SUBSTITUTE.toLowerCase() };
    assert.equal(t.get("owedAdvance", key)?.owed, 300n);

    pool("AdvanceClaimed", { substitute: SUBSTITUTE, amount: 300n, caller: FUND });
    poolRow = t.get("pool", { projectId: 1n })!;
    assert.deepEqual([poolRow.held, poolRow.owed, poolRow.advancesClaimed], [800n - 300n, 0n, 300n]);
    assert.deepEqual([t.get("owedAdvance", key)?.owed, t.get("owedAdvance", key)?.claimed], [0n, 300n]);
    const net = (party: Hex) => t.all("partyTotal").find((r) => r.party === party.toLowerCase())?.net;
    assert.equal(net(POOL), poolRow.held);
    assert.equal(net(SUBSTITUTE), 300n);
    assert.equal(t.all("flow")[1].kind, "advanceClaimed");
  });
});

describe("refusals of one pair", () => {
  test("count per (project, substitute), with the latest one's time and transaction for the Claim row", () => {
    const t = new Tables().apply(createProject(1n));
    const owed = (amount: bigint, componentId: bigint) =>
      reduce(
        "ContingencyPool",
        "AdvanceOwed",
        { projectId: 1n, substitute: SUBSTITUTE, amount, componentId, disruptedSupplier: SUPPLIER, disruptionId: 1n },
        POOL,
        withToken,
      );
    t.apply(
      reduce(
        "ContingencyPool",
        "Committed",
        { projectId: 1n, financier: BANK, amount: 800n, shares: 800n },
        POOL,
        withToken,
      ),
    );
    t.apply(
      reduce(
        "DisruptionOracle",
        "DisruptionConfirmed",
        { supplier: SUPPLIER, confirmationId: 1n, evidenceHash: HASH },
        POOL,
      ),
    );
    const row = () => t.get("owedAdvance", { projectId: 1n, substitute: SUBSTITUTE.toLowerCase() })!;
    t.apply(owed(300n, 1n));
    const first = { ...row() };
    assert.deepEqual([first.refusals, typeof first.lastRefusedAt], [1, "bigint"]);
    assert.match(String(first.lastRefusalTx), /^0x[0-9a-f]{64}$/);
    t.apply(owed(50n, 2n));
    assert.deepEqual([row().owed, row().refusals], [350n, 2]);
    assert.ok(row().lastRefusedAt! > first.lastRefusedAt!, "the latest refusal's time");
    assert.notEqual(row().lastRefusalTx, first.lastRefusalTx, "the latest refusal's transaction");
  });
});

describe("the pool's token list and owner", () => {
  test("ProjectTokenSet lists and unlists a token; Ownable2Step's pending owner is kept until it accepts", () => {
    const t = new Tables();
    const pool = (name: string, args: Record<string, unknown>) => t.apply(reduce("ContingencyPool", name, args, POOL));
    pool("OwnershipTransferred", { previousOwner: ZERO, newOwner: FIRM });
    pool("ProjectTokenSet", { token: TOKEN, allowed: true });
    assert.equal(t.get("projectToken", { token: TOKEN.toLowerCase() })?.allowed, true);
    pool("ProjectTokenSet", { token: TOKEN, allowed: false });
    assert.equal(t.get("projectToken", { token: TOKEN.toLowerCase() })?.allowed, false);

    pool("OwnershipTransferStarted", { previousOwner: FIRM, newOwner: BANK });
    let owner = t.get("contractOwner", { contract: POOL.toLowerCase() })!;
    assert.deepEqual([owner.owner, owner.pendingOwner], [FIRM.toLowerCase(), BANK.toLowerCase()]);
    pool("OwnershipTransferred", { previousOwner: FIRM, newOwner: BANK });
    owner = t.get("contractOwner", { contract: POOL.toLowerCase() })!;
    assert.deepEqual([owner.owner, owner.pendingOwner], [BANK.toLowerCase(), null]);
  });
});

describe("milestone reviews", () => {
  test("a rejection keeps its reason hash; a resubmission is submitted again", () => {
    const t = new Tables().apply(createProject(1n));
    const review = (name: string, args: Record<string, unknown>) =>
      t.apply(reduce("RDEscrow", name, { projectId: 1n, milestoneIndex: 1n, ...args }, ESCROW));
    review("MilestoneSubmitted", { evidenceHash: HASH });
    review("MilestoneRejected", { reasonHash: HASH });
    assert.deepEqual(
      [
        t.get("milestone", { projectId: 1n, index: 1 })?.status,
        t.get("milestone", { projectId: 1n, index: 1 })?.reasonHash,
      ],
      ["rejected", HASH],
    );
    review("MilestoneSubmitted", { evidenceHash: HASH });
    assert.equal(t.get("milestone", { projectId: 1n, index: 1 })?.status, "submitted");
  });

  test("ProjectFailed records the milestone that missed its deadline and what financiers share", () => {
    const t = new Tables().apply(createProject(1n));
    t.apply(reduce("RDEscrow", "ProjectFailed", { projectId: 1n, milestoneIndex: 1n, refundable: 42n }, ESCROW));
    const project = t.all("project")[0];
    assert.deepEqual([project.status, project.failedMilestone, project.refundable], ["failed", 1, 42n]);
  });
});

describe("components", () => {
  test("start at their primary; a failover switch records its confirmation, a firm's switch none", () => {
    const t = new Tables().apply(
      reduce(
        "SupplyChainRegistry",
        "ComponentDefined",
        {
          projectId: 1n,
          componentId: 3n,
          primary: SUPPLIER,
          substitutes: [SUBSTITUTE],
          advances: [10n],
          metadataHash: HASH,
        },
        ESCROW,
      ),
    );
    const key = { projectId: 1n, componentId: 3n };
    assert.equal(t.get("component", key)?.current, SUPPLIER.toLowerCase());
    const sw = (to: Hex, from: Hex, confirmationId: bigint) =>
      t.apply(reduce("SupplyChainRegistry", "ComponentSwitched", { ...key, to, from, confirmationId }, ESCROW));
    sw(SUBSTITUTE, SUPPLIER, 5n);
    assert.deepEqual(
      [t.get("component", key)?.current, t.get("component", key)?.lastConfirmationId],
      [SUBSTITUTE.toLowerCase(), 5n],
    );
    sw(SUPPLIER, SUBSTITUTE, 0n);
    assert.deepEqual([t.get("component", key)?.lastConfirmationId, t.get("component", key)?.switches], [null, 2]);
    assert.equal(t.all("componentSwitch").length, 2);
  });
});

describe("listings", () => {
  test("are pending when defined, accepted with the time they count from, closed once declined or left", () => {
    const key = { projectId: 1n, componentId: 2n };
    const t = new Tables().apply(
      reduce(
        "SupplyChainRegistry",
        "ComponentDefined",
        { ...key, primary: SUPPLIER, substitutes: [SUBSTITUTE, FUND], advances: [10n, 20n], metadataHash: HASH },
        ESCROW,
      ),
    );
    const at = (position: number) => t.get("listing", { ...key, position });
    assert.deepEqual(
      [0, 1, 2].map((p) => [at(p)?.supplier, at(p)?.status]),
      [
        [SUPPLIER.toLowerCase(), "pending"],
        [SUBSTITUTE.toLowerCase(), "pending"],
        [FUND.toLowerCase(), "pending"],
      ],
    );
    const accept = (supplier: Hex, position: bigint, eligibleFrom: bigint) =>
      t.apply(reduce("SupplyChainRegistry", "ListingAccepted", { ...key, supplier, position, eligibleFrom }, ESCROW));
    const leave = (supplier: Hex, position: bigint, wasAccepted: boolean) =>
      t.apply(reduce("SupplyChainRegistry", "ListingLeft", { ...key, supplier, position, wasAccepted }, ESCROW));
    accept(SUPPLIER, 0n, 900n);
    accept(SUBSTITUTE, 1n, 960n);
    leave(SUBSTITUTE, 1n, true);
    leave(FUND, 2n, false);
    assert.deepEqual(
      [0, 1, 2].map((p) => [at(p)?.status, at(p)?.eligibleFrom ?? null, at(p)?.leftAccepted ?? null]),
      [
        ["accepted", 900n, null],
        ["closed", 960n, true],
        ["closed", null, false],
      ],
    );
  });
});

describe("a supplier's state in the oracle", () => {
  const ORACLE = "0x00000000000000000000000000000000000000cc" as Hex;
  const EVIDENCE = `0x${"e1".repeat(32)}` as Hex;
  const RECOVERY = `0x${"e2".repeat(32)}` as Hex;
  const oracle = (t: Tables, name: string, args: Record<string, unknown>) =>
    t.apply(reduce("DisruptionOracle", name, args, ORACLE));
  const vote = (t: Tables, reporter: Hex, disrupted: boolean, votes: bigint) =>
    oracle(t, "DisruptionReported", {
      supplier: SUPPLIER,
      reporter,
      disrupted,
      evidenceHash: disrupted ? EVIDENCE : RECOVERY,
      observedAt: 1_700_000_000n,
      votes,
      quorum: 2n,
    });
  const row = (t: Tables) => t.get("supplier", { address: SUPPLIER.toLowerCase() });

  test("every report counts; a confirmation sets disrupted, since (its block time), its id and its evidence", () => {
    const t = new Tables();
    vote(t, BANK, true, 1n);
    assert.deepEqual([row(t)?.reports, row(t)?.disrupted ?? false, row(t)?.since ?? null], [1, false, null]);
    vote(t, FUND, true, 2n);
    oracle(t, "DisruptionConfirmed", { supplier: SUPPLIER, confirmationId: 4n, evidenceHash: EVIDENCE });
    const confirmedAt = t.all("disruption")[0].timestamp;
    assert.deepEqual(
      [row(t)?.reports, row(t)?.disrupted, row(t)?.since, row(t)?.lastConfirmationId, row(t)?.evidenceHash],
      [2, true, confirmedAt, 4n, EVIDENCE],
    );
  });

  test("a recovery flips it back with its own time, id and evidence; the reports keep counting", () => {
    const t = new Tables();
    oracle(t, "DisruptionConfirmed", { supplier: SUPPLIER, confirmationId: 1n, evidenceHash: EVIDENCE });
    vote(t, BANK, false, 1n);
    oracle(t, "RecoveryConfirmed", { supplier: SUPPLIER, confirmationId: 2n, evidenceHash: RECOVERY });
    const recoveredAt = t.all("disruption").find((d) => d.kind === "recovery")?.timestamp;
    assert.deepEqual(
      [row(t)?.disrupted, row(t)?.since, row(t)?.lastConfirmationId, row(t)?.evidenceHash, row(t)?.reports],
      [false, recoveredAt, 2n, RECOVERY, 1],
    );
  });

  test("a supplier reported on before it registered keeps its oracle state when it registers", () => {
    const t = new Tables();
    vote(t, BANK, true, 1n);
    oracle(t, "DisruptionConfirmed", { supplier: SUPPLIER, confirmationId: 1n, evidenceHash: EVIDENCE });
    t.apply(
      reduce(
        "SupplyChainRegistry",
        "SupplierRegistered",
        { supplier: SUPPLIER, registeredBy: SUPPLIER, metadataHash: HASH, region: "0x434e" },
        REGISTRY,
      ),
    );
    assert.deepEqual(
      [row(t)?.disrupted, row(t)?.reports, row(t)?.evidenceHash, row(t)?.region],
      [true, 1, EVIDENCE, "0x434e"],
    );
  });
});

describe("published documents", () => {
  const text = "ArF 光刻胶中试线 / ArF photoresist pilot line";
  const documentHash = keccak256(stringToHex(text));

  test("a text is kept by its hash with who published it and where, from the escrow and the registry", () => {
    const t = new Tables().apply(reduce("RDEscrow", "DocumentPublished", { documentHash, text }, ESCROW));
    const row = t.get("document", { documentHash });
    assert.equal(row?.text, text);
    assert.equal(row?.publishedBy, FIRM.toLowerCase());
    assert.equal(row?.contract, ESCROW.toLowerCase());
    assert.match(String(row?.transactionHash), /^0x[0-9a-f]{64}$/);
    const spec = "Photo-acid generator, purity ≥ 99.9 %";
    const specHash = keccak256(stringToHex(spec));
    t.apply(reduce("SupplyChainRegistry", "DocumentPublished", { documentHash: specHash, text: spec }, REGISTRY));
    assert.equal(t.get("document", { documentHash: specHash })?.contract, REGISTRY.toLowerCase());
  });

  test("the first publication of a hash stays; a text that does not hash to it is never kept", () => {
    const t = new Tables().apply(reduce("RDEscrow", "DocumentPublished", { documentHash, text }, ESCROW));
    const first = { ...t.get("document", { documentHash }) };
    t.apply(reduce("SupplyChainRegistry", "DocumentPublished", { documentHash, text }, REGISTRY));
    assert.deepEqual(t.get("document", { documentHash }), first);
    const forged = reduce("RDEscrow", "DocumentPublished", { documentHash: `0x${"cd".repeat(32)}`, text }, ESCROW);
    assert.deepEqual(forged, []);
  });
});

describe("the demo token", () => {
  test("Transfer moves balances; mints and burns leave the zero address out", () => {
    const t = new Tables();
    const transfer = (from: Hex, to: Hex, value: bigint) =>
      t.apply(reduce("DemoStablecoin", "Transfer", { from, to, value }, TOKEN));
    transfer(ZERO, BANK, 1_000n);
    transfer(BANK, ESCROW, 400n);
    transfer(BANK, ZERO, 100n);
    const balance = (h: Hex) => t.get("tokenBalance", { token: TOKEN, holder: h.toLowerCase() })?.balance;
    assert.equal(balance(BANK), 500n);
    assert.equal(balance(ESCROW), 400n);
    assert.equal(balance(ZERO), undefined);
  });
});

describe("the audit trail row", () => {
  test("keeps every argument (bigints as strings) and every address among them, nested ones included", () => {
    const args = { projectId: 3n, primary: SUPPLIER, substitutes: [SUBSTITUTE, SUPPLIER], advances: [1n] };
    assert.deepEqual(partiesOf(args), [SUPPLIER.toLowerCase(), SUBSTITUTE.toLowerCase()]);
    const row = auditRow("SupplyChainRegistry", "ComponentDefined", args, meta(ESCROW));
    assert.ok(row.kind === "insert" && row.table === "event");
    assert.equal(row.row.projectId, 3n);
    assert.deepEqual(row.row.args, {
      projectId: "3",
      primary: SUPPLIER,
      substitutes: [SUBSTITUTE, SUPPLIER],
      advances: ["1"],
    });
  });
});

describe("the audit trail's counters", () => {
  test("every event counts once in all events, once under its name and once under its project (if it has one)", () => {
    const t = new Tables()
      .apply(auditCounts("Funded", { projectId: 3n, financier: BANK, amount: 1n }))
      .apply(auditCounts("Funded", { projectId: 4n, financier: BANK, amount: 1n }))
      .apply(auditCounts("Disbursed", { projectId: 3n, payee: SUPPLIER, amount: 1n }))
      .apply(auditCounts("SupplierRegistered", { supplier: SUPPLIER }));
    const count = (scope: string) => t.get("eventCount", { scope })?.count;
    assert.equal(count("all"), 4);
    assert.equal(count("name:Funded"), 2);
    assert.equal(count("name:Disbursed"), 1);
    assert.equal(count("name:SupplierRegistered"), 1);
    assert.equal(count("project:3"), 2);
    assert.equal(count("project:4"), 1);
    assert.equal(t.table("eventCount").size, 6);
  });

  test("a page's filter finds its counter only when one scope holds exactly the events it matches", () => {
    assert.equal(scopeOfFilter({}), "all");
    assert.equal(scopeOfFilter({ projectId: "3" }), "project:3");
    assert.equal(scopeOfFilter({ projectId: 3n }), "project:3");
    assert.equal(scopeOfFilter({ name: "Funded" }), "name:Funded");
    assert.equal(scopeOfFilter({ name: "Funded", projectId: undefined }), "name:Funded");
    assert.equal(scopeOfFilter({ name: "Funded", projectId: "3" }), undefined);
    assert.equal(scopeOfFilter({ parties_has: BANK }), undefined);
    assert.equal(scopeOfFilter({ name_in: ["Funded"] }), undefined);
    assert.equal(scopeOfFilter({ timestamp_gte: "1" }), undefined);
  });
});

describe("merge", () => {
  test("adds increments to the current numbers (missing ones count as zero) and overwrites the rest", () => {
    assert.deepEqual(merge({ a: 5n, n: 1, s: "x" }, { a: -2n, n: 2, b: 7n }, { s: "y" }), {
      a: 3n,
      n: 3,
      b: 7n,
      s: "y",
    });
    assert.throws(() => merge({}, { a: "1" }, {}), /not a number/);
  });
});

describe("the green report's split of a payment (green.ts)", () => {
  // The first second of a CST quarter (16:00 UTC the day before): Q2 and Q3 in China, still Q1 / Q2 in UTC.
  const APRIL_2026_CST = 1_774_972_800; // 2026-04-01 00:00:00 CST
  const JULY_2026_CST = 1_782_835_200; // 2026-07-01 00:00:00 CST
  const VC = "0x000000000000000000000000000000000000000c" as Hex;

  /** Runs an escrow event with the lookups src/apply.ts reads (readGreenLookups over the tables), at `timestamp`. */
  async function escrowAt(
    t: Tables,
    name: string,
    args: Record<string, unknown>,
    decimals: number | null,
    timestamp?: number,
  ) {
    // The store fills column defaults (an upserted position has refunded = 0 before any refund).
    const defaults: Record<string, Record<string, unknown>> = { position: { funded: 0n, refunded: 0n } };
    const find = (async (table: string, key: Record<string, unknown>) => {
      const row = t.get(table, key);
      return row === undefined ? null : { ...defaults[table], ...row };
    }) as FindRow;
    const green = await readGreenLookups(find, async () => decimals, "RDEscrow", name, { projectId: 1n, ...args });
    const m = meta(ESCROW);
    const at = timestamp === undefined ? m : { ...m, timestamp: BigInt(timestamp) };
    const reducer = (reducers.RDEscrow as unknown as Record<string, AnyReducer>)[name];
    t.apply(reducer({ projectId: 1n, ...args }, at, { ...withToken, ...(green ? { green } : {}) }));
  }
  const pay = (t: Tables, amount: bigint, decimals: number | null, timestamp: number) =>
    escrowAt(
      t,
      "Disbursed",
      { payee: SUPPLIER, amount, milestoneIndex: 0n, category: 1, invoiceHash: HASH },
      decimals,
      timestamp,
    );
  const sharesOf = (t: Tables) =>
    t.all("paymentShare").map((r) => [r.financier, r.amountFen, r.fen, r.year, r.quarter, r.greenCategory]);
  const totalOf = (t: Tables, financier: Hex, quarter: number) =>
    t.get("greenTotal", { financier: financier.toLowerCase(), year: 2026, quarter, projectId: 1n });

  async function greenProject() {
    const t = new Tables().apply(createProject(1n, [1_000_000n]));
    t.apply(reduce("RDEscrow", "ProjectClassified", { projectId: 1n, rdForm: 0, greenCategory: 3 }, ESCROW));
    return t;
  }

  test("splits the fen amount pro rata by the largest remainder: the shares sum exactly to the payment", async () => {
    const t = await greenProject();
    await escrowAt(t, "Funded", { financier: BANK, amount: 1n * 10n ** 18n }, 18);
    await escrowAt(t, "Funded", { financier: FUND, amount: 1n * 10n ** 18n }, 18);
    await escrowAt(t, "Funded", { financier: VC, amount: 1n * 10n ** 18n }, 18);
    assert.deepEqual(t.get("projectContributors", { projectId: 1n })?.financiers, [
      BANK.toLowerCase(),
      FUND.toLowerCase(),
      VC.toLowerCase(),
    ]);
    // 1.00 yuan = 100 fen over three equal contributions: 33 each, the one fen left to the lowest address (a tie).
    await pay(t, 10n ** 18n, 18, APRIL_2026_CST);
    const [vc, bank, fund] = [VC, BANK, FUND].map((a) => a.toLowerCase());
    assert.deepEqual(sharesOf(t), [
      [vc, 100n, 34n, 2026, 2, 3],
      [bank, 100n, 33n, 2026, 2, 3],
      [fund, 100n, 33n, 2026, 2, 3],
    ]);
    assert.equal(
      t.all("paymentShare").reduce((s, r) => s + (r.fen as bigint), 0n),
      100n,
    );
    assert.deepEqual([totalOf(t, VC, 2)?.attributedFen, totalOf(t, VC, 2)?.payments], [34n, 1]);
  });

  test("a refund between two payments: the second is split over the contributions left, per CST quarter", async () => {
    const t = await greenProject();
    await escrowAt(t, "Funded", { financier: BANK, amount: 100n }, 2);
    await escrowAt(t, "Funded", { financier: FUND, amount: 200n }, 2);
    await escrowAt(t, "Funded", { financier: BANK, amount: 100n }, 2); // a second funding: listed once
    await pay(t, 101n, 2, APRIL_2026_CST); // 101 fen by 200 : 200 → 50.5 each: 51 to BANK (lower address), 50 to FUND
    await escrowAt(t, "Refunded", { financier: FUND, amount: 150n }, 2);
    await pay(t, 100n, 2, JULY_2026_CST); // 200 : 50 → 80 / 20
    await escrowAt(t, "Refunded", { financier: FUND, amount: 50n }, 2);
    await pay(t, 7n, 2, JULY_2026_CST); // FUND's contribution is 0: all to BANK, no share for FUND
    const [bank, fund] = [BANK, FUND].map((a) => a.toLowerCase());
    assert.deepEqual(
      t.all("paymentShare").map((r) => [r.financier, r.quarter, r.amountFen, r.fen]),
      [
        [bank, 2, 101n, 51n],
        [fund, 2, 101n, 50n],
        [bank, 3, 100n, 80n],
        [fund, 3, 100n, 20n],
        [bank, 3, 7n, 7n],
      ],
    );
    assert.deepEqual([totalOf(t, BANK, 2)?.attributedFen, totalOf(t, BANK, 3)?.attributedFen], [51n, 87n]);
    assert.deepEqual([totalOf(t, FUND, 2)?.attributedFen, totalOf(t, FUND, 3)?.attributedFen], [50n, 20n]);
    assert.deepEqual([totalOf(t, BANK, 3)?.payments, totalOf(t, FUND, 3)?.payments], [2, 1]);
    assert.equal(totalOf(t, BANK, 3)?.greenCategory, 3);
  });

  test("a token without readable decimals: no shares, the payment counted as unattributed for each contributor", async () => {
    const t = await greenProject();
    await escrowAt(t, "Funded", { financier: BANK, amount: 100n }, null);
    await pay(t, 50n, null, APRIL_2026_CST);
    assert.deepEqual(t.all("paymentShare"), []);
    assert.deepEqual([totalOf(t, BANK, 2)?.unattributed, totalOf(t, BANK, 2)?.attributedFen ?? 0n], [1, 0n]);
  });

  test("decimals are read once per token; a reverting token gives null, an RPC failure is retried", async () => {
    const { ContractFunctionExecutionError, ContractFunctionRevertedError } = await import("viem");
    const memo = decimalsMemo();
    let reads = 0;
    const six = async () => ((reads += 1), 6);
    assert.equal(await memo(TOKEN, six), 6);
    assert.equal(await memo(TOKEN, six), 6);
    assert.equal(reads, 1);
    const reverted = new ContractFunctionExecutionError(
      new ContractFunctionRevertedError({ abi: [], functionName: "decimals" }),
      { abi: [], functionName: "decimals" },
    );
    assert.equal(await memo(SUPPLIER, async () => Promise.reject(reverted)), null);
    await assert.rejects(
      memo(FIRM, async () => Promise.reject(new Error("socket hang up"))),
      /socket hang up/,
    );
    assert.equal(await memo(FIRM, six), 6, "a failed read is not remembered");
  });
});
