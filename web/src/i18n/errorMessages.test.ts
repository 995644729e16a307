/**
 * Every custom error of the generated ABIs, raised with sample arguments, encoded and decoded as a revert would be,
 * reads as a sentence in both languages: its own message (not the generic one), every placeholder filled, no raw
 * hex, and token amounts — only those — formatted as money.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeErrorResult, type Abi } from "viem";
import { abis } from "@/generated/abis";
import { errorParamUnit } from "@/lib/errorUnits";
import { decodeRevertData } from "@/lib/errors";
import { en, type MessageKey } from "./en";
import { errorParamFormatter, humanizeError } from "./humanize";
import { interpolate } from "./interpolate";
import { zh } from "./zh";

const catalogs = { en, zh } as const;
const token = { decimals: 2, symbol: "dCNY" };
const KNOWN = "0x2361a8d3e5b1b0d2f5a7c1e9b3d4f6a8c0e21e8f";
const names = { [KNOWN]: { role: "supplier", name: "Ningbo Polymer Resins" } };
const allAbis = Object.values(abis) as Abi[];

type Input = { readonly name?: string; readonly type: string };

/** A sample argument of a Solidity type: every integer is 33 (0.33 dCNY as an amount). */
function sample(input: Input): unknown {
  if (/^u?int\d*$/.test(input.type)) return 33n;
  if (input.type === "address") return KNOWN;
  if (input.type === "bool") return true;
  if (input.type === "string") return "a text";
  const bytes = /^bytes(\d+)$/.exec(input.type);
  if (bytes) return `0x${"ab".repeat(Number(bytes[1]))}`;
  throw new Error(`no sample for ${input.type}`);
}

const errors = new Map<string, { abi: Abi; inputs: readonly Input[] }>();
for (const abi of allAbis) {
  for (const item of abi)
    if (item.type === "error" && !errors.has(item.name)) errors.set(item.name, { abi, inputs: item.inputs });
}

function render(errorName: string, args: readonly unknown[], locale: keyof typeof catalogs): string {
  const { abi } = errors.get(errorName)!;
  const decoded = decodeRevertData(encodeErrorResult({ abi, errorName, args }), allAbis);
  assert.equal(decoded?.kind, "custom", errorName);
  const t = (key: MessageKey, params?: Record<string, string | number | bigint>) =>
    interpolate(catalogs[locale][key], params);
  return humanizeError(decoded!, t, errorParamFormatter({ token, locale, names }));
}

for (const locale of ["en", "zh"] as const) {
  test(`every custom error reads as its own sentence in ${locale}, amounts and only amounts as money`, () => {
    assert.ok(errors.size > 50, "the generated ABIs carry the errors");
    for (const [name, { inputs }] of errors) {
      const key = `err.${name}` as MessageKey;
      const template = catalogs[locale][key];
      assert.ok(template, `${name} has a ${locale} message`);
      const sentence = render(name, inputs.map(sample), locale);
      assert.notEqual(sentence, interpolate(catalogs[locale]["err.generic"], { name }), name);
      assert.doesNotMatch(sentence, /\{\w+\}/, `${name}: every placeholder filled: ${sentence}`);
      assert.doesNotMatch(sentence, /0x[0-9a-fA-F]{9,}/, `${name}: no raw hex: ${sentence}`);
      if (locale === "zh") assert.match(sentence, /[\u3400-\u9fff]/, `${name}: a Chinese sentence`);
      const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const amounts = placeholders.filter((p) => errorParamUnit(name, p) === "amount").length;
      const money = sentence.split("0.33 dCNY").length - 1;
      assert.equal(money, amounts, `${name}: ${amounts} amount(s) as money: ${sentence}`);
      assert.equal(sentence.split("dCNY").length - 1, amounts, `${name}: nothing else as money: ${sentence}`);
    }
  });
}

test("a milestone count reads as a count, not money (RDEscrow_InvalidMilestoneCount(33, 32))", () => {
  assert.equal(
    render("RDEscrow_InvalidMilestoneCount", [33n, 32n], "en"),
    "A project needs between 1 and 32 milestones (33 given).",
  );
  assert.doesNotMatch(render("RDEscrow_InvalidMilestoneCount", [33n, 32n], "zh"), /dCNY|0\.32/);
  assert.match(render("RDEscrow_InvalidMilestoneCount", [33n, 32n], "zh"), /32/);
});

test("positions read 1-based, as the dashboard numbers milestones", () => {
  assert.equal(render("RDEscrow_ZeroBudget", [0n], "en"), "Milestone 1 needs a budget greater than zero.");
});
