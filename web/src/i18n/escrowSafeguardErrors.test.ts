import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeErrorResult } from "viem";
import { abis } from "@/generated/abis";
import { decodeRevertData } from "@/lib/errors";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";
import { errorParamFormatter, humanizeError } from "./humanize";
import { interpolate } from "./interpolate";
import { shortenAddress } from "@/lib/address";
import { formatTimestamp } from "@/lib/format";

/** Issue 14's errors, from revert data as a node returns it to the sentence a person reads, in both languages. */
const SUPPLIER = "0x00000000000000000000000000000000000000a7";
const names = { [SUPPLIER]: { role: "supplier" as const, name: "Ningbo Polymer Resins" } };
const sentence = (errorName: string, args: readonly unknown[], locale: "en" | "zh") => {
  const data = encodeErrorResult({ abi: abis.Errors, errorName, args } as never);
  const decoded = decodeRevertData(data, [abis.RDEscrow, abis.SupplyChainRegistry]);
  assert.ok(decoded && decoded.kind === "custom", errorName);
  const catalog = locale === "en" ? en : zh;
  const t = (key: MessageKey, params?: Record<string, string | number | bigint>) => interpolate(catalog[key], params);
  return humanizeError(decoded, t, errorParamFormatter({ locale, names }));
};

test("a payment to a disrupted supplier, or a release to a healthy one, reads as a sentence", () => {
  assert.equal(
    sentence("RDEscrow_PayeeDisrupted", [SUPPLIER, 1_790_000_000n], "en"),
    `The oracle holds Ningbo Polymer Resins disrupted since ${formatTimestamp(1_790_000_000n)}: it is not paid unless the verifier releases this invoice.`,
  );
  assert.match(
    sentence("RDEscrow_PayeeDisrupted", [SUPPLIER, 1_790_000_000n], "zh"),
    /^预言机确认 Ningbo Polymer Resins/,
  );
  assert.equal(
    sentence("RDEscrow_PayeeNotDisrupted", [SUPPLIER], "en"),
    "Ningbo Polymer Resins is not disrupted: its invoices need no release.",
  );
});

test("per-payee invoices, the grace period, the verifier's successor and payee removal read as sentences", () => {
  const invoice = `0x${"ab".repeat(32)}`;
  assert.equal(
    sentence("RDEscrow_InvoiceAlreadyPaid", [SUPPLIER, invoice], "en"),
    `Invoice ${shortenAddress(invoice)} of Ningbo Polymer Resins has already been paid.`,
  );
  assert.equal(
    sentence("RDEscrow_GracePeriodNotOver", [3n, 1_800_000_000n], "en"),
    `Project 3 can be closed by anyone only after ${formatTimestamp(1_800_000_000n)}.`,
  );
  assert.match(
    sentence("RDEscrow_InvalidSuccessor", [3n, SUPPLIER], "zh"),
    /^Ningbo Polymer Resins 不能成为项目 3 的验收方/,
  );
  assert.equal(
    sentence("SupplyChainRegistry_NotProjectPayee", [3n, SUPPLIER], "en"),
    "Ningbo Polymer Resins is not an allowed payee of project 3.",
  );
});
