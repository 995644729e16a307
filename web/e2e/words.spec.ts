/**
 * Every page speaks its reader's language (issue #18, "Tables in words"): in Chinese, the rendered text of the
 * overview, project, firm, financier, supply-chain and audit pages — connected as the people who use them — has
 * no Latin-letter word left but addresses, hashes, the token symbol and numbers; in English, no Chinese but the
 * names of Chinese parties. Reads only: the chain is left as the seed (and any suite before) left it.
 */
import type { Page } from "@playwright/test";
import { test, expect, connectAs, type InjectedWallet } from "./fixtures";
import { accounts, client, deployment, type Role } from "./chain";
import { deployments } from "../src/generated/deployments";
import { documentLabel, verifiedText } from "../src/lib/documents";
import { DOCUMENT_PUBLISHED } from "../src/hooks/publishedDocuments";
import { normalizeNames, type RoleLabels } from "../src/lib/address";

type Locale = "en" | "zh";

/** Each page, the role it is read as, and what shows that its data is rendered. */
const PAGES: { path: string; role?: Role; name: string; loaded: (page: Page) => Promise<void> }[] = [
  { path: "/", name: "overview", loaded: (p) => ready(p, "overview-header") },
  { path: "/projects/1", role: "photoresistFirm", name: "project", loaded: (p) => visible(p, "milestone-row") },
  { path: "/firm", role: "photoresistFirm", name: "firm", loaded: (p) => visible(p, "payment-row") },
  { path: "/financier", role: "bank", name: "financier", loaded: (p) => visible(p, "movement-row") },
  { path: "/supply-chain", role: "reporterA", name: "supply-chain", loaded: (p) => visible(p, "supplier-row") },
  { path: "/audit", role: "operator", name: "audit", loaded: (p) => ready(p, "audit-header") },
];

async function ready(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-ready", "true");
}
async function visible(page: Page, testId: string): Promise<void> {
  await expect(page.getByTestId(testId).first()).toBeVisible();
}

/**
 * Texts allowed to cross languages, each for a reason:
 * - The published documents (project titles, evidence, specifications) are what their authors wrote, e.g.
 *   "KrF/ArF 光刻胶国产化研发" or "ArF 90nm L/S 分辨率 SEM 报告": an author's words are not translated, and a
 *   Chinese author's text keeps its Latin technical terms. They are read from the chain (the DocumentPublished
 *   logs, verified against their hashes as the dashboard does), not from any list kept beside it.
 * - The known parties' names, exactly as the deployment gives them in that language: a name is what a party is
 *   called (the seed's reporters are "预言机节点 A / B"; an English name of a Chinese party may keep its
 *   characters).
 * - The language switch names the other language in that language ("English" / "中文").
 */
async function publishedDocuments(): Promise<string[]> {
  const { RDEscrow, SupplyChainRegistry } = deployment();
  const logs = await client.getLogs({
    address: [RDEscrow, SupplyChainRegistry],
    event: DOCUMENT_PUBLISHED,
    fromBlock: BigInt(deployments[31337]!.deployedAtBlock),
  });
  return logs.flatMap(({ args: { documentHash, text } }) =>
    documentHash && text !== undefined && verifiedText(documentHash, [{ documentHash, text }]) ? [text] : [],
  );
}

function allowedTexts(locale: Locale, documents: string[]): string[] {
  const d = deployments[31337];
  // Shown as their label where a page names a document, and as written in the audit trail's DocumentPublished rows.
  const docs = documents.flatMap((text) => [text, documentLabel(text, locale)]);
  const names = Object.values(normalizeNames(locale, d?.roles as RoleLabels | undefined)).map((n) => n.name);
  return [...docs, ...names].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** Addresses and hashes (full or shortened "0x1234…abcd"), the token symbol, the download formats' names. */
const ALLOWED_TOKENS = /0x[0-9a-fA-F]*(…[0-9a-fA-F]*)?|\bdCNY\b|\bXLSX\b|\bCSV\b/g;
const LATIN_WORD = /[A-Za-z]+/;
const CHINESE = /[\u3400-\u9fff]/;

/** The text a person sees on the page: visible text nodes (SVG labels too), select options and placeholders. */
async function renderedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // The audit trail's raw-signature column is in the contracts' own words on purpose (auditors match it
    // against explorers); the language switch names the other language.
    const skip = '[data-raw-signature], [data-testid="lang-switch"], script, style, noscript';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest(skip)) continue;
      if (el.tagName !== "OPTION" && !el.checkVisibility()) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll("[placeholder]")) out.push(el.getAttribute("placeholder") ?? "");
    return out;
  });
}

function offending(texts: string[], locale: Locale, documents: string[]): string[] {
  const allowed = allowedTexts(locale, documents);
  return texts.filter((raw) => {
    let text = raw;
    for (const a of allowed) text = text.split(a).join(" ");
    text = text.replace(ALLOWED_TOKENS, " ");
    return locale === "zh" ? LATIN_WORD.test(text) : CHINESE.test(text);
  });
}

async function scan(page: Page, wallet: InjectedWallet, locale: Locale): Promise<Record<string, string[]>> {
  const who = await accounts();
  await page.goto("/");
  if (locale === "zh") {
    await page.getByTestId("lang-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  }
  const found: Record<string, string[]> = {};
  const documents = await publishedDocuments();
  for (const { path, role, name, loaded } of PAGES) {
    // The wallet is switched before the page loads, as a user who picked the account first (the reconnect then
    // finds it), and again after, which the connected dashboard follows.
    if (role) await wallet.useAccount(who[role]);
    await page.goto(path);
    if (role) await connectAs(page, wallet, who[role]);
    await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : "en");
    await loaded(page);
    await expect(page.getByTestId("history-loading")).toHaveCount(0);
    const bad = offending(await renderedTexts(page), locale, documents);
    if (bad.length > 0) found[name] = [...new Set(bad)];
  }
  return found;
}

test.describe("every page speaks its reader's language", () => {
  test("in Chinese, no Latin-letter words remain but addresses, hashes, dCNY, numbers and documents", async ({
    page,
    wallet,
  }) => {
    expect(await scan(page, wallet, "zh")).toEqual({});
  });

  test("in English, no Chinese remains but the names of Chinese parties and Chinese documents", async ({
    page,
    wallet,
  }) => {
    expect(await scan(page, wallet, "en")).toEqual({});
  });

  test("the audit trail names events in Chinese and shows the raw signature on request", async ({ page }) => {
    await page.goto("/audit");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("audit-header")).toHaveAttribute("data-ready", "true");
    // The trail is paged newest first: filter to fundings, whatever the tests before this one added.
    await page.getByTestId("filter-type").selectOption("Funded");
    const funded = page.getByTestId("audit-table").locator('[data-event="Funded"]').first();
    await expect(funded).toContainText("出资");
    await expect(funded).toContainText("研发托管");
    await expect(page.locator("[data-raw-signature]")).toHaveCount(0);
    await page.getByTestId("show-signature").check();
    await expect(funded.locator("[data-raw-signature]")).toHaveText(
      "Funded(uint256 indexed projectId, address indexed financier, uint256 amount)",
    );
    await expect(funded.locator("[data-raw-signature]")).toHaveAttribute("title", /^0x[0-9a-f]{64}$/);
  });
});
