/**
 * Browser tests in Debian's headless Chromium (`apt-get install chromium`; `npx playwright install` is not
 * used) against the production build (`next build && next start`) and a local Hardhat node.
 *
 * One stack for every suite, started here and stopped by Playwright (process groups):
 *   1. a Hardhat node on 127.0.0.1:8545,
 *   2. the contracts compiled, deployed and the demo scenario seeded (scripts/demo/seed-demo.ts; the disruption is
 *      NOT fired — the scenario test fires it from the reporter console), then `next build` (after the
 *      deployment: the build embeds its addresses) and `next start` on 127.0.0.1:3000.
 * The smoke suite's "no deployment" tests hide the contracts inside an evm_snapshot and revert afterwards,
 * so both suites share the one seeded chain and the one build.
 *
 * Both ports must be free (nothing is reused, so a stale server is never tested by mistake); set
 * E2E_REUSE=1 to run against a stack you started yourself (same steps, e.g. while writing tests).
 */
import { defineConfig } from "@playwright/test";

const RPC_PORT = 8545;
const REUSE = process.env.E2E_REUSE === "1";

/** Deploy + seed on the node, then build and serve the dashboard (run from the repository root). */
const SCENARIO_STACK = [
  "npx hardhat build --quiet --no-tests",
  "npx hardhat run --no-compile scripts/deploy/deploy.ts --network localhost",
  "npx hardhat run --no-compile scripts/demo/seed-demo.ts --network localhost",
  "npm run build -w web",
  "npm run start -w web",
].join(" && ");

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
      command: SCENARIO_STACK,
      cwd: "..",
      url: "http://127.0.0.1:3000",
      reuseExistingServer: REUSE,
      timeout: 600_000,
      stdout: "ignore",
      env: { NEXT_TELEMETRY_DISABLED: "1" },
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
