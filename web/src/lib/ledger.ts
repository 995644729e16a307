/**
 * The ledger and fund-flow builder: events (docs/EVENTS.md) → per-project and global totals and a Sankey
 * graph financiers → project escrows & contingency pools → firms → suppliers.
 *
 * Pure and deterministic. Totals are exact bigints; the graph is always acyclic: money going "back"
 * (refunds, repayments, withdrawals) ends in dedicated return sinks on the right, and any other cycle the
 * data could form is broken by dropping its back edges into `graph.cycleLinks` (shown as a list, never crashed on).
 */
import { sameAddress as sameAddr } from "./address";
import { arg, inOrder, isMovement, movementParts, type ChainEvent, type Hex } from "./events";

export interface Totals {
  funded: bigint;
  disbursed: bigint;
  refunded: bigint;
  committed: bigint;
  financed: bigint;
  /** Advances the token had refused (AdvanceOwed), paid to their substitutes later by claimAdvance. */
  advancesClaimed: bigint;
  repaid: bigint;
  withdrawn: bigint;
  /** Σ Funded − Σ Disbursed − Σ Refunded */
  escrowHeld: bigint;
  /** Σ Committed − Σ SubstituteFinanced − Σ AdvanceClaimed + Σ Repaid − Σ Withdrawn (docs/EVENTS.md) */
  poolHeld: bigint;
}

export const zeroTotals = (): Totals => ({
  funded: 0n,
  disbursed: 0n,
  refunded: 0n,
  committed: 0n,
  financed: 0n,
  advancesClaimed: 0n,
  repaid: 0n,
  withdrawn: 0n,
  escrowHeld: 0n,
  poolHeld: 0n,
});

export interface PartyPosition {
  funded: bigint;
  refunded: bigint;
  committed: bigint;
  withdrawn: bigint;
  /** Paid to this party by the escrow (disbursements). */
  received: bigint;
  /** Advanced to this party by the pool as a substitute (SubstituteFinanced, and AdvanceClaimed once paid). */
  financed: bigint;
  /** Repaid by this party to the pool. */
  repaid: bigint;
}

export const zeroPosition = (): PartyPosition => ({
  funded: 0n,
  refunded: 0n,
  committed: 0n,
  withdrawn: 0n,
  received: 0n,
  financed: 0n,
  repaid: 0n,
});

export interface ProjectLedger {
  projectId: bigint;
  token?: Hex;
  firm?: Hex;
  verifier?: Hex;
  totals: Totals;
  /** Keyed by lower-case address. */
  parties: Map<string, PartyPosition>;
  /** Movement event ids of this project, oldest first. */
  movements: string[];
}

export interface Ledger {
  projects: Map<string, ProjectLedger>;
  /** Totals per token (lower-case address; "unknown" when the project's token is not known). */
  byToken: Map<string, Totals>;
  /** Sum over all projects (meaningful when they share one token, which the demo does). */
  global: Totals;
}

function addMovement(t: Totals, name: string, amount: bigint): void {
  switch (name) {
    case "Funded":
      t.funded += amount;
      t.escrowHeld += amount;
      break;
    case "Disbursed":
      t.disbursed += amount;
      t.escrowHeld -= amount;
      break;
    case "Refunded":
      t.refunded += amount;
      t.escrowHeld -= amount;
      break;
    case "Committed":
      t.committed += amount;
      t.poolHeld += amount;
      break;
    case "SubstituteFinanced":
      t.financed += amount;
      t.poolHeld -= amount;
      break;
    case "AdvanceClaimed":
      t.advancesClaimed += amount;
      t.poolHeld -= amount;
      break;
    case "Repaid":
      t.repaid += amount;
      t.poolHeld += amount;
      break;
    case "Withdrawn":
      t.withdrawn += amount;
      t.poolHeld -= amount;
      break;
  }
}

const POSITION_FIELD: Record<string, keyof PartyPosition | undefined> = {
  Funded: "funded",
  Refunded: "refunded",
  Committed: "committed",
  Withdrawn: "withdrawn",
  Disbursed: "received",
  SubstituteFinanced: "financed",
  AdvanceClaimed: "financed",
  Repaid: "repaid",
};

function addPosition(p: PartyPosition, name: string, amount: bigint): void {
  const field = POSITION_FIELD[name];
  if (field) p[field] += amount;
}

/** Lower-cases addresses, each distinct spelling once (a long history repeats a few parties many times). */
function lowerCaser(): (address: string) => string {
  const cache = new Map<string, string>();
  return (address) => {
    let lower = cache.get(address);
    if (lower === undefined) cache.set(address, (lower = address.toLowerCase()));
    return lower;
  };
}

export function buildLedger(events: readonly ChainEvent[]): Ledger {
  const projects = new Map<string, ProjectLedger>();
  const byId = new Map<bigint, ProjectLedger>(); // bigint keys compare by value
  const lower = lowerCaser();
  const project = (id: bigint): ProjectLedger => {
    let p = byId.get(id);
    if (!p) {
      p = { projectId: id, totals: zeroTotals(), parties: new Map(), movements: [] };
      byId.set(id, p);
      projects.set(id.toString(), p);
    }
    return p;
  };
  for (const e of inOrder(events)) {
    if (e.contract === "RDEscrow" && e.eventName === "ProjectCreated") {
      const p = project(BigInt(e.argList[0] as bigint));
      p.firm = arg<Hex>(e, ["firm"]);
      p.verifier = arg<Hex>(e, ["verifier"]);
      p.token = arg<Hex>(e, ["token"]);
      continue;
    }
    if (!isMovement(e)) continue;
    const { projectId, party, amount } = movementParts(e);
    const p = project(projectId);
    addMovement(p.totals, e.eventName, amount);
    const key = lower(party);
    let pos = p.parties.get(key);
    if (!pos) p.parties.set(key, (pos = zeroPosition()));
    addPosition(pos, e.eventName, amount);
    p.movements.push(e.id);
  }
  const byToken = new Map<string, Totals>();
  const global = zeroTotals();
  for (const p of projects.values()) {
    const tk = p.token?.toLowerCase() ?? "unknown";
    const t = byToken.get(tk) ?? zeroTotals();
    for (const k of Object.keys(global) as (keyof Totals)[]) {
      t[k] += p.totals[k];
      global[k] += p.totals[k];
    }
    byToken.set(tk, t);
  }
  return { projects, byToken, global };
}

/** Sum of every party's positions over all projects, keyed by lower-case address. */
export function positionsByParty(ledger: Ledger): Map<string, PartyPosition> {
  const out = new Map<string, PartyPosition>();
  for (const p of ledger.projects.values()) {
    for (const [addr, pos] of p.parties) {
      const acc = out.get(addr) ?? zeroPosition();
      for (const k of Object.keys(acc) as (keyof PartyPosition)[]) acc[k] += pos[k];
      out.set(addr, acc);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Flow graph
// ---------------------------------------------------------------------------------------------------------

export type FlowNodeKind = "financier" | "escrow" | "pool" | "firm" | "supplier" | "substitute" | "return";

export interface FlowNode {
  id: string;
  kind: FlowNodeKind;
  /** The address for parties; the project id for escrows and pools. */
  ref: string;
  projectId?: bigint;
  /** For return sinks: what comes back ("refund" | "withdrawal" | "repayment"). */
  returnOf?: "refund" | "withdrawal" | "repayment";
}

export type FlowLinkKind = "funding" | "commitment" | "disbursement" | "payment" | "financing" | "return";

export interface FlowLink {
  source: string;
  target: string;
  kind: FlowLinkKind;
  amount: bigint;
  /** Ids of the events this link sums (for drill-down). */
  eventIds: string[];
  /** True for substitute financing (highlighted). */
  substitute: boolean;
}

export interface FlowGraph {
  nodes: FlowNode[];
  links: FlowLink[];
  /** Links dropped because they would close a cycle (never expected from the demo data; kept for display). */
  cycleLinks: FlowLink[];
}

export function buildFlowGraph(events: readonly ChainEvent[], ledger: Ledger = buildLedger(events)): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  // Node ids and links are looked up once per event of a long history: ids are built once per node and
  // cached by their parts (addresses as spelled, project ids as bigints), links are found by source → target → kind.
  const ids = new Map<string, Map<unknown, string>>();
  const node = (group: string, key: unknown, make: () => FlowNode): string => {
    let byKey = ids.get(group);
    if (!byKey) ids.set(group, (byKey = new Map()));
    let id = byKey.get(key);
    if (id === undefined) {
      const n = make();
      if (!nodes.has(n.id)) nodes.set(n.id, n);
      byKey.set(key, (id = n.id));
    }
    return id;
  };
  const party = (kind: "financier" | "firm" | "supplier" | "substitute", addr: string) =>
    node(kind, addr, () => ({ id: `${kind}:${addr.toLowerCase()}`, kind, ref: addr }));
  const escrow = (pid: bigint) =>
    node("escrow", pid, () => ({ id: `escrow:${pid}`, kind: "escrow", ref: pid.toString(), projectId: pid }));
  const pool = (pid: bigint) =>
    node("pool", pid, () => ({ id: `pool:${pid}`, kind: "pool", ref: pid.toString(), projectId: pid }));
  const sink = (returnOf: "refund" | "withdrawal" | "repayment", addr: string, pid?: bigint) =>
    node(`return:${returnOf}`, returnOf === "repayment" ? pid : addr, () => ({
      id: `return:${returnOf}:${returnOf === "repayment" ? `pool:${pid}` : addr.toLowerCase()}`,
      kind: "return",
      ref: returnOf === "repayment" ? String(pid) : addr,
      projectId: returnOf === "repayment" ? pid : undefined,
      returnOf,
    }));
  const bySource = new Map<string, Map<string, Map<FlowLinkKind, FlowLink>>>();
  const link = (source: string, target: string, kind: FlowLinkKind, amount: bigint, id: string, substitute = false) => {
    if (amount === 0n) return;
    let byTarget = bySource.get(source);
    if (!byTarget) bySource.set(source, (byTarget = new Map()));
    let byKind = byTarget.get(target);
    if (!byKind) byTarget.set(target, (byKind = new Map()));
    let l = byKind.get(kind);
    if (!l) {
      l = { source, target, kind, amount: 0n, eventIds: [], substitute };
      byKind.set(kind, l);
      links.set(`${source}>${target}>${kind}`, l);
    }
    l.amount += amount;
    l.eventIds.push(id);
    l.substitute ||= substitute;
  };
  const firms = new Map<bigint, Hex | undefined>();
  for (const p of ledger.projects.values()) firms.set(p.projectId, p.firm);

  for (const e of inOrder(events)) {
    if (!isMovement(e)) continue;
    const { projectId, party: who, amount } = movementParts(e);
    const firm = firms.get(projectId);
    switch (e.eventName) {
      case "Funded":
        link(party("financier", who), escrow(projectId), "funding", amount, e.id);
        break;
      case "Committed":
        link(party("financier", who), pool(projectId), "commitment", amount, e.id);
        break;
      case "Disbursed":
        if (!firm || sameAddr(firm, who)) {
          link(escrow(projectId), party("firm", who), "disbursement", amount, e.id);
        } else {
          // Paid to a supplier on the firm's instruction: escrow → firm → supplier.
          link(escrow(projectId), party("firm", firm), "disbursement", amount, e.id);
          link(party("firm", firm), party("supplier", who), "payment", amount, e.id);
        }
        break;
      case "SubstituteFinanced":
      case "AdvanceClaimed":
        if (firm) {
          link(pool(projectId), party("firm", firm), "financing", amount, e.id, true);
          link(party("firm", firm), party("substitute", who), "financing", amount, e.id, true);
        } else {
          link(pool(projectId), party("substitute", who), "financing", amount, e.id, true);
        }
        break;
      case "Refunded":
        link(escrow(projectId), sink("refund", who), "return", amount, e.id);
        break;
      case "Withdrawn":
        link(pool(projectId), sink("withdrawal", who), "return", amount, e.id);
        break;
      case "Repaid":
        link(party("firm", who), sink("repayment", who, projectId), "return", amount, e.id);
        break;
    }
  }
  const { acyclic, dropped } = breakCycles([...nodes.keys()], [...links.values()]);
  const used = new Set(acyclic.flatMap((l) => [l.source, l.target]));
  return { nodes: [...nodes.values()].filter((n) => used.has(n.id)), links: acyclic, cycleLinks: dropped };
}

/** Drops the back edges found by a depth-first search, so the remaining links form a DAG. */
export function breakCycles<L extends { source: string; target: string }>(
  nodeIds: readonly string[],
  links: readonly L[],
): { acyclic: L[]; dropped: L[] } {
  const out = new Map<string, L[]>();
  for (const l of links) out.set(l.source, [...(out.get(l.source) ?? []), l]);
  const state = new Map<string, 1 | 2>(); // 1 = on stack, 2 = done
  const dropped = new Set<L>();
  for (const start of nodeIds) {
    if (state.has(start)) continue;
    // Iterative DFS (graphs with thousands of nodes must not overflow the stack).
    const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edges = out.get(top.id) ?? [];
      if (top.i >= edges.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const l = edges[top.i++];
      const s = state.get(l.target);
      if (s === 1) dropped.add(l);
      else if (s === undefined) {
        state.set(l.target, 1);
        stack.push({ id: l.target, i: 0 });
      }
    }
  }
  return { acyclic: links.filter((l) => !dropped.has(l)), dropped: [...dropped] };
}
