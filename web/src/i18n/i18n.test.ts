import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "./en";
import { zh } from "./zh";
import { interpolate } from "./interpolate";

test("both catalogs have the same keys, non-empty, and the same placeholders", () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of Object.keys(en) as (keyof typeof en)[]) {
    assert.ok(zh[k].length > 0, k);
    assert.deepEqual(ph(zh[k]), ph(en[k]), k);
  }
});

test("interpolates named placeholders and leaves unknown ones", () => {
  assert.equal(interpolate("at most {room} left {x}", { room: "5.00" }), "at most 5.00 left {x}");
});

import { errorParamFormatter, humanizeError } from "./humanize";
import { interpolate as interp } from "./interpolate";
import type { MessageKey } from "./en";

const t = (key: MessageKey, params?: Record<string, string | number | bigint>) => interp(en[key], params);
const tZh = (key: MessageKey, params?: Record<string, string | number | bigint>) => interp(zh[key], params);

test("custom errors become sentences with formatted params", () => {
  const decoded = {
    kind: "custom",
    name: "RDEscrow_OverFunding",
    args: [1n, 200n, 150n],
    params: { projectId: 1n, amount: 200n, remaining: 150n },
  } as const;
  const token = { decimals: 2, symbol: "dCNY" };
  assert.equal(
    humanizeError(decoded, t, errorParamFormatter({ token, locale: "en" })),
    "This would exceed the project's target; at most 1.50 dCNY can still be funded.",
  );
  assert.equal(
    humanizeError(decoded, tZh, errorParamFormatter({ token, locale: "zh" })),
    "超出项目融资目标；最多还能出资 1.50 dCNY。",
  );
});

test("unknown custom errors name the error; user rejection has its own message", () => {
  assert.equal(
    humanizeError({ kind: "custom", name: "Foo_Bar", args: [], params: {} }, t),
    "The contract refused the transaction (Foo_Bar).",
  );
  assert.equal(humanizeError({ kind: "userRejected" }, t), "You rejected the request in your wallet.");
});

import { abis } from "@/generated/abis";

test("every custom error of every ABI has a human message in the catalogs", () => {
  const names = new Set<string>();
  for (const abi of Object.values(abis)) for (const item of abi) if (item.type === "error") names.add(item.name);
  const missing = [...names].filter((n) => !(`err.${n}` in en));
  assert.deepEqual(missing, []);
});

test("error sentences name known addresses, shorten unknown ones and format amounts with the token", () => {
  const known = "0x2361a8d3e5b1b0d2f5a7c1e9b3d4f6a8c0e21e8f";
  const unknown = "0xdD2FD4581271e230360230F9337D5c0430Bf44C0";
  const fmt = errorParamFormatter({
    token: { decimals: 2, symbol: "dCNY" },
    locale: "en",
    names: { [known]: { role: "supplier", name: "Ningbo Polymer Resins" } },
  });
  const sentence = (supplier: string) =>
    humanizeError(
      { kind: "custom", name: "SupplyChainRegistry_SupplierNotRegistered", args: [supplier], params: { supplier } },
      t,
      fmt,
    );
  assert.equal(sentence(unknown), "0xdD2F…44C0 is not a registered supplier.");
  assert.equal(
    sentence(known.toUpperCase().replace("0X", "0x")),
    "Ningbo Polymer Resins is not a registered supplier.",
  );
  assert.equal(fmt(150000n, "amount"), "1,500.00 dCNY");
  assert.equal(fmt(3n, "id"), "3");
});

import {
  AccountingNames,
  CategoryNames,
  GreenCategoryNames,
  MilestoneStatusNames,
  ProjectStatusNames,
  RdFormNames,
  StageNames,
} from "@/generated/enums";

test("every member of the enums the dashboard labels has a label in the catalogs", () => {
  const keys = [
    ...StageNames.map((_, value) => `stage.${value}`),
    ...CategoryNames.map((_, value) => `category.${value}`),
    ...AccountingNames.map((_, value) => `accounting.${value}`),
    ...RdFormNames.map((_, value) => `rdForm.${value}`),
    ...GreenCategoryNames.map((_, value) => `greenCategory.${value}`),
    ...ProjectStatusNames.filter((name) => name !== "None").map((name) => `projectStatus.${name}`),
    ...MilestoneStatusNames.map((name) => `milestoneStatus.${name}`),
  ];
  assert.deepEqual(
    keys.filter((k) => !(k in en)),
    [],
  );
});
