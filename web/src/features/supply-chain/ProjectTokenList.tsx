"use client";
/**
 * The tokens projects' pools may hold (ContingencyPool's allow-list): set at deploy, changed only by the pool's
 * owner, each change an event. A removed token takes no new commitments; pools already holding it keep working.
 */
import { Address } from "@/components/Address";
import { TxLink } from "@/components/TxLink";
import { Badge, Empty, Section } from "@/components/ui";
import { useProjectTokens, type ProjectTokenLine } from "@/hooks/useProjectTokens";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useT } from "@/i18n";
import { formatTimestamp } from "@/lib/format";

export function ProjectTokenList() {
  const t = useT();
  const { tokens } = useProjectTokens();
  return (
    <Section title={t("tokens.title")} testId="project-tokens">
      <p className="muted">{t("tokens.hint")}</p>
      {tokens.length === 0 ? (
        <Empty>{t("common.none")}</Empty>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t("tokens.token")}</th>
              <th>{t("tokens.symbol")}</th>
              <th>{t("common.status")}</th>
              <th>{t("tokens.changed")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((line) => (
              <TokenRow key={line.token} line={line} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function TokenRow({ line }: { line: ProjectTokenLine }) {
  const t = useT();
  const { symbol } = useTokenInfo(line.token);
  const allowed = line.allowedOnChain ?? line.allowed;
  return (
    <tr data-testid="project-token-row" data-token={line.token.toLowerCase()} data-allowed={String(allowed)}>
      <td>
        <Address address={line.token} />
      </td>
      <td>{symbol ?? "—"}</td>
      <td>
        <Badge tone={allowed ? "positive" : "neutral"}>{t(allowed ? "tokens.allowed" : "tokens.removed")}</Badge>
      </td>
      <td>
        {line.changedBy.timestamp !== undefined && formatTimestamp(line.changedBy.timestamp)}{" "}
        <TxLink hash={line.changedBy.transactionHash} />
        {line.changes > 1 && <div className="muted">{t("tokens.changes", { count: line.changes })}</div>}
      </td>
    </tr>
  );
}
