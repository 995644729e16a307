/**
 * Totals and the fund-flow graph from the indexer's aggregates (docs/EVENTS.md): totals from the project and pool
 * rows (running sums the indexer keeps), the Sankey graph financiers → project escrows & contingency pools →
 * firms → suppliers from the `flow_edge` rows (Σ per from, to, token, kind, project). Pure; the cost follows the
 * number of parties and projects, never the length of the history.
 *
 * The graph is always acyclic: money going "back" (refunds, repayments, withdrawals) ends in dedicated return sinks
 * on the right, and any other cycle the data could form is broken by dropping its back edges into
 * `graph.cycleLinks` (shown as a list, never crashed on).
 */
import { sameAddress as sameAddr } from "./address";
import type { Hex, Row } from "./indexer";

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

type ProjectTotals = Pick<Row<"project">, "funded" | "disbursed" | "refunded" | "held">;
type PoolTotals = Pick<Row<"pool">, "committed" | "financed" | "repaid" | "withdrawn" | "held">;

/** The totals of a set of projects and their pools (the indexer's running sums). */
export function totalsFromRows(projects: readonly ProjectTotals[], pools: readonly PoolTotals[]): Totals {
  const t = zeroTotals();
  for (const p of projects) {
    t.funded += p.funded;
    t.disbursed += p.disbursed;
    t.refunded += p.refunded;
    t.escrowHeld += p.held;
  }
  for (const p of pools) {
    t.committed += p.committed;
    t.financed += p.financed;
    t.repaid += p.repaid;
    t.withdrawn += p.withdrawn;
    t.poolHeld += p.held;
  }
  return t;
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
  /** The indexer's fund-flow edges this link sums (for drill-down: their flows are the link's transactions). */
  edges: FlowEdgeKey[];
  /** True for substitute financing (highlighted). */
  substitute: boolean;
}

export interface FlowGraph {
  nodes: FlowNode[];
  links: FlowLink[];
  /** Links dropped because they would close a cycle (never expected from the demo data; kept for display). */
  cycleLinks: FlowLink[];
}

/** What identifies a fund-flow edge of the indexer (its flows are one link's transactions). */
export type FlowEdgeKey = Pick<Row<"flowEdge">, "from" | "to" | "kind" | "projectId">;
type FlowEdge = FlowEdgeKey & Pick<Row<"flowEdge">, "amount">;

/** The counter-party of an edge: the sender of what comes into a contract, else the receiver. */
const counterParty = (e: FlowEdge): Hex =>
  e.kind === "funded" || e.kind === "committed" || e.kind === "repaid" ? e.from : e.to;

/** The fund-flow graph from the indexer's edges; `firmOf` names each project's firm (project rows). */
export function flowGraphFromEdges(
  edges: readonly FlowEdge[],
  firmOf: (projectId: bigint) => Hex | undefined,
): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  const node = (n: FlowNode): string => {
    if (!nodes.has(n.id)) nodes.set(n.id, n);
    return n.id;
  };
  const party = (kind: "financier" | "firm" | "supplier" | "substitute", addr: string) =>
    node({ id: `${kind}:${addr.toLowerCase()}`, kind, ref: addr });
  const escrow = (pid: bigint) => node({ id: `escrow:${pid}`, kind: "escrow", ref: pid.toString(), projectId: pid });
  const pool = (pid: bigint) => node({ id: `pool:${pid}`, kind: "pool", ref: pid.toString(), projectId: pid });
  const sink = (returnOf: "refund" | "withdrawal" | "repayment", addr: string, pid: bigint) =>
    returnOf === "repayment"
      ? node({ id: `return:repayment:pool:${pid}`, kind: "return", ref: String(pid), projectId: pid, returnOf })
      : node({ id: `return:${returnOf}:${addr.toLowerCase()}`, kind: "return", ref: addr, returnOf });
  const link = (source: string, target: string, kind: FlowLinkKind, edge: FlowEdge, substitute = false) => {
    if (edge.amount === 0n) return;
    const key = `${source}>${target}>${kind}`;
    let l = links.get(key);
    if (!l) links.set(key, (l = { source, target, kind, amount: 0n, edges: [], substitute }));
    l.amount += edge.amount;
    l.edges.push({ from: edge.from, to: edge.to, kind: edge.kind, projectId: edge.projectId });
    l.substitute ||= substitute;
  };
  for (const e of edges) {
    const pid = e.projectId;
    const who = counterParty(e);
    const firm = firmOf(pid);
    switch (e.kind) {
      case "funded":
        link(party("financier", who), escrow(pid), "funding", e);
        break;
      case "committed":
        link(party("financier", who), pool(pid), "commitment", e);
        break;
      case "disbursed":
        if (!firm || sameAddr(firm, who)) {
          link(escrow(pid), party("firm", who), "disbursement", e);
        } else {
          // Paid to a supplier on the firm's instruction: escrow → firm → supplier.
          link(escrow(pid), party("firm", firm), "disbursement", e);
          link(party("firm", firm), party("supplier", who), "payment", e);
        }
        break;
      case "financed":
      case "advanceClaimed":
        if (firm) {
          link(pool(pid), party("firm", firm), "financing", e, true);
          link(party("firm", firm), party("substitute", who), "financing", e, true);
        } else {
          link(pool(pid), party("substitute", who), "financing", e, true);
        }
        break;
      case "refunded":
        link(escrow(pid), sink("refund", who, pid), "return", e);
        break;
      case "withdrawn":
        link(pool(pid), sink("withdrawal", who, pid), "return", e);
        break;
      case "repaid":
        link(party("firm", who), sink("repayment", who, pid), "return", e);
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
