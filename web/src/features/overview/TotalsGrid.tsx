"use client";
import { Amount } from "@/components/Amount";
import { Stat, StatGrid } from "@/components/ui";
import { useT, type MessageKey } from "@/i18n";
import type { Totals } from "@/lib/ledger";

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

export function TotalsGrid({ totals, token }: { totals: Totals; token?: `0x${string}` }) {
  const t = useT();
  return (
    <StatGrid>
      {FIELDS.map((f) => (
        <Stat key={f.key} label={t(f.label)} tone={f.tone} testId={`total-${f.key}`}>
          <Amount value={totals[f.key]} token={token} compact />
        </Stat>
      ))}
    </StatGrid>
  );
}
