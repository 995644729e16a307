import { test } from "node:test";
import assert from "node:assert/strict";
import { documentHash as hash, documentLabel, verifiedDocuments } from "./documents";

test("a document's hash is keccak256 of its UTF-8 text, untrimmed", () => {
  assert.equal(hash(""), "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  assert.equal(hash("abc"), "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  assert.notEqual(hash(" abc"), hash("abc"));
});

test("only documents whose text hashes to their key are kept, keys lower-cased", () => {
  const good = "project:KrF/ArF 光刻胶国产化研发 / KrF/ArF photoresist localisation R&D";
  const docs = verifiedDocuments({
    [hash(good).toUpperCase().replace("0X", "0x")]: good,
    [hash("the real text")]: "a forged text",
  });
  assert.deepEqual([...docs.entries()], [[hash(good), good]]);
  assert.equal(verifiedDocuments(undefined).size, 0);
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
