"use client";
/**
 * Advances the token refused (paused, blacklisted substitute, a transfer over the gas bound): each stays owed to
 * its substitute in the pool, and anyone may press Claim (`claimAdvance`, the tokens always go to the substitute),
 * now or after the token pays again. A refused claim shows the decoded reason and changes nothing.
 */
import { useState } from "react";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { TxLink } from "@/components/TxLink";
import { Badge, Empty, Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useOwedAdvances, type OwedAdvanceLine } from "@/hooks/useOwedAdvances";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import { formatTimestamp } from "@/lib/format";
import { Pager } from "@/features/events/Pager";
import { Known } from "./Known";

/** Pairs per page. */
const PAGE = 20;

export function OwedAdvances() {
  const t = useT();
  const [page, setPage] = useState(0);
  const { read, lines, totalCount } = useOwedAdvances(page, PAGE);
  return (
    <Section title={t("owed.title")} testId="owed-advances">
      <p className="muted">{t("owed.hint")}</p>
      <Known read={read}>
        {() =>
          lines.length === 0 ? (
            <Empty>{t("owed.none")}</Empty>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th>{t("common.project")}</th>
                  <th>{t("owed.substitute")}</th>
                  <th>{t("owed.refused")}</th>
                  <th className="right">{t("owed.owed")}</th>
                  <th className="right">{t("owed.claimed")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <OwedRow key={`${line.projectId}-${line.substitute}`} line={line} />
                ))}
              </tbody>
            </table>
          )
        }
      </Known>
      {totalCount > PAGE && (
        <Pager page={page} pages={Math.ceil(totalCount / PAGE)} rows={totalCount} onPage={setPage} />
      )}
    </Section>
  );
}

function OwedRow({ line }: { line: OwedAdvanceLine }) {
  const t = useT();
  const account = useConnectedAccount();
  const { write, isPending } = useWriteFlow();
  const owed = line.owedOnChain ?? line.owed;
  const mine = !!account && sameAddress(account, line.substitute);
  return (
    <tr
      data-testid="owed-row"
      data-project={String(line.projectId)}
      data-substitute={line.substitute.toLowerCase()}
      data-owed={String(owed)}
    >
      <td className="num">#{String(line.projectId)}</td>
      <td>
        <Address address={line.substitute} copy={false} /> {mine && <Badge tone="accent">{t("owed.you")}</Badge>}
      </td>
      <td>
        {line.lastRefusedAt !== undefined && formatTimestamp(line.lastRefusedAt)}{" "}
        {line.lastRefusalTx && <TxLink hash={line.lastRefusalTx} />}
        {line.refusals > 1 && <div className="muted">{t("owed.times", { count: line.refusals })}</div>}
      </td>
      <td className="right">
        {owed > 0n ? <Amount value={owed} token={line.token} /> : <Badge tone="positive">{t("owed.paid")}</Badge>}
      </td>
      <td className="right">
        <Amount value={line.claimed} token={line.token} />
      </td>
      <td className="right">
        {owed > 0n && (
          <button
            type="button"
            className="primary"
            disabled={isPending}
            data-testid="claim-advance"
            onClick={() =>
              void write({
                contract: "ContingencyPool",
                functionName: "claimAdvance",
                args: [line.projectId, line.substitute],
                label: t("owed.claimLabel", { project: String(line.projectId) }),
              })
            }
          >
            {t("owed.claim")}
          </button>
        )}
      </td>
    </tr>
  );
}
