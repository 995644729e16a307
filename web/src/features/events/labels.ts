"use client";
/** Shared labelling of flow nodes/links and event names for every view. */
import type { Translate } from "@/i18n";
import { addressLabel, type KnownNames } from "@/lib/address";
import type { FlowLink, FlowNode } from "@/lib/ledger";

/** A project's name for labels (its published title), if any. */
export type ProjectName = (projectId: string) => string | undefined;

const withName = (label: string, name: string | undefined) => (name ? `${label} · ${name}` : label);

export function flowNodeLabel(n: FlowNode, t: Translate, names: KnownNames, projectName?: ProjectName): string {
  switch (n.kind) {
    case "escrow":
      return withName(t("flow.escrow", { id: n.ref }), projectName?.(n.ref));
    case "pool":
      return withName(t("flow.pool", { id: n.ref }), projectName?.(n.ref));
    case "return":
      if (n.returnOf === "repayment") return t("flow.repayment", { id: n.ref });
      return t(n.returnOf === "refund" ? "flow.refund" : "flow.withdrawal", { name: addressLabel(n.ref, names) });
    default:
      return addressLabel(n.ref, names);
  }
}

export function flowLinkLabel(
  l: FlowLink,
  nodes: Map<string, FlowNode>,
  t: Translate,
  names: KnownNames,
  projectName?: ProjectName,
): string {
  const s = nodes.get(l.source);
  const d = nodes.get(l.target);
  const from = s ? flowNodeLabel(s, t, names, projectName) : l.source;
  const to = d ? flowNodeLabel(d, t, names, projectName) : l.target;
  return `${from} → ${to} (${t(`flow.kind.${l.kind}`)})`;
}
