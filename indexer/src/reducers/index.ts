/**
 * Every reducer, by contract and event. Adding an event to a contract: regenerate the ABIs
 * (scripts/codegen/web-abis.ts, `npm run codegen`), then `tsc` (and reducers.test.ts) fail until the event has a reducer here.
 */
import { escrowReducers } from "./escrow";
import { oracleReducers } from "./oracle";
import { poolReducers } from "./pool";
import { registryReducers } from "./registry";
import { tokenReducers } from "./token";
import type { Reducers } from "./types";

export const reducers: Reducers = {
  RDEscrow: escrowReducers,
  SupplyChainRegistry: registryReducers,
  DisruptionOracle: oracleReducers,
  ContingencyPool: poolReducers,
  DemoStablecoin: tokenReducers,
};

export * from "./types";
