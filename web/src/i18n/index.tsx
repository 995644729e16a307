"use client";
/**
 * i18n runtime: checked-in catalogs (en, zh), a typed `t(key, params)`, a persisted language choice.
 * The server renders English; the stored choice is applied after mount (no hydration mismatch, see
 * LanguageProvider), and <html lang> follows it. English ships with every route; the Chinese catalog is loaded
 * when it is first chosen (loadCatalog), and the language switches once it is there.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type MessageKey } from "./en";
import { interpolate, type Params } from "./interpolate";
import { chainWordsIn, type ChainWordsIn } from "./chainWords";
import type { Locale } from "@/lib/format";

export type { MessageKey, Params };
export { interpolate };
export type Translate = (key: MessageKey, params?: Params) => string;
type Catalog = Record<MessageKey, string>;

/** The catalogs loaded so far (English always). */
const catalogs: Partial<Record<Locale, Catalog>> = { en };
const importers: Record<Locale, () => Promise<Catalog>> = {
  en: async () => en,
  zh: async () => (await import("./zh")).zh,
};

/** Loads the catalog of `locale` (once); translator(locale) uses it from then on. */
export async function loadCatalog(locale: Locale): Promise<void> {
  catalogs[locale] ??= await importers[locale]();
}

const STORAGE_KEY = "rdcf.locale";

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale] ?? en;
  return (key, params) => interpolate(catalog[key] ?? en[key] ?? key, params);
}

/** Whether a string is a key of the catalogs (for keys built at run time, e.g. error names). */
export const isMessageKey = (key: string): key is MessageKey => key in en;

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: "en", setLocale: () => {}, t: translator("en") });

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>("en");
  // Shows `l` once its catalog is loaded (at once for English and for a catalog loaded before).
  const show = useCallback((l: Locale) => {
    if (catalogs[l]) setLocaleState(l);
    else void loadCatalog(l).then(() => setLocaleState(l));
  }, []);
  useEffect(() => {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === "en" || stored === "zh") show(stored);
  }, [show]);
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  }, [locale]);
  const setLocale = useCallback(
    (l: Locale) => {
      show(l);
      window.localStorage.setItem(STORAGE_KEY, l);
    },
    [show],
  );
  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18nValue => useContext(I18nContext);
export const useT = (): Translate => useContext(I18nContext).t;

const chainWordsByLocale: Record<Locale, ChainWordsIn> = { en: chainWordsIn("en"), zh: chainWordsIn("zh") };
/** The chain's vocabulary (contracts, events, parameters, enum members) in the reader's language. */
export const useChainWords = (): ChainWordsIn => chainWordsByLocale[useContext(I18nContext).locale];
