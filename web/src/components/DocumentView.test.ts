import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { loadCatalog, translator } from "@/i18n";
import { documentHash, documentState, verifiedText } from "@/lib/documents";
import { DocumentView } from "./DocumentView";

await loadCatalog("zh");

const render = (hash: string | undefined, text: string | undefined, offeredChoice = true, locale: "en" | "zh" = "en") =>
  renderToStaticMarkup(
    createElement(DocumentView, {
      hash,
      state: documentState(
        { text: hash && text !== undefined ? verifiedText(hash, [{ documentHash: hash, text }]) : undefined },
        offeredChoice,
      ),
      locale,
      t: translator(locale),
      testId: "doc",
    }),
  );

test("a published text is shown only when it hashes to the hash on chain", () => {
  const text = "ArF 光刻胶中试线";
  assert.match(render(documentHash(text), text), /data-document="published"[^>]*>ArF 光刻胶中试线</);
  const forged = render(documentHash("the real text"), "a forged text");
  assert.doesNotMatch(forged, /forged/);
  assert.match(forged, /data-document="private"/);
});

test("a published text is plain text: markup in it is escaped, never HTML or a link", () => {
  const text = '<a href="javascript:alert(1)">click</a><img src=x onerror=alert(1)>';
  const html = render(documentHash(text), text);
  assert.doesNotMatch(html, /<a |<img /);
  assert.match(html, /&lt;a href=&quot;javascript:alert\(1\)&quot;&gt;click&lt;\/a&gt;/);
});

test("a private document shows its hash with the private mark; a hash without the choice is not published", () => {
  const hash = documentHash("confidential evidence");
  assert.match(render(hash, undefined), /data-document="private".*0x[0-9a-f]{4,}.*\(private\)/);
  assert.match(render(hash, undefined, true, "zh"), /（?不公开/);
  assert.match(render(hash, undefined, false), /data-document="notPublished".*\(not published\)/);
  assert.match(render(`0x${"0".repeat(64)}`, undefined), /—/);
});
