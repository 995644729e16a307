/**
 * Type-level specification of `sendAs` (chain.ts), checked by `npm run typecheck -w web` and never run: each
 * `@ts-expect-error` line must fail the type check, so a `sendAs` that stopped being typed against the generated
 * ABIs fails it instead.
 */
import { sendAs } from "./chain";

const someone = "0x0000000000000000000000000000000000000001" as const;

export async function sendAsIsTypedAgainstTheAbis(): Promise<void> {
  // A function the contract does not have.
  // @ts-expect-error -- "pauze" is not a function of DisruptionOracle
  await sendAs(someone, "DisruptionOracle", "pauze", []);
  // A view function (sendAs sends transactions).
  // @ts-expect-error -- getProject does not change state
  await sendAs(someone, "RDEscrow", "getProject", [1n]);
  // Too few arguments.
  // @ts-expect-error -- fund(projectId, amount)
  await sendAs(someone, "RDEscrow", "fund", [1n]);
  // An argument of the wrong type.
  // @ts-expect-error -- amount is a uint256 (bigint)
  await sendAs(someone, "RDEscrow", "fund", [1n, "1"]);
  // What the ABIs allow type-checks.
  await sendAs(someone, "RDEscrow", "fund", [1n, 1n]);
  await sendAs(someone, "DisruptionOracle", "pause", []);
}
