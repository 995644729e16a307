import { test } from "node:test";
import assert from "node:assert/strict";
import {
  documentArgs,
  documentBytes,
  documentHash as hash,
  documentLabel,
  documentSendable,
  documentState,
  MAX_DOCUMENT_BYTES,
  verifiedText,
} from "./documents";

test("a document's hash is keccak256 of its UTF-8 text, untrimmed", () => {
  assert.equal(hash(""), "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  assert.equal(hash("abc"), "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  assert.notEqual(hash(" abc"), hash("abc"));
});

test("a published text is kept only when it hashes to the document's hash (any case of the hash)", () => {
  const good = "project:KrF/ArF 光刻胶国产化研发 / KrF/ArF photoresist localisation R&D";
  const upper = hash(good).toUpperCase().replace("0X", "0x");
  assert.equal(verifiedText(upper, [{ documentHash: upper, text: good }]), good);
  assert.equal(
    verifiedText(hash("the real text"), [{ documentHash: hash("the real text"), text: "a forged text" }]),
    undefined,
  );
  assert.equal(verifiedText(hash(good), [{ documentHash: hash("other"), text: good }]), undefined);
});

test("publish sends the trimmed text beside its hash; private sends the same hash and no text", () => {
  assert.deepEqual(documentArgs("  ArF 光刻胶  ", "publish"), [hash("ArF 光刻胶"), "ArF 光刻胶"]);
  assert.deepEqual(documentArgs("  ArF 光刻胶  ", "private"), [hash("ArF 光刻胶"), ""]);
});

test("a published text is bounded in UTF-8 bytes; a private one only needs to be there", () => {
  assert.equal(documentBytes("研"), 3);
  const atBound = "研".repeat(682) + "xx"; // 2,048 bytes
  assert.equal(documentBytes(atBound), MAX_DOCUMENT_BYTES);
  assert.equal(documentSendable(atBound, "publish"), true);
  assert.equal(documentSendable(atBound + "x", "publish"), false);
  assert.equal(documentSendable(atBound + "x", "private"), true);
  assert.equal(documentSendable("   ", "private"), false);
});

test("a hash without a text is private when its writer had the choice, else not published; unread is unknown", () => {
  assert.deepEqual(documentState({ text: "t" }, true), { kind: "published", text: "t" });
  assert.deepEqual(documentState({ text: undefined }, true), { kind: "private" });
  assert.deepEqual(documentState({ text: undefined }, false), { kind: "notPublished" });
  assert.deepEqual(documentState(undefined, true), { kind: "unknown" });
});

test("labels keep the reader's language and drop the kind and the URI", () => {
  const project = "project:KrF/ArF 光刻胶国产化研发 / KrF/ArF photoresist localisation R&D";
  assert.equal(documentLabel(project, "en"), "KrF/ArF photoresist localisation R&D");
  assert.equal(documentLabel(project, "zh"), "KrF/ArF 光刻胶国产化研发");
  assert.equal(
    documentLabel("evidence:ipfs://bafybeiabc 中试线首批 3 批次试产记录与批次一致性报告", "en"),
    "中试线首批 3 批次试产记录与批次一致性报告",
  );
  assert.equal(documentLabel("a plain note", "zh"), "a plain note");
  // Either half may contain " / " itself.
  const component = "component:铂前驱体 (氯铂酸 / 铂碳) / Platinum precursor (chloroplatinic acid / Pt/C)";
  assert.equal(documentLabel(component, "zh"), "铂前驱体 (氯铂酸 / 铂碳)");
  assert.equal(documentLabel(component, "en"), "Platinum precursor (chloroplatinic acid / Pt/C)");
  assert.equal(documentLabel("a / b / c", "en"), "a / b / c");
});
