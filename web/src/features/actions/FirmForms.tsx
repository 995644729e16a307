"use client";
/** Firm forms: create a project with milestones; register a supplier for a project; define a component
 * with its primary supplier and a pre-approved substitute (with its agreed advance); remove a payee. */
import { useState } from "react";
import { isAddress } from "viem";
import { Notice, Section } from "@/components/ui";
import { Accounting, GreenCategory, RdForm, Stage } from "@/generated/enums";
import { useContractRead } from "@/hooks/useContractRead";
import { useDeployment } from "@/hooks/useDeployment";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT, type MessageKey } from "@/i18n";
import { parseAmount } from "@/lib/format";
import { documentArgs, documentSendable, type Visibility } from "@/lib/documents";
import { DocumentField } from "./DocumentField";
import { addressLabel } from "@/lib/address";
import type { SupplierInfo } from "@/lib/components";
import type { ProjectModel } from "@/lib/projects";
import { AmountField, useParsedAmount } from "./fields";

interface MilestoneRow {
  budget: string;
  deadline: string;
  stage: number;
  accounting: number;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export function CreateProjectForm() {
  const t = useT();
  const { names } = useDeployment();
  const token = useTokenInfo();
  const { write, isPending } = useWriteFlow();
  const verifiers = Object.entries(names).filter(([, v]) => v.role === "verifier");
  const [verifier, setVerifier] = useState(verifiers[0]?.[0] ?? "");
  const [description, setDescription] = useState("");
  const [descriptionVisibility, setDescriptionVisibility] = useState<Visibility>("publish");
  const [rows, setRows] = useState<MilestoneRow[]>([
    { budget: "", deadline: inDays(90), stage: Stage.Research, accounting: Accounting.Expensed },
    { budget: "", deadline: inDays(180), stage: Stage.Pilot, accounting: Accounting.Expensed },
  ]);
  const [rdForm, setRdForm] = useState<number>(RdForm.Independent);
  const [greenCategory, setGreenCategory] = useState<number>(GreenCategory.None);
  // The escrow's own limit (a project with more milestones is refused); rows stop there.
  const maxMilestones = useContractRead({ contract: "RDEscrow", functionName: "MAX_MILESTONES" }).data;
  const atCap = maxMilestones !== undefined && BigInt(rows.length) >= maxMilestones;
  const parsed = rows.map((r) => ({
    budget: parseAmount(r.budget, token.decimals),
    deadline: Math.floor(new Date(`${r.deadline}T23:59:59`).getTime() / 1000),
    stage: r.stage,
    accounting: r.accounting,
  }));
  const valid =
    !!token.address &&
    maxMilestones !== undefined &&
    BigInt(rows.length) <= maxMilestones &&
    isAddress(verifier) &&
    documentSendable(description, descriptionVisibility) &&
    parsed.every((m) => m.budget !== undefined && m.budget > 0n && Number.isFinite(m.deadline));
  const update = (i: number, patch: Partial<MilestoneRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Section title={t("firmForms.createProject")} testId="create-project">
      <div className="formRow">
        <label>
          {t("common.verifier")}
          <input
            value={verifier}
            onChange={(e) => setVerifier(e.target.value.trim())}
            size={44}
            className="mono"
            list="verifiers"
            data-testid="create-verifier"
          />
          <datalist id="verifiers">
            {verifiers.map(([a, v]) => (
              <option key={a} value={a}>
                {v.name}
              </option>
            ))}
          </datalist>
        </label>
        <DocumentField
          label={t("firmForms.description")}
          value={description}
          onChange={setDescription}
          visibility={descriptionVisibility}
          onVisibility={setDescriptionVisibility}
          testId="create-description"
        />
        <label>
          {t("firmForms.rdForm")}
          <select value={rdForm} onChange={(e) => setRdForm(Number(e.target.value))} data-testid="create-rd-form">
            {Object.values(RdForm).map((f) => (
              <option key={f} value={f}>
                {t(`rdForm.${f}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("firmForms.greenCategory")}
          <select
            value={greenCategory}
            onChange={(e) => setGreenCategory(Number(e.target.value))}
            data-testid="create-green-category"
          >
            {Object.values(GreenCategory).map((g) => (
              <option key={g} value={g}>
                {t(`greenCategory.${g}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="data">
        <thead>
          <tr>
            <th>#</th>
            <th>
              {t("projects.budget")} {token.symbol ? `(${token.symbol})` : ""}
            </th>
            <th>{t("projects.deadline")}</th>
            <th>{t("projects.stage")}</th>
            <th>{t("projects.accounting")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="create-milestone">
              <td className="num">{i + 1}</td>
              <td>
                <input
                  value={r.budget}
                  onChange={(e) => update(i, { budget: e.target.value })}
                  inputMode="decimal"
                  className="num"
                  size={14}
                />
              </td>
              <td>
                <input type="date" value={r.deadline} onChange={(e) => update(i, { deadline: e.target.value })} />
              </td>
              <td>
                <select
                  value={r.stage}
                  onChange={(e) => {
                    const stage = Number(e.target.value);
                    // Research is always expensed (企业会计准则第6号).
                    update(i, { stage, ...(stage === Stage.Research ? { accounting: Accounting.Expensed } : {}) });
                  }}
                >
                  {Object.values(Stage).map((s) => (
                    <option key={s} value={s}>
                      {t(`stage.${s}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  value={r.accounting}
                  disabled={r.stage === Stage.Research}
                  onChange={(e) => update(i, { accounting: Number(e.target.value) })}
                  data-testid="create-accounting"
                >
                  {Object.values(Accounting).map((a) => (
                    <option key={a} value={a}>
                      {t(`accounting.${a}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  disabled={rows.length <= 1}
                  onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                >
                  {t("firmForms.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="formRow" style={{ marginTop: 10 }}>
        <button
          type="button"
          disabled={atCap}
          data-testid="add-milestone"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                budget: "",
                deadline: inDays(90 * (rs.length + 1)),
                stage: rs[rs.length - 1]?.stage ?? Stage.Research,
                accounting: rs[rs.length - 1]?.accounting ?? Accounting.Expensed,
              },
            ])
          }
        >
          {t("firmForms.addMilestone")}
        </button>
        {atCap && (
          <span className="muted" data-testid="milestone-cap">
            {t("firmForms.milestoneCap", { max: maxMilestones.toString() })}
          </span>
        )}
        <button
          type="button"
          className="primary"
          disabled={!valid || isPending}
          data-testid="create-submit"
          onClick={() =>
            void write({
              contract: "RDEscrow",
              functionName: "createProject",
              args: [
                token.address!,
                verifier as `0x${string}`,
                ...documentArgs(description, descriptionVisibility),
                { rdForm, greenCategory },
                parsed.map((m) => ({
                  budget: m.budget!,
                  deadline: m.deadline,
                  stage: m.stage,
                  accounting: m.accounting,
                })),
              ],
              label: t("firmForms.createProject"),
              token: { decimals: token.decimals, symbol: token.symbol },
            })
          }
        >
          {t("firmForms.createProject")}
        </button>
      </div>
    </Section>
  );
}

export function SupplierForms({
  projects,
  suppliers,
}: {
  projects: readonly ProjectModel[];
  /** Registered suppliers with the projects that may pay them (from the registry's events). */
  suppliers: ReadonlyMap<string, SupplierInfo>;
}) {
  const t = useT();
  const { names } = useDeployment();
  const { write, isPending } = useWriteFlow();
  const [projectId, setProjectId] = useState(projects[0]?.id.toString() ?? "");
  const [supplier, setSupplier] = useState("");
  const [component, setComponent] = useState("");
  const [componentVisibility, setComponentVisibility] = useState<Visibility>("publish");
  const [primary, setPrimary] = useState("");
  const [substitute, setSubstitute] = useState("");
  const [advance, setAdvance] = useState("");
  const [payeeToRemove, setPayeeToRemove] = useState("");
  const project = projects.find((p) => p.id.toString() === projectId);
  const advanceAmount = useParsedAmount(advance, project?.token);
  if (projects.length === 0) return null;
  const pid = BigInt(projectId || "0");
  const payees = [...suppliers.values()].filter((s) => s.projects.has(projectId)).map((s) => s.supplier);
  const removing = payees.find((a) => a.toLowerCase() === payeeToRemove.toLowerCase());
  return (
    <Section title={t("firmForms.suppliers")} testId="supplier-forms">
      <div className="formRow">
        <label>
          {t("common.project")}
          <select value={projectId} onChange={(e) => setProjectId(e.target.value)} data-testid="supplier-project">
            {projects.map((p) => (
              <option key={p.id.toString()} value={p.id.toString()}>
                #{p.id.toString()}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="formRow">
        <label>
          {t("supply.supplierAddress")}
          <input
            value={supplier}
            onChange={(e) => setSupplier(e.target.value.trim())}
            size={44}
            className="mono"
            data-testid="register-supplier"
          />
        </label>
        <button
          type="button"
          disabled={isPending || !isAddress(supplier)}
          data-testid="register-submit"
          onClick={() =>
            void write({
              contract: "SupplyChainRegistry",
              functionName: "addProjectSupplier",
              args: [pid, supplier as `0x${string}`],
              label: t("firmForms.registerSupplier"),
            })
          }
        >
          {t("firmForms.registerSupplier")}
        </button>
      </div>
      <div className="formRow">
        <DocumentField
          label={t("supply.component")}
          value={component}
          onChange={setComponent}
          visibility={componentVisibility}
          onVisibility={setComponentVisibility}
          size={20}
          testId="component-spec"
        />
        <label>
          {t("supply.primary")}
          <input value={primary} onChange={(e) => setPrimary(e.target.value.trim())} size={44} className="mono" />
        </label>
        <label>
          {t("common.substitute")}
          <input value={substitute} onChange={(e) => setSubstitute(e.target.value.trim())} size={44} className="mono" />
        </label>
        <AmountField label={t("supply.advance")} value={advance} onChange={setAdvance} token={project?.token} />
        <button
          type="button"
          disabled={
            isPending ||
            !documentSendable(component, componentVisibility) ||
            !isAddress(primary) ||
            !isAddress(substitute) ||
            !advanceAmount
          }
          data-testid="define-component"
          onClick={() =>
            void write({
              contract: "SupplyChainRegistry",
              functionName: "defineComponent",
              args: [
                pid,
                ...documentArgs(component, componentVisibility),
                primary as `0x${string}`,
                [{ supplier: substitute as `0x${string}`, advance: advanceAmount! }],
              ],
              label: t("firmForms.defineComponent"),
            })
          }
        >
          {t("firmForms.defineComponent")}
        </button>
      </div>
      <Notice testId="listings-await">{t("firmForms.listingsAwait")}</Notice>
      <div className="formRow">
        <label>
          {t("firmForms.payee")}
          <select
            value={removing ?? ""}
            onChange={(e) => setPayeeToRemove(e.target.value)}
            className="mono"
            data-testid="remove-payee-select"
          >
            <option value="">{t("firmForms.choosePayee")}</option>
            {payees.map((a) => (
              <option key={a} value={a}>
                {addressLabel(a, names)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={isPending || !removing}
          data-testid="remove-payee-submit"
          onClick={() =>
            void write({
              contract: "SupplyChainRegistry",
              functionName: "removeProjectSupplier",
              args: [pid, removing!],
              label: t("firmForms.removePayee"),
            })
          }
        >
          {t("firmForms.removePayee")}
        </button>
      </div>
      <p className="muted">{t("firmForms.removePayeeHint")}</p>
    </Section>
  );
}
