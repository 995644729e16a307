"use client";
/** Actions on one project for whoever is connected: fund / commit (financiers), claim refund and withdraw
 * (their positions), review (verifier), submit evidence, pay, repay (firm). All through useWriteFlow. */
import { useState } from "react";
import { keccak256, stringToHex } from "viem";
import { Amount } from "@/components/Amount";
import { Section } from "@/components/ui";
import { Category, CategoryNames } from "@/generated/enums";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useContractRead } from "@/hooks/useContractRead";
import { useDeployment } from "@/hooks/useDeployment";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useI18n, useT, type MessageKey } from "@/i18n";
import { addressLabel, sameAddress } from "@/lib/address";
import type { ComponentState } from "@/lib/components";
import type { ProjectModel } from "@/lib/projects";
import { CATEGORY_RULES } from "@/lib/rdLedger/rules";
import { AmountField, useParsedAmount } from "./fields";
import { PoolExposure, PoolWithdrawal, RefundClaim } from "./PositionActions";

const hashText = (s: string) => keccak256(stringToHex(s.trim()));

export function ProjectActions({
  project,
  owed,
  payees,
}: {
  project: ProjectModel;
  /** Substitute financing the firm still owes the pool. */
  owed: bigint;
  /** Registered suppliers of the project (besides the firm). */
  payees: readonly string[];
  components?: readonly ComponentState[];
}) {
  const t = useT();
  const account = useConnectedAccount();
  if (!account) {
    return (
      <Section title={t("actions.title")} testId="project-actions">
        <p className="muted">{t("wallet.connectToAct")}</p>
      </Section>
    );
  }
  const isFirm = sameAddress(account, project.firm);
  const isVerifier = sameAddress(account, project.verifier);
  return (
    <Section title={t("actions.title")} testId="project-actions">
      {!isFirm && !isVerifier && project.status === "Active" && <FundAndCommit project={project} />}
      {!isFirm && !isVerifier && <Positions project={project} />}
      {isVerifier && <Review project={project} />}
      {isFirm && <FirmActions project={project} owed={owed} payees={payees} />}
    </Section>
  );
}

function FundAndCommit({ project }: { project: ProjectModel }) {
  const t = useT();
  const { addressOf } = useDeployment();
  const token = useTokenInfo(project.token);
  const { writeWithAllowance, isPending } = useWriteFlow();
  const [fund, setFund] = useState("");
  const [commit, setCommit] = useState("");
  const fundAmount = useParsedAmount(fund, project.token);
  const commitAmount = useParsedAmount(commit, project.token);
  const escrow = addressOf("RDEscrow");
  const pool = addressOf("ContingencyPool");
  const tokenOpt = { decimals: token.decimals, symbol: token.symbol };
  return (
    <>
      <div className="formRow">
        <AmountField
          label={t("actions.fundAmount")}
          value={fund}
          onChange={setFund}
          token={project.token}
          testId="fund-amount"
        />
        <button
          type="button"
          className="primary"
          disabled={!fundAmount || !escrow || isPending}
          data-testid="fund-submit"
          onClick={async () => {
            if (!fundAmount || !escrow) return;
            const ok = await writeWithAllowance(
              { token: project.token, spender: escrow, amount: fundAmount, label: t("actions.approve") },
              {
                contract: "RDEscrow",
                functionName: "fund",
                args: [project.id, fundAmount],
                label: t("actions.fund", { id: project.id.toString() }),
                token: tokenOpt,
              },
            );
            if (ok) setFund("");
          }}
        >
          {t("actions.fundSubmit")}
        </button>
      </div>
      <div className="formRow">
        <AmountField
          label={t("actions.commitAmount")}
          value={commit}
          onChange={setCommit}
          token={project.token}
          testId="commit-amount"
        />
        <button
          type="button"
          disabled={!commitAmount || !pool || isPending}
          data-testid="commit-submit"
          onClick={async () => {
            if (!commitAmount || !pool) return;
            const ok = await writeWithAllowance(
              { token: project.token, spender: pool, amount: commitAmount, label: t("actions.approve") },
              {
                contract: "ContingencyPool",
                functionName: "commit",
                args: [project.id, commitAmount, commitAmount, commitAmount],
                label: t("actions.commit", { id: project.id.toString() }),
                token: tokenOpt,
              },
            );
            if (ok) setCommit("");
          }}
        >
          {t("actions.commitSubmit")}
        </button>
      </div>
    </>
  );
}

/** The connected financier's refund and pool positions in this project (shown only where it has one). */
function Positions({ project }: { project: ProjectModel }) {
  const t = useT();
  const account = useConnectedAccount();
  const inEscrow = useContractRead({
    contract: "RDEscrow",
    functionName: "getPosition",
    args: account ? [project.id, account] : undefined,
    enabled: !!account,
  });
  const inPool = useContractRead({
    contract: "ContingencyPool",
    functionName: "getPosition",
    args: account ? [project.id, account] : undefined,
    enabled: !!account,
  });
  const contributed = inEscrow.data?.[0] ?? 0n;
  const pooled = !!inPool.data && (inPool.data.shares > 0n || inPool.data.claimUnits > 0n);
  if (contributed === 0n && !pooled) return null;
  return (
    <div className="formRow">
      {contributed > 0n && (
        <span>
          {t("actions.claimable")}: <RefundClaim projectId={project.id} token={project.token} />
        </span>
      )}
      {pooled && (
        <>
          <span>
            {t("financier.exposure")}: <PoolExposure projectId={project.id} token={project.token} />
          </span>
          <span>
            {t("actions.withdrawable")}: <PoolWithdrawal projectId={project.id} token={project.token} />
          </span>
        </>
      )}
    </div>
  );
}

function Review({ project }: { project: ProjectModel }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [reason, setReason] = useState("");
  const submitted = project.milestones.filter((m) => m.status === "Submitted");
  if (submitted.length === 0) return <p className="muted">{t("actions.nothingToReview")}</p>;
  return (
    <>
      {submitted.map((m) => (
        <div className="formRow" key={m.index} data-testid="review-milestone" data-index={m.index}>
          <strong>
            {t("projects.milestone")} {m.index + 1}
          </strong>
          <button
            type="button"
            className="primary"
            disabled={isPending}
            data-testid="approve-milestone"
            onClick={() =>
              void write({
                contract: "RDEscrow",
                functionName: "approveMilestone",
                args: [project.id, BigInt(m.index)],
                label: t("actions.approveMilestone", { index: m.index + 1 }),
              })
            }
          >
            {t("actions.approveMilestone", { index: m.index + 1 })}
          </button>
          <label>
            {t("actions.rejectReason")}
            <input value={reason} onChange={(e) => setReason(e.target.value)} size={30} data-testid="reject-reason" />
          </label>
          <button
            type="button"
            disabled={isPending || reason.trim() === ""}
            data-testid="reject-milestone"
            onClick={() =>
              void write({
                contract: "RDEscrow",
                functionName: "rejectMilestone",
                args: [project.id, BigInt(m.index), hashText(reason)],
                label: t("actions.rejectMilestone", { index: m.index + 1 }),
              })
            }
          >
            {t("actions.rejectMilestone", { index: m.index + 1 })}
          </button>
        </div>
      ))}
    </>
  );
}

const CATEGORIES = Object.values(Category);

/** The one-line explanation of a statutory category (docs/RD-LEDGER.md), in the user's language. */
function CategoryHint({ category }: { category: number }) {
  const { locale } = useI18n();
  const rule = CATEGORY_RULES[CategoryNames[category]];
  return <small data-testid="pay-category-hint">{locale === "zh" ? rule.explainZh : rule.explainEn}</small>;
}

function FirmActions({ project, owed, payees }: { project: ProjectModel; owed: bigint; payees: readonly string[] }) {
  const t = useT();
  const { names, addressOf } = useDeployment();
  const token = useTokenInfo(project.token);
  const { write, writeWithAllowance, isPending } = useWriteFlow();
  const [evidence, setEvidence] = useState("");
  const [payee, setPayee] = useState<string>(project.firm);
  const [amount, setAmount] = useState("");
  const [category, setCategory] = useState<number>(Category.DirectInputs);
  const [invoice, setInvoice] = useState("");
  const [repay, setRepay] = useState("");
  const payAmount = useParsedAmount(amount, project.token);
  const repayAmount = useParsedAmount(repay, project.token);
  const tokenOpt = { decimals: token.decimals, symbol: token.symbol };
  const submittable = project.milestones.find((m) => m.status === "Pending" || m.status === "Rejected");
  const payable = project.milestones.filter((m) => m.status === "Approved" && m.paid < m.budget);
  const [milestone, setMilestone] = useState<number | undefined>(undefined);
  const chosen = milestone ?? payable[0]?.index;
  const pool = addressOf("ContingencyPool");
  return (
    <>
      {project.status === "Active" && submittable && (
        <div className="formRow">
          <label>
            {t("actions.evidence", { index: submittable.index + 1 })}
            <input
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              size={40}
              data-testid="evidence-text"
            />
          </label>
          <button
            type="button"
            className="primary"
            disabled={isPending || evidence.trim() === ""}
            data-testid="submit-evidence"
            onClick={async () => {
              const ok = await write({
                contract: "RDEscrow",
                functionName: "submitMilestone",
                args: [project.id, BigInt(submittable.index), hashText(evidence)],
                label: t("actions.submitEvidence"),
              });
              if (ok) setEvidence("");
            }}
          >
            {t("actions.submitEvidence")}
          </button>
        </div>
      )}
      {payable.length > 0 && (
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
                args: [project.id, BigInt(chosen), payee as `0x${string}`, payAmount, category, hashText(invoice)],
                label: t("actions.pay"),
                token: tokenOpt,
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
      )}
      {owed > 0n && (
        <div className="formRow">
          <span data-testid="financing-owed">
            {t("firm.financing")}: <Amount value={owed} token={project.token} />
          </span>
          <AmountField
            label={t("actions.repayAmount")}
            value={repay}
            onChange={setRepay}
            token={project.token}
            testId="repay-amount"
          />
          <button
            type="button"
            disabled={isPending || !repayAmount || !pool}
            data-testid="repay-submit"
            onClick={async () => {
              if (!repayAmount || !pool) return;
              const ok = await writeWithAllowance(
                { token: project.token, spender: pool, amount: repayAmount, label: t("actions.approve") },
                {
                  contract: "ContingencyPool",
                  functionName: "repay",
                  args: [project.id, repayAmount],
                  label: t("actions.repay"),
                  token: tokenOpt,
                },
              );
              if (ok) setRepay("");
            }}
          >
            {t("actions.repay")}
          </button>
        </div>
      )}
    </>
  );
}
