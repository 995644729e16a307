import { test } from "node:test";
import assert from "node:assert/strict";
import { addressLabel, lookupName, normalizeNames, sameAddress, shortenAddress } from "./address";

const A = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

test("shortens addresses and leaves other text alone", () => {
  assert.equal(shortenAddress(A), "0xf39F…2266");
  assert.equal(shortenAddress("not an address"), "not an address");
});

test("looks up known names case-insensitively", () => {
  const names = normalizeNames("en", { [A]: { role: "bank", name: "Bank of Demo" } });
  assert.equal(lookupName(A.toLowerCase(), names)?.name, "Bank of Demo");
  assert.equal(addressLabel(A.toUpperCase().replace("0X", "0x"), names), "Bank of Demo");
  assert.equal(addressLabel("0x0000000000000000000000000000000000000001", names), "0x0000…0001");
  assert.ok(sameAddress(A, A.toLowerCase()));
  assert.ok(!sameAddress(A, undefined));
});

test("resolves bilingual names for the current language", () => {
  const roles = { [A]: { role: "bank", name: { zh: "华夏科创银行", en: "Huaxia Sci-Tech Bank" } } };
  assert.equal(addressLabel(A, normalizeNames("zh", roles)), "华夏科创银行");
  assert.equal(addressLabel(A, normalizeNames("en", roles)), "Huaxia Sci-Tech Bank");
});
