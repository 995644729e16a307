/**
 * The core of the disruption reporter service (scripts/reporter/oracle-reporter.ts is its command line).
 *
 * It reads a disruption feed — a JSON file or an HTTP endpoint returning
 *   { "events": [ { "id", "supplier", "status": "disrupted" | "recovered", "evidence", "observedAt" } ] }
 * — and brings the DisruptionOracle in line with it, either by sending one `report` per reporter key
 * ("direct") or by collecting EIP-712 signatures from the reporter keys and having one relayer submit them
 * in a single `submitSignedReports` ("relay").
 *
 * It never double-reports: before every vote it reads the chain (the supplier's confirmed state and who has
 * already voted in the open round), so re-reading the same feed, restarting the service, or retrying after a
 * lost response sends nothing twice. Transport failures are retried with back-off; reverts are decoded and
 * logged, and the event is left for the next pass.
 */
import { readFile } from "node:fs/promises";
import { Contract, getAddress, id, isHexString, type InterfaceAbi, type Signer } from "ethers";

import { RevertDecoder } from "../lib/revert-decoder.js";
import { withRetry } from "../lib/retry.js";

export type DisruptionStatus = "disrupted" | "recovered";

export interface FeedEvent {
  /** Unique id of the event in the feed (used in logs). */
  id: string;
  supplier: string;
  status: DisruptionStatus;
  /** The evidence: a 32-byte hex hash, or any text/URI (hashed with keccak256). */
  evidence: string;
  /** When it was observed: Unix seconds or an ISO-8601 date. */
  observedAt: number | string;
}

export type Outcome =
  | "confirmed" // this pass's votes reached the quorum
  | "voted" // votes were cast, the quorum is not reached yet
  | "already-confirmed" // the chain already has this state
  | "nothing-to-add" // every available reporter has already voted
  | "outdated" // observed before the supplier's last confirmation, or older than the max report age
  | "failed"; // a revert or a non-transient error; logged, retried on the next pass

export interface EventResult {
  id: string;
  outcome: Outcome;
  transactions: string[];
  detail?: string;
}

export interface ReporterOptions {
  oracleAddress: string;
  oracleAbi: InterfaceAbi;
  /** The reporters' signers (keys or the local node's unlocked accounts). */
  reporters: Signer[];
  /** "direct": every reporter sends `report`; "relay": `relayer` submits all signatures at once. */
  mode: "direct" | "relay";
  relayer?: Signer;
  /** ABIs used to decode reverts (defaults to the oracle's). */
  errorAbis?: InterfaceAbi[];
  log?: (line: string) => void;
  retryBaseDelayMs?: number;
}

export function parseFeed(json: unknown): FeedEvent[] {
  const events = (json as { events?: unknown })?.events;
  if (!Array.isArray(events)) throw new Error('feed must be an object with an "events" array');
  return events.map((raw, index) => {
    const e = raw as Partial<FeedEvent>;
    const where = `feed event #${index}${e.id ? ` (${e.id})` : ""}`;
    if (typeof e.id !== "string" || e.id === "") throw new Error(`${where}: "id" must be a non-empty string`);
    if (typeof e.supplier !== "string") throw new Error(`${where}: "supplier" must be an address`);
    if (e.status !== "disrupted" && e.status !== "recovered") {
      throw new Error(`${where}: "status" must be "disrupted" or "recovered"`);
    }
    if (typeof e.evidence !== "string" || e.evidence === "") throw new Error(`${where}: "evidence" is required`);
    if (typeof e.observedAt !== "number" && typeof e.observedAt !== "string") {
      throw new Error(`${where}: "observedAt" must be Unix seconds or an ISO date`);
    }
    return {
      id: e.id,
      supplier: getAddress(e.supplier),
      status: e.status,
      evidence: e.evidence,
      observedAt: e.observedAt,
    };
  });
}

/** Reads a feed from a file path or an http(s) URL. */
export async function readFeed(source: string): Promise<FeedEvent[]> {
  if (/^https?:\/\//.test(source)) {
    const response = await withRetry(() => fetch(source));
    if (!response.ok) throw new Error(`feed ${source}: HTTP ${response.status}`);
    return parseFeed(await response.json());
  }
  return parseFeed(JSON.parse(await readFile(source, "utf8")));
}

export function evidenceHash(evidence: string): string {
  return isHexString(evidence, 32) ? evidence : id(evidence);
}

export function observedAtSeconds(observedAt: number | string): bigint {
  if (typeof observedAt === "number") return BigInt(Math.floor(observedAt));
  if (/^\d+$/.test(observedAt)) return BigInt(observedAt);
  const ms = Date.parse(observedAt);
  if (Number.isNaN(ms)) throw new Error(`observedAt "${observedAt}" is neither Unix seconds nor an ISO date`);
  return BigInt(Math.floor(ms / 1000));
}

export class DisruptionReporter {
  private readonly oracle: Contract;
  private readonly decoder: RevertDecoder;
  private readonly log: (line: string) => void;

  constructor(private readonly options: ReporterOptions) {
    if (options.mode === "relay" && options.relayer === undefined) throw new Error("relay mode needs a relayer");
    if (options.reporters.length === 0) throw new Error("at least one reporter signer is needed");
    this.oracle = new Contract(options.oracleAddress, options.oracleAbi, options.reporters[0]);
    this.decoder = new RevertDecoder(options.errorAbis ?? [options.oracleAbi]);
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Brings the oracle in line with every event of `events`, in order. */
  async processFeed(events: FeedEvent[]): Promise<EventResult[]> {
    const results: EventResult[] = [];
    for (const event of events) {
      const result = await this.processEvent(event);
      results.push(result);
      this.log(
        `[reporter] ${event.id}: ${event.status} ${event.supplier} → ${result.outcome}` +
          (result.transactions.length > 0 ? ` (${result.transactions.join(", ")})` : "") +
          (result.detail ? ` — ${result.detail}` : ""),
      );
    }
    return results;
  }

  private retry<T>(task: () => Promise<T>): Promise<T> {
    return withRetry(task, {
      baseDelayMs: this.options.retryBaseDelayMs,
      onRetry: (attempt, error) =>
        this.log(`[reporter] transient RPC error (attempt ${attempt}), retrying: ${this.decoder.describe(error)}`),
    });
  }

  async processEvent(event: FeedEvent): Promise<EventResult> {
    const disrupted = event.status === "disrupted";
    const observedAt = observedAtSeconds(event.observedAt);
    const hash = evidenceHash(event.evidence);
    const transactions: string[] = [];
    try {
      const [isDisrupted, since, confirmationId] = (await this.retry(() =>
        this.oracle.supplierStatus(event.supplier),
      )) as [boolean, bigint, bigint];
      if (isDisrupted === disrupted) return { id: event.id, outcome: "already-confirmed", transactions };
      if (observedAt < since) {
        return { id: event.id, outcome: "outdated", transactions, detail: "observed before the last confirmation" };
      }
      const [, quorum, maxReportAge] = (await this.retry(() => this.oracle.config())) as [bigint, bigint, bigint];
      const latest = await this.retry(() => this.oracle.runner!.provider!.getBlock("latest"));
      if (latest !== null && BigInt(latest.timestamp) > observedAt + maxReportAge) {
        return { id: event.id, outcome: "outdated", transactions, detail: "older than the oracle's max report age" };
      }

      const pending = await this.reportersStillToVote(event.supplier);
      if (pending.length === 0) return { id: event.id, outcome: "nothing-to-add", transactions };

      if (this.options.mode === "relay") {
        const [votes] = (await this.retry(() => this.oracle.openRound(event.supplier))) as [bigint, bigint];
        const needed = Number(quorum - votes);
        const signers = pending.slice(0, Math.max(needed, 1));
        const report = {
          supplier: event.supplier,
          disrupted,
          evidenceHash: hash,
          observedAt,
          lastConfirmationId: confirmationId,
        };
        // The oracle's own EIP-712 domain (ERC-5267), so the signatures can never drift from the contract's.
        const [, name, version, chainId, verifyingContract] = (await this.retry(() => this.oracle.eip712Domain())) as [
          string,
          string,
          string,
          bigint,
          string,
        ];
        const domain = { name, version, chainId, verifyingContract };
        const signatures = await Promise.all(signers.map((s) => s.signTypedData(domain, REPORT_TYPES, report)));
        const relayed = this.oracle.connect(this.options.relayer!) as Contract;
        const tx = await this.retry(() => relayed.submitSignedReports(report, signatures));
        transactions.push(tx.hash);
        await tx.wait();
      } else {
        for (const signer of pending) {
          // Re-read before every vote: the previous one may have confirmed already.
          const [nowDisrupted] = (await this.retry(() => this.oracle.supplierStatus(event.supplier))) as [boolean];
          if (nowDisrupted === disrupted) break;
          const voter = this.oracle.connect(signer) as Contract;
          const tx = await this.retry(() => voter.report(event.supplier, disrupted, hash, observedAt));
          transactions.push(tx.hash);
          await tx.wait();
        }
      }
      const [finalState] = (await this.retry(() => this.oracle.supplierStatus(event.supplier))) as [boolean];
      return { id: event.id, outcome: finalState === disrupted ? "confirmed" : "voted", transactions };
    } catch (error) {
      return { id: event.id, outcome: "failed", transactions, detail: this.decoder.describe(error) };
    }
  }

  /** Our reporters that are active on the oracle and have not voted in the supplier's open round. */
  private async reportersStillToVote(supplier: string): Promise<Signer[]> {
    const pending: Signer[] = [];
    for (const signer of this.options.reporters) {
      const address = await signer.getAddress();
      const active = (await this.retry(() => this.oracle.isReporter(address))) as boolean;
      if (!active) continue;
      const voted = (await this.retry(() => this.oracle.hasVoted(supplier, address))) as boolean;
      if (!voted) pending.push(signer);
    }
    return pending;
  }
}

export const REPORT_TYPES = {
  Report: [
    { name: "supplier", type: "address" },
    { name: "disrupted", type: "bool" },
    { name: "evidenceHash", type: "bytes32" },
    { name: "observedAt", type: "uint64" },
    { name: "lastConfirmationId", type: "uint64" },
  ],
};
