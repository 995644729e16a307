/**
 * Browser tests in Debian's headless Chromium (`apt-get install chromium`; `npx playwright install` is not
 * used) against the production build (`next build && next start`), the indexer and a local Hardhat node.
 *
 * One stack for every suite, started here and stopped by Playwright (process groups):
 *   1. a Hardhat node on 127.0.0.1:8545,
 *   2. e2e/stack.ts: the contracts compiled, deployed and the demo scenario seeded (scripts/demo/seed-demo.ts; the
 *      disruption is NOT fired — the scenario test fires it from the reporter console), the indexer (Ponder on
 *      embedded PGlite in a temporary directory, 127.0.0.1:42069) started while `next build` runs (after the
 *      deployment: the build embeds its addresses and the indexer's URL), then, once the indexer is ready and at
 *      the node's head, `next start` on 127.0.0.1:3000. It stops the indexer and the dashboard by their pids.
 * The smoke suite's "no deployment" tests hide the contracts inside an evm_snapshot and revert afterwards,
 * so both suites share the one seeded chain and the one build. The stopped-indexer test stops and restarts the
 * indexer through e2e/stackState.ts.
 *
 * The ports must be free (nothing is reused, so a stale server is never tested by mistake); set E2E_REUSE=1 to
 * run against a stack you started yourself (`npx hardhat node --hostname 127.0.0.1`, then `npx tsx e2e/stack.ts`
 * in web/).
 */
import { defineConfig } from "@playwright/test";

const RPC_PORT = 8545;
const REUSE = process.env.E2E_REUSE === "1";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/artifacts",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // The scenario changes the chain as it goes: a retry would start from a different state.
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./playwright-report", open: "never" }]],
  projects: [
    { name: "dashboard", testIgnore: /owed-advance\.spec\.ts/ },
    // Leaves a project in a token that refuses transfers on the chain for good (reverting to a snapshot would
    // reorganise the chain under the live indexer, deeper than it follows): it runs after every other spec, so
    // the seeded scenario's totals they check are not changed.
    { name: "refusing-token", testMatch: /owed-advance\.spec\.ts/, dependencies: ["dashboard"] },
  ],
  use: {
    baseURL: "http://127.0.0.1:3000",
    browserName: "chromium",
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: `npx hardhat node --hostname 127.0.0.1 --port ${RPC_PORT}`,
      cwd: "..",
      port: RPC_PORT,
      reuseExistingServer: REUSE,
      timeout: 120_000,
      stdout: "ignore",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "npx tsx e2e/stack.ts",
      url: "http://127.0.0.1:3000",
      reuseExistingServer: REUSE,
      timeout: 600_000,
      stdout: "ignore",
      env: { NEXT_TELEMETRY_DISABLED: "1", PONDER_TELEMETRY_DISABLED: "true" },
      // The stack stops the indexer and the dashboard itself (each up to 5 s) before it exits.
      gracefulShutdown: { signal: "SIGTERM", timeout: 12_000 },
    },
  ],
});
