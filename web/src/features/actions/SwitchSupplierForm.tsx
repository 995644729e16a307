"use client";
/**
 * The firm switches one of its components to another listed supplier — typically back to the primary after it
 * recovered. Nothing is paid. A supplier the oracle holds disrupted is shown but cannot be chosen (the registry
 * refuses it: a component never goes back to a disrupted supplier).
 */
import { useState } from "react";
import { Section } from "@/components/ui";
import { usePublishedDocuments } from "@/hooks/usePublishedDocuments";
import { useDeployment } from "@/hooks/useDeployment";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { addressLabel, sameAddress } from "@/lib/address";
import { switchTargets, type ComponentState } from "@/lib/components";
import { isDisruptedIn, type SupplierState } from "@/lib/suppliers";

const keyOf = (c: ComponentState) => `${c.projectId}:${c.componentId}`;

export function SwitchSupplierForm({
  components,
  states,
}: {
  components: readonly ComponentState[];
  states: ReadonlyMap<string, SupplierState>;
}) {
  const t = useT();
  const { names } = useDeployment();
  const specifications = usePublishedDocuments(components.map((c) => c.metadataHash));
  const { write, isPending } = useWriteFlow();
  const [selected, setSelected] = useState("");
  const [to, setTo] = useState("");
  if (components.length === 0) return null;
  const component = components.find((c) => keyOf(c) === selected) ?? components[0];
  const targets = switchTargets(component, (a) => isDisruptedIn(states, a));
  const target = targets.find((s) => sameAddress(s.supplier, to) && !s.disrupted);
  const componentName = (c: ComponentState) => {
    const text = specifications.labelOf(c.metadataHash);
    return `#${c.projectId} · ${t("supply.component")} #${c.componentId}${text ? ` · ${text}` : ""}`;
  };
  return (
    <Section title={t("firmForms.switchSupplier")} testId="switch-supplier">
      <p className="muted">{t("firmForms.switchHint")}</p>
      <div className="formRow">
        <label>
          {t("supply.component")}
          <select
            value={keyOf(component)}
            onChange={(e) => {
              setSelected(e.target.value);
              setTo("");
            }}
            data-testid="switch-component"
          >
            {components.map((c) => (
              <option key={keyOf(c)} value={keyOf(c)}>
                {componentName(c)}
              </option>
            ))}
          </select>
        </label>
        <span data-testid="switch-current">
          {t("supply.current")}: {addressLabel(component.current, names)}
        </span>
        <label>
          {t("firmForms.switchTo")}
          <select value={target ? to : ""} onChange={(e) => setTo(e.target.value)} data-testid="switch-to">
            <option value="">—</option>
            {targets.map((s) => (
              <option key={s.supplier} value={s.supplier} disabled={s.disrupted}>
                {addressLabel(s.supplier, names)} · {s.primary ? t("supply.primary") : t("common.substitute")}
                {s.disrupted ? ` · ${t("supply.disrupted")}` : ""}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={isPending || !target}
          data-testid="switch-submit"
          onClick={() =>
            void write({
              contract: "SupplyChainRegistry",
              functionName: "switchSupplier",
              args: [component.projectId, component.componentId, target!.supplier],
              label: t("firmForms.switchSupplier"),
            })
          }
        >
          {t("firmForms.switchSupplier")}
        </button>
      </div>
    </Section>
  );
}
