/**
 * Model-based stateful test of the whole wired stack (RDEscrow, SupplyChainRegistry, DisruptionOracle,
 * ContingencyPool, DemoStablecoin), driven by fast-check's `fc.commands` + `fc.asyncModelRun`.
 *
 * Each run starts from a `loadFixture` snapshot of the real deploy (scripts/lib/deploy-stack.ts) with funded
 * actors, runs up to INVARIANT_STEPS random commands (valid and invalid), and after EVERY command checks the
 * invariants listed in test/invariants/README.md against the chain, the contracts' own accounting views and the
 * totals rebuilt from the emitted events. Block timestamps are pinned (`setNextBlockTimestamp`) so the model can
 * predict every deadline- and staleness-dependent custom error exactly.
 *
 * Env: INVARIANT_RUNS (default 200), INVARIANT_STEPS (default 50), INVARIANT_SEED (replay a seed),
 * INVARIANT_SELFTEST=1 (injects a bogus expected value into check 1 once a refund happened, to show that a broken
 * invariant fails the run and prints the shrunk command sequence), INVARIANT_SELFTEST=7 (the same for check 7: the
 * model wrongly takes each hostile advance out of the honest pools handled after it).
 */
import fc from "fast-check";

import { initialModel, networkHelpers, stackFixture } from "./model.js";
import { checkInvariants, pairStats } from "./checks.js";
import { commandArb, stats } from "./commands.js";

const RUNS = Number(process.env.INVARIANT_RUNS ?? 200);
const STEPS = Number(process.env.INVARIANT_STEPS ?? 50);
const SEED = process.env.INVARIANT_SEED === undefined ? undefined : Number(process.env.INVARIANT_SEED);

describe("stateful invariants (fast-check model-based, whole stack)", function () {
  this.timeout(0);

  it(`keeps invariants 1-8 over ${RUNS} random sequences of up to ${STEPS} steps`, async function () {
    const started = Date.now();
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands([commandArb], { maxCommands: STEPS, size: "max" }), async (cmds) => {
        const real = await networkHelpers.loadFixture(stackFixture);
        const model = initialModel(real);
        await checkInvariants(model, real);
        steps += [...cmds].length;
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1, endOnFailure: false },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`      ${RUNS} runs, ${steps} commands, ${stats.steps} transactions, ${seconds} s`);
    console.log(`      ${stats.ok} succeeded, ${stats.reverted} reverted as predicted`);
    const show = (map: Map<string, number>) =>
      [...map]
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
    console.log(
      `      pair outcomes checked (7, 8): ${pairStats.honest} honest, ${pairStats.hostile} hostile; ` +
        `${pairStats.superseded} eligible pairs superseded before the pool reached them`,
    );
    console.log(`      events: ${show(stats.events)}`);
    console.log(`      custom errors: ${show(stats.errors)}`);
  });
});
