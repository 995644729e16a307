/** RDEscrow: projects, milestones, financiers' funding and refunds, payments (docs/EVENTS.md, IRDEscrow.sol). */
import { insert, update, upsert } from "../changes";
import { documentPublished, lc, movement, projectToken } from "./common";
import { greenFunded, greenPayment } from "./green";
import type { Reducers } from "./types";

export const escrowReducers: Reducers["RDEscrow"] = {
  ProjectCreated: (args, meta) => [
    insert("project", {
      id: args.projectId,
      escrow: lc(meta.address),
      firm: lc(args.firm),
      verifier: lc(args.verifier),
      token: lc(args.token),
      target: args.target,
      metadataHash: args.metadataHash,
      milestoneCount: args.milestones.length,
      status: "active",
      createdBlock: meta.blockNumber,
      createdAt: meta.timestamp,
      createdTx: meta.transactionHash,
    }),
    // Bounded by RDEscrow.MAX_MILESTONES.
    ...args.milestones.map((m, index) =>
      insert("milestone", {
        projectId: args.projectId,
        index,
        budget: m.budget,
        deadline: BigInt(m.deadline),
        stage: m.stage,
        status: "pending",
        updatedAt: meta.timestamp,
      }),
    ),
  ],

  // Emitted right after ProjectCreated: the R&D form and green category the ledger and green report use.
  ProjectClassified: (args) => [
    update("project", { id: args.projectId }, { set: { rdForm: args.rdForm, greenCategory: args.greenCategory } }),
  ],

  // The flag covers the financier's whole contribution; the position row exists (only a contributor can flag).
  FiscalFundsFlagged: (args) => [
    upsert("position", { projectId: args.projectId, financier: lc(args.financier) }, { set: { fiscalFunds: true } }),
  ],

  Funded: (args, meta, lookups) => [
    ...movement(
      "funded",
      args.projectId,
      args.financier,
      meta.address,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    update("project", { id: args.projectId }, { add: { funded: args.amount, held: args.amount } }),
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      {
        add: { funded: args.amount, movements: 1 },
      },
    ),
    ...greenFunded(args, lookups),
  ],

  Disbursed: (args, meta, lookups) => [
    ...movement(
      "disbursed",
      args.projectId,
      meta.address,
      args.payee,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    insert("payment", {
      id: meta.id,
      projectId: args.projectId,
      milestoneIndex: Number(args.milestoneIndex),
      payee: lc(args.payee),
      amount: args.amount,
      category: args.category,
      invoiceHash: args.invoiceHash,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
      transactionHash: meta.transactionHash,
    }),
    update("project", { id: args.projectId }, { add: { disbursed: args.amount, held: -args.amount } }),
    update(
      "milestone",
      { projectId: args.projectId, index: Number(args.milestoneIndex) },
      { add: { paid: args.amount, payments: 1 }, set: { updatedAt: meta.timestamp } },
    ),
    ...greenPayment(args, meta, lookups),
  ],

  DocumentPublished: documentPublished,

  Refunded: (args, meta, lookups) => [
    ...movement(
      "refunded",
      args.projectId,
      meta.address,
      args.financier,
      projectToken(lookups, args.projectId),
      args.amount,
      meta,
    ),
    update("project", { id: args.projectId }, { add: { refunded: args.amount, held: -args.amount } }),
    upsert(
      "position",
      { projectId: args.projectId, financier: lc(args.financier) },
      { add: { refunded: args.amount, movements: 1 } },
    ),
  ],

  MilestoneSubmitted: (args, meta) => [
    update(
      "milestone",
      { projectId: args.projectId, index: Number(args.milestoneIndex) },
      { set: { status: "submitted", evidenceHash: args.evidenceHash, updatedAt: meta.timestamp } },
    ),
  ],

  MilestoneApproved: (args, meta) => [
    update(
      "milestone",
      { projectId: args.projectId, index: Number(args.milestoneIndex) },
      { set: { status: "approved", updatedAt: meta.timestamp } },
    ),
  ],

  MilestoneRejected: (args, meta) => [
    update(
      "milestone",
      { projectId: args.projectId, index: Number(args.milestoneIndex) },
      { set: { status: "rejected", reasonHash: args.reasonHash, updatedAt: meta.timestamp } },
    ),
  ],

  ProjectFailed: (args, meta) => [
    update(
      "project",
      { id: args.projectId },
      {
        set: {
          status: "failed",
          refundable: args.refundable,
          failedMilestone: Number(args.milestoneIndex),
          closedAt: meta.timestamp,
        },
      },
    ),
  ],

  ProjectCancelled: (args, meta) => [
    update(
      "project",
      { id: args.projectId },
      { set: { status: "cancelled", refundable: args.refundable, closedAt: meta.timestamp } },
    ),
  ],

  ProjectCompleted: (args, meta) => [
    update(
      "project",
      { id: args.projectId },
      { set: { status: "completed", refundable: args.refundable, closedAt: meta.timestamp } },
    ),
  ],

  ProjectClosedAfterGracePeriod: (args, meta) => [
    // Every milestone was approved and the grace period after the last deadline ran out: closed by anyone, what
    // was not paid is refundable (the escrow marks the project Completed).
    update(
      "project",
      { id: args.projectId },
      { set: { status: "completed", refundable: args.refundable, closedAt: meta.timestamp } },
    ),
  ],

  VerifierTransferred: (args) => [
    update("project", { id: args.projectId }, { set: { verifier: lc(args.newVerifier) } }),
  ],

  // A one-invoice release to a disrupted payee: a state change without a token movement; the audit trail keeps it.
  InvoiceReleased: () => [],
};
