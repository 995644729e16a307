"use client";
/** Reporter console (local chains): a reporter account votes that a supplier is disrupted or recovered. */
import { useState } from "react";
import { isAddress } from "viem";
import { usePublicClient } from "wagmi";
import { Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useContractRead } from "@/hooks/useContractRead";
import { useDeployment } from "@/hooks/useDeployment";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { documentHash } from "@/lib/documents";

export function ReporterConsole() {
  const t = useT();
  const account = useConnectedAccount();
  const { chainId } = useDeployment();
  const client = usePublicClient({ chainId });
  const { write, isPending } = useWriteFlow();
  const [supplier, setSupplier] = useState("");
  const [evidence, setEvidence] = useState("");
  const config = useContractRead({ contract: "DisruptionOracle", functionName: "config" });
  const isReporter = useContractRead({
    contract: "DisruptionOracle",
    functionName: "isReporter",
    args: account ? [account] : undefined,
    enabled: !!account,
  });
  const valid = isAddress(supplier) && evidence.trim().length > 0;
  const submit = async (disrupted: boolean) => {
    if (!isAddress(supplier) || !client) return;
    const block = await client.getBlock();
    await write({
      contract: "DisruptionOracle",
      functionName: "report",
      args: [supplier, disrupted, documentHash(evidence.trim()), block.timestamp],
      label: disrupted ? t("supply.reportDisruption") : t("supply.reportRecovery"),
    });
  };
  const [reporterCount, quorum] = config.data ?? [];
  return (
    <Section
      title={t("supply.reporterConsole")}
      testId="reporter-console"
      aside={
        quorum !== undefined && reporterCount !== undefined ? (
          <span className="muted">
            {t("supply.quorum", { quorum: quorum.toString(), count: reporterCount.toString() })}
          </span>
        ) : undefined
      }
    >
      {account && isReporter.data === false && <p className="muted">{t("supply.notReporter")}</p>}
      <div className="formRow">
        <label>
          {t("supply.supplierAddress")}
          <input
            value={supplier}
            onChange={(e) => setSupplier(e.target.value.trim())}
            placeholder="0x…"
            size={44}
            className="mono"
            data-testid="report-supplier"
          />
        </label>
        <label>
          {t("supply.evidenceText")}
          <input
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            size={40}
            data-testid="report-evidence"
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={!account || !valid || isPending}
          onClick={() => void submit(true)}
          data-testid="report-disruption"
        >
          {t("supply.reportDisruption")}
        </button>
        <button
          type="button"
          disabled={!account || !valid || isPending}
          onClick={() => void submit(false)}
          data-testid="report-recovery"
        >
          {t("supply.reportRecovery")}
        </button>
      </div>
      {!account && <p className="muted">{t("wallet.connectToAct")}</p>}
    </Section>
  );
}
