import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

/**
 * The compiler comes from the `solc` npm package (pinned exactly in package.json) and is
 * loaded as WebAssembly through `path`, so `hardhat build` never downloads anything.
 * Keep SOLC_VERSION equal to the installed package's version (checked below).
 */
const SOLC_VERSION = "0.8.30";
const require = createRequire(import.meta.url);
const soljsonPath = require.resolve("solc/soljson.js");
const installedSolc = (require("solc/package.json") as { version: string }).version;
if (installedSolc !== SOLC_VERSION) {
  throw new Error(`hardhat.config.ts expects solc ${SOLC_VERSION}, but node_modules has ${installedSolc}`);
}

/**
 * Also asks solc for each contract's `storageLayout` (merged with Hardhat's own output selection), so the
 * storage-layout snapshot tests (test/storage-layout.test.ts) can pin every packed slot.
 */
const compilerSettings = { evmVersion: "cancun", outputSelection: { "*": { "*": ["storageLayout"] } } } as const;

/** Fuzz runs for Solidity tests; CI uses the default, set FUZZ_RUNS higher for a deep local run. */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 1000);

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  solidity: {
    profiles: {
      default: {
        version: SOLC_VERSION,
        path: soljsonPath,
        settings: { ...compilerSettings, optimizer: { enabled: true, runs: 10_000 } },
      },
      production: {
        version: SOLC_VERSION,
        path: soljsonPath,
        settings: { ...compilerSettings, optimizer: { enabled: true, runs: 10_000 } },
      },
    },
  },
  test: {
    solidity: {
      fuzz: { runs: fuzzRuns },
    },
  },
  networks: {
    // In-process simulated chain used by tests, benchmarks and one-shot scripts.
    hardhatMainnet: { type: "edr-simulated", chainType: "l1" },
    // The demo's `hardhat node` (scripts/demo/demo.ts starts it on 127.0.0.1:8545; bench:web moves it to another
    // port with LOCALHOST_RPC_URL so that it runs beside the e2e suite).
    localhost: { type: "http", chainType: "l1", url: process.env.LOCALHOST_RPC_URL ?? "http://127.0.0.1:8545" },
    // Any other EVM network: set RPC_URL and DEPLOYER_PRIVATE_KEY in the environment or in
    // Hardhat's keystore (`npx hardhat keystore set RPC_URL`). Never commit a key.
    remote: {
      type: "http",
      chainType: "generic",
      url: configVariable("RPC_URL"),
      accounts: [configVariable("DEPLOYER_PRIVATE_KEY")],
    },
  },
});
