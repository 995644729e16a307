"use client";
/**
 * The firm pays from an approved milestone's budget: to itself or one of the project's registered suppliers,
 * with a cost category and the invoice reference it publishes (the chain keeps the text's hash).
 */
import { useState } from "react";
import { Category, CategoryNames } from "@/generated/enums";
import { useDeployment } from "@/hooks/useDeployment";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useI18n, useT, type MessageKey } from "@/i18n";
import { addressLabel } from "@/lib/address";
import { documentHash } from "@/lib/documents";
import type { MilestoneState, ProjectModel } from "@/lib/projects";
import { CATEGORY_RULES } from "@/lib/rdLedger/rules";
import { AmountField, useParsedAmount } from "./fields";

const CATEGORIES = Object.values(Category);

/** The one-line explanation of a statutory category (docs/RD-LEDGER.md), in the user's language. */
function CategoryHint({ category }: { category: number }) {
  const { locale } = useI18n();
  const rule = CATEGORY_RULES[CategoryNames[category]];
  return <small data-testid="pay-category-hint">{locale === "zh" ? rule.explainZh : rule.explainEn}</small>;
}

export function DisburseForm({
  project,
  payable,
  payees,
}: {
  project: ProjectModel;
  /** The approved milestones with budget left (at least one). */
  payable: readonly MilestoneState[];
  /** Registered suppliers of the project (besides the firm). */
  payees: readonly string[];
}) {
  const t = useT();
  const { names } = useDeployment();
  const token = useTokenInfo(project.token);
  const { write, isPending } = useWriteFlow();
  const [payee, setPayee] = useState<string>(project.firm);
  const [amount, setAmount] = useState("");
  const [category, setCategory] = useState<number>(Category.DirectInputs);
  const [invoice, setInvoice] = useState("");
  const [milestone, setMilestone] = useState<number | undefined>(undefined);
  const payAmount = useParsedAmount(amount, project.token);
  const chosen = milestone ?? payable[0]?.index;
  return (
    <div className="formRow" data-testid="pay-form">
      <label>
        {t("projects.milestone")}
        <select value={chosen} onChange={(e) => setMilestone(Number(e.target.value))} data-testid="pay-milestone">
          {payable.map((m) => (
            <option key={m.index} value={m.index}>
              {m.index + 1}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("projects.payee")}
        <select value={payee} onChange={(e) => setPayee(e.target.value)} data-testid="pay-payee">
          {[project.firm, ...payees].map((a) => (
            <option key={a} value={a}>
              {addressLabel(a, names)}
            </option>
          ))}
        </select>
      </label>
      <AmountField
        label={t("common.amount")}
        value={amount}
        onChange={setAmount}
        token={project.token}
        testId="pay-amount"
      />
      <label>
        {t("projects.category")}
        <select value={category} onChange={(e) => setCategory(Number(e.target.value))} data-testid="pay-category">
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}` as MessageKey)}
            </option>
          ))}
        </select>
        <CategoryHint category={category} />
      </label>
      <label>
        {t("actions.invoice")}
        <input value={invoice} onChange={(e) => setInvoice(e.target.value)} size={18} data-testid="pay-invoice" />
      </label>
      <button
        type="button"
        className="primary"
        disabled={isPending || !payAmount || invoice.trim() === "" || chosen === undefined}
        data-testid="pay-submit"
        onClick={async () => {
          if (!payAmount || chosen === undefined) return;
          const ok = await write({
            contract: "RDEscrow",
            functionName: "disburse",
            args: [
              project.id,
              BigInt(chosen),
              payee as `0x${string}`,
              payAmount,
              category,
              documentHash(invoice.trim()),
            ],
            label: t("actions.pay"),
            token: { decimals: token.decimals, symbol: token.symbol },
          });
          if (ok) {
            setAmount("");
            setInvoice("");
          }
        }}
      >
        {t("actions.pay")}
      </button>
    </div>
  );
}
