/** Assertions for the scripts' configuration checks (scripts/lib/config-checks.ts). */
import { expect } from "chai";

import { ConfigError } from "../../scripts/lib/config-checks.js";

/** The ConfigError message `run` throws (fails the test when it returns or throws anything else). */
export function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

/** The ConfigError message `promise` rejects with (fails the test when it resolves or rejects with anything else). */
export async function asyncRefusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}
