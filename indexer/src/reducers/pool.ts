/**
 * ContingencyPool: commitments, substitute financing (paid, or owed when the token refused the advance, and claimed
 * later), repayments, withdrawals, claims, the processing queue, the project-token list and the owner.
 */
import { insert, update, upsert } from "../changes";
import { SKIP_REASONS } from "../vocabulary";
import { lc, movement, projectToken } from "./common";
import type { Reducers } from "./types";

export const poolReducers: Reducers["ContingencyPool"] = {
  Committed: (args, meta, lookups) => [
    ...movement(
      "committed",
      args.projectId,
      args.financier,
      meta.address,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    upsert(
      "pool",
      { projectId: args.projectId },
      { add: { committed: args.amount, shares: args.shares, held: args.amount }, set: { address: lc(meta.address) } },
    ),
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      { add: { committed: args.amount, shares: args.shares, movements: 1 } },
    ),
  ],

  // The firm's terms for every financier of its pool: in force at `effectiveAt` (later than the block for a loosening).
  PoolTermsSet: (args, meta) => [
    upsert(
      "pool",
      { projectId: args.projectId },
      {
        set: {
          address: lc(meta.address),
          exposureBps: Number(args.exposureBps),
          disruptionBps: Number(args.disruptionBps),
          withdrawalNotice: args.withdrawalNotice,
          repaymentTerm: args.repaymentTerm,
          termsEffectiveAt: args.effectiveAt,
        },
      },
    ),
  ],

  WithdrawalRequested: (args) => [
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      { set: { withdrawalExecutableAt: args.executableAt } },
    ),
  ],

  SubstituteFinanced: (args, meta, lookups) => [
    ...movement(
      "financed",
      args.projectId,
      meta.address,
      args.substitute,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    insert("financing", {
      id: meta.id,
      projectId: args.projectId,
      componentId: args.componentId,
      substitute: lc(args.substitute),
      disruptedSupplier: lc(args.disruptedSupplier),
      disruptionId: args.disruptionId,
      amount: args.amount,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
      transactionHash: meta.transactionHash,
    }),
    update(
      "pool",
      { projectId: args.projectId },
      { add: { financed: args.amount, held: -args.amount, financings: 1 } },
    ),
    update("disruption", { confirmationId: args.disruptionId }, { add: { financed: args.amount, financings: 1 } }),
  ],

  // The pair is financed (switched, owed by the firm) but no tokens moved: the pool still holds the advance.
  AdvanceOwed: (args, meta) => [
    upsert(
      "owedAdvance",
      { projectId: args.projectId, substitute: lc(args.substitute) },
      {
        add: { owed: args.amount, refusals: 1 },
        set: { lastRefusedAt: meta.timestamp, lastRefusalTx: meta.transactionHash, updatedAt: meta.timestamp },
      },
    ),
    update("pool", { projectId: args.projectId }, { add: { owed: args.amount } }),
    update("disruption", { confirmationId: args.disruptionId }, { add: { owedAdvances: 1 } }),
  ],

  AdvanceClaimed: (args, meta, lookups) => [
    ...movement(
      "advanceClaimed",
      args.projectId,
      meta.address,
      args.substitute,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    update(
      "owedAdvance",
      { projectId: args.projectId, substitute: lc(args.substitute) },
      { add: { owed: -args.amount, claimed: args.amount }, set: { updatedAt: meta.timestamp } },
    ),
    update(
      "pool",
      { projectId: args.projectId },
      { add: { owed: -args.amount, advancesClaimed: args.amount, held: -args.amount } },
    ),
  ],

  FinancingSkipped: (args, meta) => [
    insert("financingSkip", {
      id: meta.id,
      projectId: args.projectId,
      componentId: args.componentId,
      disruptedSupplier: lc(args.disruptedSupplier),
      confirmationId: args.confirmationId,
      reason: args.reason,
      reasonName: SKIP_REASONS[args.reason] ?? `Unknown(${args.reason})`,
      advance: args.advance,
      blockNumber: meta.blockNumber,
    }),
    update("disruption", { confirmationId: args.confirmationId }, { add: { skipped: 1 } }),
  ],

  Repaid: (args, meta, lookups) => [
    ...movement(
      "repaid",
      args.projectId,
      args.firm,
      meta.address,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    update("pool", { projectId: args.projectId }, { add: { repaid: args.amount, held: args.amount } }),
  ],

  Withdrawn: (args, meta, lookups) => [
    ...movement(
      "withdrawn",
      args.projectId,
      meta.address,
      args.financier,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    update("pool", { projectId: args.projectId }, { add: { withdrawn: args.amount, held: -args.amount } }),
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      { add: { withdrawn: args.amount, movements: 1 } },
    ),
  ],

  ClaimOpened: (args) => [
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      { add: { claimDebt: args.debt, claimUnits: args.units } },
    ),
  ],

  Queued: (args) => [
    upsert(
      "queueJob",
      { jobId: args.jobId },
      { set: { supplier: lc(args.supplier), confirmationId: args.confirmationId, nextPairIndex: args.nextPairIndex } },
    ),
  ],

  ProjectTokenSet: (args, meta) => [
    upsert("projectToken", { token: lc(args.token) }, { set: { allowed: args.allowed, updatedAt: meta.timestamp } }),
  ],

  OwnershipTransferStarted: (args, meta) => [
    upsert(
      "contractOwner",
      { contract: lc(meta.address) },
      { set: { owner: lc(args.previousOwner), pendingOwner: lc(args.newOwner), updatedAt: meta.timestamp } },
    ),
  ],

  // Ownable2Step clears the pending owner on every transfer (the constructor's included).
  OwnershipTransferred: (args, meta) => [
    upsert(
      "contractOwner",
      { contract: lc(meta.address) },
      { set: { owner: lc(args.newOwner), pendingOwner: null, updatedAt: meta.timestamp } },
    ),
  ],

  QueueJobDone: (args) => [update("queueJob", { jobId: args.jobId }, { set: { done: true, dropped: args.dropped } })],
};
