/**
 * The contract between the gas benchmark runner (scripts/bench/gas.ts) and its measurement modules.
 *
 * A module deploys what it needs on the shared in-process chain, runs each operation once in the state the
 * operation's name describes, and returns the whole-transaction gas (receipt `gasUsed`) per operation name.
 */
import type { network } from "hardhat";

/** What the runner hands to every module. */
export type GasContext = Awaited<ReturnType<typeof network.getOrCreate>>;

/** A target relative to another operation: `gas` within `within` (a fraction) of that operation's gas. */
export interface RelativeTarget {
  of: string;
  within: number;
}

/** A measurement module: its operations' targets (ratio to the ERC-20 baseline; `undefined` = report only). */
export interface GasModule {
  /** Shown in the table's header rows. */
  name: string;
  /**
   * Operation name → its target: the maximum ratio to the baseline; or, relative to another operation of the same
   * module, the largest allowed deviation (`{ of: "other.operation", within: 0.02 }` = within 2 % of it);
   * undefined when the operation is only reported.
   */
  targets: Record<string, number | RelativeTarget | undefined>;
  /** Runs the operations and returns operation name → gasUsed. */
  measure: (ctx: GasContext) => Promise<Record<string, bigint>>;
}

/** Gas used by a sent transaction, from its receipt. */
export async function gasOf(tx: Promise<{ wait: () => Promise<{ gasUsed: bigint } | null> }>): Promise<bigint> {
  const receipt = await (await tx).wait();
  if (receipt === null) throw new Error("transaction has no receipt");
  return receipt.gasUsed;
}
