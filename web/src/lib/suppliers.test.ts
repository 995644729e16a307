import { test } from "node:test";
import assert from "node:assert/strict";
import { chainEvents } from "@/testing/chainEvents";
import type { Hex } from "./events";
import { buildSupplierStates, isDisruptedIn } from "./suppliers";

const S = "0x0000000000000000000000000000000000000051" as Hex;
const event = chainEvents({ contract: "DisruptionOracle", address: S });
const ev = (eventName: string, args: Record<string, unknown>, timestamp: number) =>
  event(eventName, args, { timestamp });

test("confirmations flip a supplier's state; reports are kept as votes", () => {
  const states = buildSupplierStates([
    ev("DisruptionReported", { supplier: S, reporter: S, disrupted: true }, 10),
    ev("DisruptionConfirmed", { supplier: S, confirmationId: 1n, evidenceHash: "0xee" }, 11),
  ]);
  const s = states.get(S)!;
  assert.equal(s.disrupted, true);
  assert.equal(s.since, 11);
  assert.equal(s.confirmationId, 1n);
  assert.equal(s.reports.length, 1);
  const recovered = buildSupplierStates([
    ev("DisruptionConfirmed", { supplier: S, confirmationId: 1n, evidenceHash: "0xee" }, 11),
    ev("RecoveryConfirmed", { supplier: S, confirmationId: 2n, evidenceHash: "0xff" }, 20),
  ]).get(S)!;
  assert.equal(recovered.disrupted, false);
  assert.equal(recovered.since, 20);
});

test("isDisruptedIn: a checksummed address finds its lower-case state; unknown suppliers are healthy", () => {
  const A = "0x00000000000000000000000000000000000000ab" as Hex;
  const states = buildSupplierStates([
    ev("DisruptionConfirmed", { supplier: A, confirmationId: 1n, evidenceHash: "0xee" }, 11),
  ]);
  assert.equal(isDisruptedIn(states, "0x00000000000000000000000000000000000000AB"), true);
  assert.equal(isDisruptedIn(states, "0x0000000000000000000000000000000000000052"), false);
});
