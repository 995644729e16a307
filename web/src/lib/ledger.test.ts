import { test } from "node:test";
import assert from "node:assert/strict";
import { addr, chainEvents } from "@/testing/chainEvents";
import type { ChainEvent, SourceContract } from "./events";
import { breakCycles, buildFlowGraph, buildLedger, positionsByParty } from "./ledger";

const BANK = addr(0xb1);
const FUND = addr(0xf1);
const FIRM = addr(0xa1);
const SUPPLIER = addr(0x51);
const SUBSTITUTE = addr(0x52);
const TOKEN = addr(0x70);

const event = chainEvents({ contract: "RDEscrow" });
const ev = (contract: SourceContract, eventName: string, args: Record<string, unknown>) =>
  event(eventName, args, { contract, address: addr(contract.length) });

const scenario = (): ChainEvent[] => [
  ev("RDEscrow", "ProjectCreated", { projectId: 1n, firm: FIRM, verifier: addr(0xee), token: TOKEN }),
  ev("RDEscrow", "Funded", { projectId: 1n, financier: BANK, amount: 600n }),
  ev("RDEscrow", "Funded", { projectId: 1n, financier: FUND, amount: 400n }),
  ev("RDEscrow", "MilestoneApproved", { projectId: 1n, milestoneIndex: 0n }),
  ev("RDEscrow", "Disbursed", {
    projectId: 1n,
    payee: FIRM,
    amount: 100n,
    milestoneIndex: 0n,
    category: 1,
    invoiceHash: "0x01",
  }),
  ev("RDEscrow", "Disbursed", {
    projectId: 1n,
    payee: SUPPLIER,
    amount: 250n,
    milestoneIndex: 0n,
    category: 2,
    invoiceHash: "0x02",
  }),
  ev("ContingencyPool", "Committed", { projectId: 1n, financier: BANK, amount: 500n }),
  ev("ContingencyPool", "SubstituteFinanced", {
    projectId: 1n,
    substitute: SUBSTITUTE,
    amount: 200n,
    componentId: 3n,
    disruptedSupplier: SUPPLIER,
    disruptionId: 1n,
  }),
  ev("ContingencyPool", "Repaid", { projectId: 1n, firm: FIRM, amount: 50n }),
  ev("ContingencyPool", "Withdrawn", { projectId: 1n, financier: BANK, amount: 10n }),
  ev("RDEscrow", "Refunded", { projectId: 1n, financier: FUND, amount: 20n }),
  // A same-named event from another contract is not a movement.
  ev("DisruptionOracle", "Funded", { projectId: 1n, financier: BANK, amount: 999n }),
];

test("per-project totals and held balances follow EVENTS.md", () => {
  const ledger = buildLedger(scenario());
  const p = ledger.projects.get("1")!;
  assert.equal(p.firm, FIRM);
  assert.equal(p.token, TOKEN);
  assert.deepEqual(p.totals, {
    funded: 1000n,
    disbursed: 350n,
    refunded: 20n,
    committed: 500n,
    financed: 200n,
    advancesClaimed: 0n,
    repaid: 50n,
    withdrawn: 10n,
    escrowHeld: 630n,
    poolHeld: 340n,
  });
  assert.deepEqual(ledger.global, p.totals);
  assert.deepEqual(ledger.byToken.get(TOKEN.toLowerCase()), p.totals);
  assert.equal(p.movements.length, 9);
  const bank = positionsByParty(ledger).get(BANK.toLowerCase())!;
  assert.equal(bank.funded, 600n);
  assert.equal(bank.committed, 500n);
  assert.equal(bank.withdrawn, 10n);
});

test("an advance the token refused: AdvanceOwed moves nothing, AdvanceClaimed leaves the pool to the substitute", () => {
  const owed = {
    projectId: 1n,
    substitute: SUBSTITUTE,
    amount: 120n,
    componentId: 3n,
    disruptedSupplier: SUPPLIER,
    disruptionId: 1n,
  };
  const before = buildLedger([...scenario(), ev("ContingencyPool", "AdvanceOwed", owed)]).projects.get("1")!;
  assert.equal(before.totals.poolHeld, 340n, "the refused advance is still in the pool");
  assert.equal(before.totals.advancesClaimed, 0n);
  assert.equal(before.movements.length, 9);

  const events = [
    ...scenario(),
    ev("ContingencyPool", "AdvanceOwed", owed),
    ev("ContingencyPool", "AdvanceClaimed", { projectId: 1n, substitute: SUBSTITUTE, amount: 120n, caller: BANK }),
  ];
  const after = buildLedger(events);
  const p = after.projects.get("1")!;
  // pool held = Σ Committed − Σ SubstituteFinanced − Σ AdvanceClaimed + Σ Repaid − Σ Withdrawn = 500 − 200 − 120 + 50 − 10
  assert.equal(p.totals.poolHeld, 220n);
  assert.equal(p.totals.advancesClaimed, 120n);
  assert.equal(p.totals.financed, 200n, "financed at confirmation stays what SubstituteFinanced paid");
  assert.equal(after.global.poolHeld, 220n);
  const substitute = positionsByParty(after).get(SUBSTITUTE.toLowerCase())!;
  assert.equal(substitute.financed, 320n, "the substitute received both advances");
  assert.equal(positionsByParty(after).get(BANK.toLowerCase())!.financed, 0n, "the caller is not the payee");
  // In the flow graph the claimed advance is substitute financing: pool → firm → substitute.
  const g = buildFlowGraph(events, after);
  const sub = g.links.find(
    (l) => l.source === `firm:${FIRM.toLowerCase()}` && l.target === `substitute:${SUBSTITUTE.toLowerCase()}`,
  );
  assert.equal(sub?.amount, 320n);
  assert.equal(sub?.substitute, true);
});

test("event order does not matter", () => {
  const events = scenario();
  assert.deepEqual(buildLedger([...events].reverse()).global, buildLedger(events).global);
});

test("the flow graph goes financiers → escrow/pool → firm → suppliers, substitutes highlighted", () => {
  const g = buildFlowGraph(scenario());
  const link = (s: string, t: string) => g.links.find((l) => l.source === s && l.target === t);
  const lc = (a: string) => a.toLowerCase();
  assert.equal(link(`financier:${lc(BANK)}`, "escrow:1")?.amount, 600n);
  assert.equal(link(`financier:${lc(BANK)}`, "pool:1")?.amount, 500n);
  assert.equal(link("escrow:1", `firm:${lc(FIRM)}`)?.amount, 350n);
  assert.equal(link(`firm:${lc(FIRM)}`, `supplier:${lc(SUPPLIER)}`)?.amount, 250n);
  const sub = link(`firm:${lc(FIRM)}`, `substitute:${lc(SUBSTITUTE)}`);
  assert.equal(sub?.amount, 200n);
  assert.equal(sub?.substitute, true);
  assert.equal(link("pool:1", `firm:${lc(FIRM)}`)?.kind, "financing");
  // Returns (refund, withdrawal, repayment back to the pool) end in sinks: no cycle, nothing dropped.
  assert.equal(link(`firm:${lc(FIRM)}`, "return:repayment:pool:1")?.amount, 50n);
  assert.equal(link("escrow:1", `return:refund:${lc(FUND)}`)?.amount, 20n);
  assert.equal(link("pool:1", `return:withdrawal:${lc(BANK)}`)?.amount, 10n);
  assert.equal(g.cycleLinks.length, 0);
  assert.ok(link("escrow:1", `firm:${lc(FIRM)}`)!.eventIds.length === 2);
});

test("a firm that is also a financier of its own pool forms no crash and no cycle in the output", () => {
  const events = [
    ...scenario(),
    ev("ContingencyPool", "Committed", { projectId: 1n, financier: FIRM, amount: 5n }),
    ev("RDEscrow", "Funded", { projectId: 1n, financier: SUPPLIER, amount: 7n }),
  ];
  const g = buildFlowGraph(events);
  const { dropped } = breakCycles(
    g.nodes.map((n) => n.id),
    g.links,
  );
  assert.equal(dropped.length, 0, "the output graph is acyclic");
});

test("breakCycles drops back edges of any cycle, including self loops", () => {
  const links = [
    { source: "a", target: "b" },
    { source: "b", target: "c" },
    { source: "c", target: "a" },
    { source: "c", target: "c" },
    { source: "c", target: "d" },
  ];
  const { acyclic, dropped } = breakCycles(["a", "b", "c", "d"], links);
  assert.equal(dropped.length, 2);
  assert.equal(acyclic.length, 3);
  assert.equal(breakCycles(["a", "b", "c", "d"], acyclic).dropped.length, 0);
});

test("10,000 events build in well under a second", () => {
  const many: ChainEvent[] = [];
  for (let i = 0; i < 10_000; i++) {
    many.push(ev("RDEscrow", "Funded", { projectId: BigInt(i % 50), financier: addr(1000 + (i % 40)), amount: 100n }));
  }
  const t0 = performance.now();
  const ledger = buildLedger(many);
  buildFlowGraph(many, ledger);
  assert.equal(ledger.global.funded, 1_000_000n);
  assert.ok(performance.now() - t0 < 1000);
});
