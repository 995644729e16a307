"use client";
/**
 * The firm sets its pool's terms (the same for every financier): exposure cap and per-disruption cap as percentages
 * of the pool, withdrawal notice and repayment term in days. Before any commitment they apply at once; afterwards a
 * tightening applies at once and a loosening only after the notice in force (the pool decides; the terms shown
 * above the form say which). Refusals (caps out of order, a notice outside the oracle's and registry's bounds) come
 * back as decoded sentences.
 */
import { useState } from "react";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { parseTermsInput } from "@/lib/poolTerms";
import { PoolTermsSummary } from "./PoolTermsSummary";

export function SetPoolTermsForm({ projectId }: { projectId: bigint }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [input, setInput] = useState({ exposurePct: "80", disruptionPct: "50", noticeDays: "3", repaymentDays: "90" });
  const terms = parseTermsInput(input);
  const field = (key: keyof typeof input, label: string) => (
    <label>
      {label}
      <input
        inputMode="decimal"
        value={input[key]}
        onChange={(e) => setInput({ ...input, [key]: e.target.value })}
        data-testid={`terms-${key}`}
      />
    </label>
  );
  return (
    <div data-testid="set-pool-terms">
      <PoolTermsSummary projectId={projectId} />
      <div className="formRow">
        {field("exposurePct", t("terms.exposurePct"))}
        {field("disruptionPct", t("terms.disruptionPct"))}
        {field("noticeDays", t("terms.noticeDays"))}
        {field("repaymentDays", t("terms.repaymentDays"))}
        <button
          type="button"
          disabled={!terms || isPending}
          data-testid="terms-submit"
          onClick={() =>
            terms &&
            void write({
              contract: "ContingencyPool",
              functionName: "setPoolTerms",
              args: [projectId, terms],
              label: t("terms.setLabel", { id: projectId.toString() }),
            })
          }
        >
          {t("terms.set")}
        </button>
      </div>
    </div>
  );
}
