import { test } from "node:test";
import assert from "node:assert/strict";
import { abis } from "@/generated/abis";
import { ERROR_PARAM_UNITS, errorInputs, errorParamUnit, unitOfType, type IntegerUnit } from "./errorUnits";

const INTEGER_UNITS: readonly IntegerUnit[] = ["amount", "count", "index", "id", "time", "duration", "enum"];
const table = ERROR_PARAM_UNITS as Record<string, Record<string, string>>;

const errors = new Map<string, readonly { name: string; type: string }[]>();
for (const abi of Object.values(abis))
  for (const item of abi) if (item.type === "error") errors.set(item.name, item.inputs);

test("the unit table lists exactly the errors of the generated ABIs", () => {
  assert.ok(errors.size > 50, "the generated ABIs carry the errors");
  assert.deepEqual(Object.keys(table).sort(), [...errors.keys()].sort());
});

test("every integer parameter of every error has a unit in the table, and only those", () => {
  for (const [name, inputs] of errors) {
    const integers = inputs.filter((i) => /^u?int\d*$/.test(i.type)).map((i) => i.name);
    assert.deepEqual(Object.keys(table[name]).sort(), integers.sort(), name);
    for (const unit of Object.values(table[name])) assert.ok(INTEGER_UNITS.includes(unit as IntegerUnit), name);
  }
});

test("every parameter of every error has a unit, by name and by position", () => {
  for (const [name, inputs] of errors) {
    inputs.forEach((input, i) => {
      const unit = errorParamUnit(name, input.name);
      assert.ok(unit, `${name}.${input.name}`);
      assert.equal(errorParamUnit(name, String(i)), unit, `${name}[${i}]`);
    });
  }
});

test("types decide the unit of non-integers; integers need the table", () => {
  assert.equal(unitOfType("address"), "address");
  assert.equal(unitOfType("bool"), "bool");
  assert.equal(unitOfType("bytes32"), "bytes");
  assert.equal(unitOfType("bytes2"), "bytes");
  assert.equal(unitOfType("string"), "text");
  assert.equal(unitOfType("uint256"), undefined);
  assert.equal(errorParamUnit("RDEscrow_InvalidMilestoneCount", "max"), "count");
  assert.equal(errorParamUnit("RDEscrow_OverFunding", "remaining"), "amount");
  assert.equal(errorParamUnit("RDEscrow_InvoiceAlreadyPaid", "invoiceHash"), "bytes");
  assert.equal(errorParamUnit("Unknown_Error", "max"), undefined);
  assert.equal(errorParamUnit("RDEscrow_InvalidMilestoneCount", "nonexistent"), undefined);
  assert.deepEqual(errorInputs("Unknown_Error"), []);
});
