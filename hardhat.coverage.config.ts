import { defineConfig } from "hardhat/config";

import config from "./hardhat.config.ts";

/**
 * The project's Hardhat config with the build written elsewhere: `hardhat --config hardhat.coverage.config.ts test
 * … --coverage` (scripts/ci/coverage-run.ts) compiles instrumented contracts into artifacts-coverage/ and keeps its
 * own cache, so it can run while the deploying steps of `npm test` (indexer integration, e2e) read the real
 * artifacts/ (instrumented bytecode is too large to deploy).
 */
export default defineConfig({
  ...config,
  paths: { ...config.paths, artifacts: "artifacts-coverage", cache: "cache-coverage" },
});
