/** ContingencyPool: commitments, substitute financing, repayments, withdrawals, claims, the processing queue. */
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
      {
        add: {
          committed: args.amount,
          shares: args.shares,
          exposureAllowance: args.exposureAllowance,
          disruptionAllowance: args.disruptionAllowance,
        },
      },
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
      { add: { withdrawn: args.amount } },
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

  QueueJobDone: (args) => [update("queueJob", { jobId: args.jobId }, { set: { done: true, dropped: args.dropped } })],
};
