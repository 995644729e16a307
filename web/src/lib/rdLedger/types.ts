/**
 * The typed events the R&D ledger is built from (decoded from RDEscrow's logs; docs/EVENTS.md), independent of
 * the ABI's numeric encodings: enums arrive as their member names.
 */
import type { AccountingKey, CategoryKey, GreenKey, RdFormKey, StageKey } from "./rules.ts";

export type Hex = `0x${string}`;

/** Where an event sits in the chain: orders events and links rows to their transactions. */
export interface EventPosition {
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  /** Unix seconds of the block. */
  timestamp: number;
}

export interface ProjectCreatedEvent extends EventPosition {
  kind: "ProjectCreated";
  projectId: bigint;
  firm: Hex;
  token: Hex;
  milestones: readonly { stage: StageKey; accounting: AccountingKey }[];
}

/** The project's R&D form and green category (emitted with the project's creation). */
export interface ProjectClassifiedEvent extends EventPosition {
  kind: "ProjectClassified";
  projectId: bigint;
  rdForm: RdFormKey;
  greenCategory: GreenKey;
}

export interface FundedEvent extends EventPosition {
  kind: "Funded";
  projectId: bigint;
  financier: Hex;
  amount: bigint;
}

export interface RefundedEvent extends EventPosition {
  kind: "Refunded";
  projectId: bigint;
  financier: Hex;
  amount: bigint;
}

/** A financier declared its contribution to a project to be fiscal funds the firm treats as non-taxable income. */
export interface FiscalFundsFlaggedEvent extends EventPosition {
  kind: "FiscalFundsFlagged";
  projectId: bigint;
  financier: Hex;
}

export interface DisbursedEvent extends EventPosition {
  kind: "Disbursed";
  projectId: bigint;
  payee: Hex;
  amount: bigint;
  milestoneIndex: number;
  category: CategoryKey;
  invoiceHash: Hex;
}

export type LedgerEvent =
  ProjectCreatedEvent | ProjectClassifiedEvent | FundedEvent | RefundedEvent | FiscalFundsFlaggedEvent | DisbursedEvent;

/** Token decimals by token address (lower-case), read from the token itself. */
export type TokenDecimals = ReadonlyMap<string, number>;
