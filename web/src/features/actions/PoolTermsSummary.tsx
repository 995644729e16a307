"use client";
/**
 * A project's pool terms before a financier commits: exposure cap and per-disruption cap (shares of the pool's
 * value), withdrawal notice, repayment term; and a pending loosening with the date it takes effect (a commitment made
 * now accepts the pending terms; a financier who disagrees can request its exit before that date).
 */
import { Badge, Notice } from "@/components/ui";
import { usePoolTerms } from "@/hooks/usePoolTerms";
import { useI18n } from "@/i18n";
import { formatTimestamp } from "@/lib/format";
import { bpsPercent, durationText, loosened, termsSet, type PoolTerms } from "@/lib/poolTerms";

export function PoolTermsSummary({ projectId }: { projectId: bigint }) {
  const { t } = useI18n();
  const { state } = usePoolTerms(projectId);
  if (!state) return null;
  if (!termsSet(state.inForce) && !state.pending) return <Notice testId="pool-terms-unset">{t("terms.unset")}</Notice>;
  const loose = new Set(loosened(state));
  return (
    <div data-testid="pool-terms">
      <TermsTable terms={state.inForce} caption={t("terms.inForce")} testId="pool-terms-in-force" />
      {state.pending && (
        <>
          <p data-testid="pool-terms-pending" data-effective-at={state.pending.effectiveAt}>
            <Badge tone="warn">{t("terms.pending")}</Badge>{" "}
            {t("terms.pendingFrom", { date: formatTimestamp(state.pending.effectiveAt) })}
          </p>
          <TermsTable terms={state.pending.terms} caption={t("terms.pendingTerms")} highlight={loose} />
        </>
      )}
    </div>
  );
}

function TermsTable({
  terms,
  caption,
  highlight,
  testId,
}: {
  terms: PoolTerms;
  caption: string;
  highlight?: ReadonlySet<keyof PoolTerms>;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const rows: [keyof PoolTerms, string, string][] = [
    ["exposureBps", t("terms.exposure"), bpsPercent(terms.exposureBps)],
    ["disruptionBps", t("terms.disruption"), bpsPercent(terms.disruptionBps)],
    ["withdrawalNotice", t("terms.notice"), durationText(terms.withdrawalNotice, locale)],
    ["repaymentTerm", t("terms.repayment"), durationText(terms.repaymentTerm, locale)],
  ];
  return (
    <table className="data" data-testid={testId}>
      <caption className="muted">{caption}</caption>
      <tbody>
        {rows.map(([key, label, value]) => (
          <tr key={key} data-term={key}>
            <td>{label}</td>
            <td className="num">
              {value} {highlight?.has(key) && <Badge tone="warn">{t("terms.loosened")}</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
