/**
 * Browser tests in Debian's headless Chromium (`apt-get install chromium`; `npx playwright install` is not
 * used) against the production build (`next build && next start`) and a local Hardhat node.
 */
import { defineConfig } from "@playwright/test";

const CI = !!process.env.CI;
const RPC_PORT = 8545;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  reporter: [["list"], ["html", { outputFolder: "./playwright-report", open: "never" }]],
  use: {
    baseURL: "http://127.0.0.1:3000",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
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
      // A bare local chain (the smoke test expects no deployment on it).
      command: `npx hardhat node --hostname 127.0.0.1 --port ${RPC_PORT}`,
      cwd: "..",
      port: RPC_PORT,
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: "ignore",
    },
    {
      command: "npm run build && npm run start",
      url: "http://127.0.0.1:3000",
      reuseExistingServer: !CI,
      timeout: 600_000,
      env: { NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
