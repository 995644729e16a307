import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  UserRejectedRequestError,
  encodeErrorResult,
  parseAbi,
  BaseError,
} from "viem";
import { decodeError, decodeRevertData, formatErrorSignature } from "./errors";

const escrowAbi = parseAbi([
  "error RDEscrow_OverFunding(uint256 projectId, uint256 room)",
  "function fund(uint256,uint256)",
]);
const otherAbi = parseAbi(["error DisruptionOracle_UnknownReporter(address account)"]);

test("decodes raw revert data against every ABI by selector", () => {
  const data = encodeErrorResult({
    abi: otherAbi,
    errorName: "DisruptionOracle_UnknownReporter",
    args: ["0x0000000000000000000000000000000000000001"],
  });
  const d = decodeRevertData(data, [escrowAbi, otherAbi]);
  assert.equal(d?.kind, "custom");
  if (d?.kind === "custom") {
    assert.equal(d.name, "DisruptionOracle_UnknownReporter");
    assert.equal(d.params.account, "0x0000000000000000000000000000000000000001");
  }
});

test("decodes viem's ContractFunctionRevertedError with named params", () => {
  const data = encodeErrorResult({ abi: escrowAbi, errorName: "RDEscrow_OverFunding", args: [7n, 1234n] });
  const reverted = new ContractFunctionRevertedError({ abi: escrowAbi, data, functionName: "fund" });
  const err = new ContractFunctionExecutionError(reverted, { abi: escrowAbi, functionName: "fund", args: [1n, 2n] });
  const d = decodeError(err, [escrowAbi]);
  assert.deepEqual(d.kind, "custom");
  if (d.kind === "custom") {
    assert.equal(d.params.room, 1234n);
    assert.equal(d.params.projectId, 7n);
  }
  assert.equal(formatErrorSignature(d), "RDEscrow_OverFunding(7, 1234)");
});

test("finds revert data nested in an RPC error object", () => {
  const data = encodeErrorResult({ abi: escrowAbi, errorName: "RDEscrow_OverFunding", args: [1n, 2n] });
  const rpcError = { message: "execution reverted", cause: { code: 3, data: { data } } };
  const d = decodeError(rpcError, [otherAbi, escrowAbi]);
  assert.equal(formatErrorSignature(d), "RDEscrow_OverFunding(1, 2)");
});

test("maps user rejection to its own kind", () => {
  assert.equal(
    decodeError(new UserRejectedRequestError(new Error("User rejected the request.")), []).kind,
    "userRejected",
  );
  assert.equal(decodeError({ code: 4001, message: "denied" }, []).kind, "userRejected");
});

test("keeps a short message for unknown errors, never a hex blob", () => {
  const d = decodeError(new BaseError("Something odd"), [escrowAbi]);
  assert.equal(d.kind, "unknown");
  const unknownSelector = decodeError({ data: "0xdeadbeef00" }, [escrowAbi]);
  assert.equal(unknownSelector.kind, "unknown");
});
