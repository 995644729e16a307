/** What DocumentText shows for a known state of a document (pure: unit-tested without a chain). */
import type { Translate } from "@/i18n";
import { shortenAddress } from "@/lib/address";
import { documentLabel, isNoDocument, type DocumentState } from "@/lib/documents";
import type { Locale } from "@/lib/format";

export function DocumentView({
  hash,
  state,
  locale,
  t,
  testId,
}: {
  hash: string | undefined;
  state: DocumentState;
  locale: Locale;
  t: Translate;
  testId?: string;
}) {
  if (isNoDocument(hash)) return <span data-testid={testId}>—</span>;
  if (state.kind === "published") {
    return (
      <span title={t("documents.publishedTitle", { hash: hash! })} data-testid={testId} data-document="published">
        {documentLabel(state.text, locale)}
      </span>
    );
  }
  const mark =
    state.kind === "private"
      ? t("documents.privateMark")
      : state.kind === "notPublished"
        ? t("documents.notPublished")
        : undefined;
  const title =
    state.kind === "private"
      ? t("documents.privateTitle", { hash: hash! })
      : state.kind === "notPublished"
        ? t("documents.notPublishedTitle", { hash: hash! })
        : hash;
  return (
    <span title={title} data-testid={testId} data-document={state.kind}>
      <span className="mono">{shortenAddress(hash!)}</span>
      {mark && <span className="muted"> ({mark})</span>}
    </span>
  );
}
