"use client";
/**
 * The document behind a hash the chain stores (a project's description, a component's specification, evidence,
 * reasons, an invoice): its published text when one hashes to this value, else the shortened hash marked
 * "private" (its writer kept it so) or "not published". The hash is always on hover, for whoever checks the text
 * against the chain. A published text is anyone's input: React renders it as text (never HTML, never a link).
 */
import { usePublishedDocuments } from "@/hooks/usePublishedDocuments";
import { useI18n } from "@/i18n";
import { DocumentView } from "./DocumentView";

export function DocumentText({
  hash,
  testId,
  offeredChoice = true,
}: {
  hash: string | undefined;
  testId?: string;
  /** False for hashes written without the choice to publish (invoices, oracle reports): "not published". */
  offeredChoice?: boolean;
}) {
  const { t, locale } = useI18n();
  const { stateOf } = usePublishedDocuments([hash]);
  return <DocumentView hash={hash} state={stateOf(hash, offeredChoice)} locale={locale} t={t} testId={testId} />;
}
