/** The words the tables use for kinds and states (kept out of ponder.schema.ts, which holds only tables). */
import { SkipReasonNames } from "../../web/src/generated/enums";

/** The eight movement kinds of docs/EVENTS.md. */
export const FLOW_KINDS = [
  "funded",
  "disbursed",
  "refunded",
  "committed",
  "financed",
  "advanceClaimed",
  "repaid",
  "withdrawn",
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const PROJECT_STATUSES = ["active", "completed", "failed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_STATUSES = ["pending", "submitted", "approved", "rejected"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Where a supplier stands in one listing of a component (the registry's ListingStatus, without None). */
export const LISTING_STATUSES = ["pending", "accepted", "closed"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** FinancingSkipped.reason → its name (SupplyChainTypes.SkipReason, generated from the contracts). */
export const SKIP_REASONS: readonly string[] = SkipReasonNames;
