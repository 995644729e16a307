/**
 * DisruptionOracle (contracts/interfaces/IDisruptionOracle.sol): reporters' votes, confirmed disruptions and
 * recoveries, subscriber notifications, and the oracle's configuration and roles.
 */
import { insert, update, upsert } from "../changes";
import { lc } from "./common";
import type { Reducers } from "./types";

export const oracleReducers: Reducers["DisruptionOracle"] = {
  DisruptionReported: (args, meta) => [
    insert("disruptionReport", {
      id: meta.id,
      supplier: lc(args.supplier),
      reporter: lc(args.reporter),
      disrupted: args.disrupted,
      evidenceHash: args.evidenceHash,
      observedAt: args.observedAt,
      votes: args.votes,
      quorum: args.quorum,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
    }),
    upsert("supplier", { address: lc(args.supplier) }, { add: { reports: 1 }, set: { updatedAt: meta.timestamp } }),
  ],

  DisruptionConfirmed: (args, meta) => [
    insert("disruption", {
      confirmationId: args.confirmationId,
      supplier: lc(args.supplier),
      kind: "disruption",
      evidenceHash: args.evidenceHash,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
      transactionHash: meta.transactionHash,
    }),
    upsert(
      "supplier",
      { address: lc(args.supplier) },
      {
        set: {
          disrupted: true,
          lastConfirmationId: args.confirmationId,
          since: meta.timestamp,
          evidenceHash: args.evidenceHash,
          updatedAt: meta.timestamp,
        },
      },
    ),
  ],

  RecoveryConfirmed: (args, meta) => [
    insert("disruption", {
      confirmationId: args.confirmationId,
      supplier: lc(args.supplier),
      kind: "recovery",
      evidenceHash: args.evidenceHash,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
      transactionHash: meta.transactionHash,
    }),
    upsert(
      "supplier",
      { address: lc(args.supplier) },
      {
        set: {
          disrupted: false,
          lastConfirmationId: args.confirmationId,
          since: meta.timestamp,
          evidenceHash: args.evidenceHash,
          updatedAt: meta.timestamp,
        },
      },
    ),
  ],

  NotificationsDeferred: (args) => [
    update("disruption", { confirmationId: args.confirmationId }, { set: { deferred: true } }),
  ],

  SubscriberNotified: (args, meta) => [
    insert("notification", {
      id: meta.id,
      confirmationId: args.confirmationId,
      subscriber: lc(args.subscriber),
      ok: true,
      blockNumber: meta.blockNumber,
    }),
    update("disruption", { confirmationId: args.confirmationId }, { add: { notified: 1 }, set: { deferred: false } }),
  ],

  SubscriberNotificationFailed: (args, meta) => [
    insert("notification", {
      id: meta.id,
      confirmationId: args.confirmationId,
      subscriber: lc(args.subscriber),
      ok: false,
      reason: args.reason,
      blockNumber: meta.blockNumber,
    }),
    update("disruption", { confirmationId: args.confirmationId }, { add: { notificationFailures: 1 } }),
  ],

  QuorumChanged: (args, meta) => [
    upsert(
      "oracle",
      { address: lc(meta.address) },
      { set: { quorum: args.quorum, reporterCount: args.reporterCount } },
    ),
  ],

  TriggersPaused: (args, meta) => [upsert("oracle", { address: lc(meta.address) }, { set: { paused: args.paused } })],

  ReporterAdded: (args, meta) => [
    upsert(
      "reporter",
      { address: lc(args.reporter) },
      { set: { active: true, index: args.index, updatedAt: meta.timestamp } },
    ),
  ],

  ReporterRemoved: (args, meta) => [
    upsert(
      "reporter",
      { address: lc(args.reporter) },
      { set: { active: false, index: null, updatedAt: meta.timestamp } },
    ),
  ],

  SubscriberAdded: (args, meta) => [
    upsert("subscriber", { address: lc(args.subscriber) }, { set: { active: true, updatedAt: meta.timestamp } }),
  ],

  SubscriberRemoved: (args, meta) => [
    upsert("subscriber", { address: lc(args.subscriber) }, { set: { active: false, updatedAt: meta.timestamp } }),
  ],

  RoleGranted: (args, meta) => [
    upsert(
      "roleMember",
      { contract: lc(meta.address), role: args.role, account: lc(args.account) },
      { set: { active: true, updatedAt: meta.timestamp } },
    ),
  ],

  RoleRevoked: (args, meta) => [
    upsert(
      "roleMember",
      { contract: lc(meta.address), role: args.role, account: lc(args.account) },
      { set: { active: false, updatedAt: meta.timestamp } },
    ),
  ],

  RoleAdminChanged: (args, meta) => [
    upsert("roleAdmin", { contract: lc(meta.address), role: args.role }, { set: { adminRole: args.newAdminRole } }),
  ],

  // EIP-712 domain changes carry no state (the audit trail's `event` row records it).
  EIP712DomainChanged: () => [],
};
