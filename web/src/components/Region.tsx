"use client";
/** A supplier's region (ISO 3166 alpha-2) by its name in the reader's language; the code on hover. */
import type { Locale } from "@/lib/format";

const displayNames = new Map<Locale, Intl.DisplayNames>();

export function regionName(code: string, locale: Locale): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === "zh" ? "zh-CN" : "en"], { type: "region", fallback: "code" });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

export function Region({ code, locale }: { code: string | undefined; locale: Locale }) {
  if (!code) return <span>—</span>;
  return (
    <span title={code} data-region={code}>
      {regionName(code, locale)}
    </span>
  );
}
