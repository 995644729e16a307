"use client";
/**
 * The fund-flow diagram: an SVG Sankey laid out with d3-sankey and rendered here (no chart library).
 * Hover shows a link's amount, click selects it (the parent lists its transactions). Substitute
 * financing is drawn in the highlight colour. The input graph is acyclic by construction (buildFlowGraph).
 */
import { useMemo, useState } from "react";
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from "d3-sankey";
import type { FlowGraph, FlowLink, FlowNode } from "@/lib/ledger";
import { toNumber } from "@/lib/format";
import styles from "./Sankey.module.css";

type N = SankeyNode<FlowNode, FlowLink & { value: number }>;
type L = SankeyLink<FlowNode, FlowLink & { value: number }>;

/** Fixed columns: financiers | escrows & pools | firms | suppliers & returns. */
const COLUMN: Record<FlowNode["kind"], number> = {
  financier: 0,
  escrow: 1,
  pool: 1,
  firm: 2,
  supplier: 3,
  substitute: 3,
  return: 3,
};
const align = (node: FlowNode, n: number) => Math.min(COLUMN[node.kind], n - 1);

const COLORS: Record<FlowNode["kind"], string> = {
  financier: "#1f4e9e",
  escrow: "#3a7bd5",
  pool: "#6a5acd",
  firm: "#12805c",
  supplier: "#5f7d8e",
  substitute: "#d9480f",
  return: "#98a2b3",
};

export interface SankeyProps {
  graph: FlowGraph;
  decimals: number;
  /** The short text beside a node. */
  label: (node: FlowNode) => string;
  /** The node's hover title (default: its label); may be longer, e.g. with the project's title. */
  nodeTitle?: (node: FlowNode) => string;
  formatValue: (amount: bigint) => string;
  linkTitle: (link: FlowLink) => string;
  selected?: FlowLink;
  onSelect?: (link: FlowLink | undefined) => void;
  width?: number;
  height?: number;
}

export function Sankey({
  graph,
  decimals,
  label,
  nodeTitle = label,
  formatValue,
  linkTitle,
  selected,
  onSelect,
  width = 1160,
  height = 460,
}: SankeyProps) {
  const [hover, setHover] = useState<{ x: number; y: number; text: string }>();
  const layout = useMemo(() => {
    if (graph.links.length === 0) return undefined;
    const generator = sankey<FlowNode, FlowLink & { value: number }>()
      .nodeId((d) => d.id)
      .nodeAlign(align)
      .nodeWidth(12)
      .nodePadding(14)
      .extent([
        [1, 8],
        [width - 1, height - 8],
      ]);
    // d3-sankey mutates its input: give it copies. Values in whole token units (display only).
    return generator({
      nodes: graph.nodes.map((n) => ({ ...n })),
      links: graph.links.map((l) => ({ ...l, value: Math.max(toNumber(l.amount, decimals), 1e-9) })),
    });
  }, [graph, decimals, width, height]);

  // Node totals as exact amounts (what d3 lays out with: the larger of inflow and outflow).
  const nodeAmounts = useMemo(() => {
    const inflow = new Map<string, bigint>();
    const outflow = new Map<string, bigint>();
    for (const l of graph.links) {
      inflow.set(l.target, (inflow.get(l.target) ?? 0n) + l.amount);
      outflow.set(l.source, (outflow.get(l.source) ?? 0n) + l.amount);
    }
    return (id: string) => {
      const a = inflow.get(id) ?? 0n;
      const b = outflow.get(id) ?? 0n;
      return a > b ? a : b;
    };
  }, [graph]);

  if (!layout) return null;
  const path = sankeyLinkHorizontal<N, L>();
  const isSelected = (l: FlowLink) =>
    selected && selected.source === l.source && selected.target === l.target && selected.kind === l.kind;
  const idOf = (x: string | number | N) => (typeof x === "object" ? x.id : String(x));

  return (
    <div className={styles.wrap} onMouseLeave={() => setHover(undefined)}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className={styles.svg}
        role="img"
        aria-label="fund flows"
        data-testid="sankey"
      >
        <g fill="none">
          {layout.links.map((l, i) => {
            const link = graph.links.find(
              (g) => g.source === idOf(l.source) && g.target === idOf(l.target) && g.kind === l.kind,
            )!;
            const color = l.substitute ? COLORS.substitute : COLORS[(l.source as N).kind];
            return (
              <path
                key={i}
                d={path(l) ?? undefined}
                stroke={color}
                strokeOpacity={isSelected(link) ? 0.7 : l.substitute ? 0.55 : 0.28}
                strokeWidth={Math.max(1, l.width ?? 1)}
                className={styles.link}
                data-testid={l.substitute ? "sankey-link-substitute" : "sankey-link"}
                data-kind={l.kind}
                data-source={link.source}
                data-target={link.target}
                data-amount={l.amount.toString()}
                onMouseMove={(e) => {
                  const box = (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
                  setHover({
                    x: e.clientX - box.left,
                    y: e.clientY - box.top,
                    text: `${linkTitle(link)}: ${formatValue(link.amount)}`,
                  });
                }}
                onClick={() => onSelect?.(isSelected(link) ? undefined : link)}
              >
                <title>{`${linkTitle(link)}: ${formatValue(link.amount)}`}</title>
              </path>
            );
          })}
        </g>
        <g>
          {layout.nodes.map((n) => {
            const x0 = n.x0 ?? 0;
            const x1 = n.x1 ?? 0;
            const y0 = n.y0 ?? 0;
            const y1 = n.y1 ?? 0;
            const left = x0 < width / 2;
            return (
              <g key={n.id} data-testid={`sankey-node-${n.kind}`}>
                <rect x={x0} y={y0} width={x1 - x0} height={Math.max(1, y1 - y0)} fill={COLORS[n.kind]} rx={2}>
                  <title>{`${nodeTitle(n)}: ${formatValue(nodeAmounts(n.id))}`}</title>
                </rect>
                <text
                  x={left ? x1 + 6 : x0 - 6}
                  y={(y0 + y1) / 2}
                  dy="0.35em"
                  textAnchor={left ? "start" : "end"}
                  className={n.kind === "substitute" ? styles.labelSubstitute : styles.label}
                >
                  {label(n)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      {hover && (
        <div className={styles.tooltip} style={{ left: hover.x + 12, top: hover.y + 12 }} data-testid="sankey-tooltip">
          {hover.text}
        </div>
      )}
    </div>
  );
}
