"use client";
/** Shared labelling of flow nodes/links and event names for every view. */
import type { Translate } from "@/i18n";
import { addressLabel, type KnownNames } from "@/lib/address";
import type { FlowLink, FlowNode } from "@/lib/ledger";

export function flowNodeLabel(n: FlowNode, t: Translate, names: KnownNames): string {
  switch (n.kind) {
    case "escrow":
      return t("flow.escrow", { id: n.ref });
    case "pool":
      return t("flow.pool", { id: n.ref });
    case "return":
      if (n.returnOf === "repayment") return t("flow.repayment", { id: n.ref });
      return t(n.returnOf === "refund" ? "flow.refund" : "flow.withdrawal", { name: addressLabel(n.ref, names) });
    default:
      return addressLabel(n.ref, names);
  }
}

export function flowLinkLabel(l: FlowLink, nodes: Map<string, FlowNode>, t: Translate, names: KnownNames): string {
  const s = nodes.get(l.source);
  const d = nodes.get(l.target);
  const from = s ? flowNodeLabel(s, t, names) : l.source;
  const to = d ? flowNodeLabel(d, t, names) : l.target;
  return `${from} → ${to} (${t(`flow.kind.${l.kind}`)})`;
}
