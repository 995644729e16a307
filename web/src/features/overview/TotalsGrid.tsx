"use client";
import { Amount } from "@/components/Amount";
import { Stat, StatGrid } from "@/components/ui";
import { useT, type MessageKey } from "@/i18n";
import type { Totals } from "@/lib/ledger";
import { shownField, type Shown } from "./readState";

const FIELDS: { key: keyof Totals; label: MessageKey; tone?: "accent" | "warn" }[] = [
  { key: "funded", label: "totals.funded", tone: "accent" },
  { key: "disbursed", label: "totals.disbursed" },
  { key: "refunded", label: "totals.refunded" },
  { key: "escrowHeld", label: "totals.escrowHeld", tone: "accent" },
  { key: "committed", label: "totals.committed" },
  { key: "financed", label: "totals.financed", tone: "warn" },
  { key: "repaid", label: "totals.repaid" },
  { key: "poolHeld", label: "totals.poolHeld" },
];

/** The totals, each one "unknown" (with why) while they cannot be read — never 0.00. */
export function TotalsGrid({ totals, token }: { totals: Shown<Totals>; token?: `0x${string}` }) {
  const t = useT();
  return (
    <StatGrid>
      {FIELDS.map((f) => {
        const v = shownField(totals, f.key);
        return (
          <Stat key={f.key} label={t(f.label)} tone={f.tone} testId={`total-${f.key}`}>
            {v.kind === "value" ? (
              <Amount value={v.value} token={token} compact />
            ) : v.kind === "unknown" ? (
              <span className="muted" data-unknown="true" title={t("status.unknownBecause", { reason: v.reason })}>
                {t("status.unknown")}
              </span>
            ) : (
              <span className="muted">…</span>
            )}
          </Stat>
        );
      })}
    </StatGrid>
  );
}
