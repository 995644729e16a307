/**
 * Fixtures of the DisruptionOracle tests: an oracle with three reporters (quorum 2, max report age one day) and a
 * recording subscriber, the same with a fresh "disrupted" report to sign, the chain's clock, and the EIP-712 signing
 * of a report (scripts/reporter/reporter.ts's types).
 */
import type { Signer } from "ethers";
import { network } from "hardhat";

import { REPORT_TYPES } from "../../scripts/reporter/reporter.js";

export const { ethers, networkHelpers } = await network.getOrCreate();
export const { time } = networkHelpers;

export const DAY = 24 * 60 * 60;
export const EVIDENCE = ethers.id("ipfs://factory-fire-inspection-report");
export const RECOVERY_EVIDENCE = ethers.id("ipfs://production-restarted");

export async function deployOracleFixture() {
  const [admin, guardian, r1, r2, r3, outsider, supplier, other] = await ethers.getSigners();
  const oracle = await ethers.deployContract("DisruptionOracle", [
    admin.address,
    guardian.address,
    DAY,
    [r1.address, r2.address, r3.address],
    2,
  ]);
  const subscriber = await ethers.deployContract("RecordingSubscriber");
  await oracle.connect(admin).addSubscriber(await subscriber.getAddress());
  return { oracle, subscriber, admin, guardian, r1, r2, r3, outsider, supplier, other };
}

/**
 * The oracle of {@link deployOracleFixture} and a report, to be signed by its reporters, that `supplier` is disrupted:
 * observed now, on a supplier never confirmed before. `address` is the oracle's (the EIP-712 verifying contract).
 */
export async function disruptionReportFixture() {
  const deployed = await deployOracleFixture();
  const report: Report = {
    supplier: deployed.supplier.address,
    disrupted: true,
    evidenceHash: EVIDENCE,
    observedAt: await now(),
    lastConfirmationId: 0n,
  };
  return { ...deployed, report, address: await deployed.oracle.getAddress() };
}

export async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

export interface Report {
  supplier: string;
  disrupted: boolean;
  evidenceHash: string;
  observedAt: bigint;
  lastConfirmationId: bigint;
}

export async function signReport(signer: Signer, verifyingContract: string, report: Report, chainId?: bigint) {
  const domain = {
    name: "RDCF Disruption Oracle",
    version: "1",
    chainId: chainId ?? (await ethers.provider.getNetwork()).chainId,
    verifyingContract,
  };
  return signer.signTypedData(domain, REPORT_TYPES, report);
}
