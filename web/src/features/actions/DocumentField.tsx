"use client";
/**
 * A text a user writes for the chain (a project's description, a component's specification, a supplier's name,
 * evidence, reasons) with the writer's choice: publish it beside its hash, readable by everyone, or keep it
 * private (hash only). Says what happens to the text, and refuses a published text over the contracts' bound.
 */
import { useT } from "@/i18n";
import { documentBytes, MAX_DOCUMENT_BYTES, type Visibility } from "@/lib/documents";

export function DocumentField({
  label,
  value,
  onChange,
  visibility,
  onVisibility,
  size = 40,
  testId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  visibility: Visibility;
  onVisibility: (v: Visibility) => void;
  size?: number;
  /** The input's test id; the choice is `${testId}-visibility`, the hint `${testId}-hint`. */
  testId: string;
}) {
  const t = useT();
  const length = documentBytes(value.trim());
  const tooLong = visibility === "publish" && length > MAX_DOCUMENT_BYTES;
  return (
    <>
      <label>
        {label}
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          size={size}
          aria-invalid={tooLong}
          data-testid={testId}
        />
      </label>
      <label>
        {t("documents.visibility")}
        <select
          value={visibility}
          onChange={(e) => onVisibility(e.target.value as Visibility)}
          data-testid={`${testId}-visibility`}
        >
          <option value="publish">{t("documents.publish")}</option>
          <option value="private">{t("documents.private")}</option>
        </select>
      </label>
      <span className="muted" data-testid={`${testId}-hint`}>
        {tooLong
          ? t("documents.tooLong", { max: MAX_DOCUMENT_BYTES, length })
          : t(visibility === "publish" ? "documents.publishHint" : "documents.privateHint")}
      </span>
    </>
  );
}
