import { test } from "node:test";
import assert from "node:assert/strict";
import { formatAmount, formatPercent, parseAmount } from "./format";

test("formats with thousands separators, fixed decimals and symbol", () => {
  assert.equal(formatAmount(123456789n, 2), "1,234,567.89");
  assert.equal(formatAmount(123456789n, 2, { symbol: "dCNY" }), "1,234,567.89 dCNY");
  assert.equal(formatAmount(5n, 0), "5.00");
  assert.equal(formatAmount(0n, 18, { symbol: "X" }), "0.00 X");
  assert.equal(formatAmount(-150n, 2), "-1.50");
});

test("rounds half up exactly on 18 decimals", () => {
  assert.equal(formatAmount(1_005_000_000_000_000_000n, 18), "1.01");
  assert.equal(formatAmount(1_004_999_999_999_999_999n, 18), "1.00");
  assert.equal(formatAmount(10n ** 30n, 18), "1,000,000,000,000.00");
});

test("tiny non-zero values read '< 0.01'", () => {
  assert.equal(formatAmount(1n, 18), "< 0.01");
  assert.equal(formatAmount(4n, 3, { symbol: "T" }), "< 0.01 T");
  assert.equal(formatAmount(-1n, 18), "> -0.01");
});

test("compact units: 万/亿 in Chinese, K/M/B in English, only above the threshold", () => {
  assert.equal(formatAmount(9_999_900n, 2, { compact: true, locale: "zh" }), "99,999.00");
  assert.equal(formatAmount(12_345_600n, 2, { compact: true, locale: "zh", compactFrom: 10_000 }), "12.35万");
  assert.equal(formatAmount(250_000_000_00n, 2, { compact: true, locale: "zh" }), "2.50亿");
  assert.equal(formatAmount(250_000_000_00n, 2, { compact: true, locale: "en", symbol: "dCNY" }), "250.00M dCNY");
  assert.equal(formatAmount(1_500_000n * 100n, 2, { compact: true, locale: "en" }), "1.50M");
  assert.equal(formatAmount(150_000n * 100n, 2, { compact: true, locale: "en" }), "150.00K");
  assert.equal(formatAmount(3n * 10n ** 27n, 18, { compact: true, locale: "en" }), "3.00B");
  assert.equal(formatAmount(99_999n * 100n, 2, { compact: true, locale: "en" }), "99,999.00");
});

test("parses typed amounts", () => {
  assert.equal(parseAmount("1,234.5", 2), 123450n);
  assert.equal(parseAmount(".5", 2), 50n);
  assert.equal(parseAmount("1.234", 2), undefined);
  assert.equal(parseAmount("abc", 2), undefined);
  assert.equal(parseAmount("10", 18), 10n * 10n ** 18n);
});

test("percentages", () => {
  assert.equal(formatPercent(1n, 3n), "33.3%");
  assert.equal(formatPercent(0n, 0n), "0.0%");
  assert.equal(formatPercent(5n, 5n), "100.0%");
});
