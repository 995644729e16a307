/**
 * Projects rebuilt from RDEscrow events (ProjectCreated carries the milestones; submissions, approvals,
 * rejections, disbursements and closings update them). Pure; the views add on-chain reads where needed.
 */
import type { MilestoneStatusName, ProjectStatusName } from "@/generated/enums";
import { arg, inOrder, movementParts, type ChainEvent, type Hex } from "./events";

export type MilestoneStatus = MilestoneStatusName;
/** A created project's status (`None` only marks ids that were never created). */
export type ProjectStatus = Exclude<ProjectStatusName, "None">;

export interface MilestoneState {
  index: number;
  budget: bigint;
  /** Unix seconds. */
  deadline: number;
  /** An EscrowTypes.Stage value (see StageNames). */
  stage: number;
  status: MilestoneStatus;
  paid: bigint;
  evidenceHash?: Hex;
  reasonHash?: Hex;
  submittedAt?: number;
}

export interface ProjectModel {
  id: bigint;
  firm: Hex;
  verifier: Hex;
  token: Hex;
  target: bigint;
  metadataHash: Hex;
  status: ProjectStatus;
  milestones: MilestoneState[];
  funded: bigint;
  disbursed: bigint;
  refunded: bigint;
  createdAt?: number;
  createdTx: Hex;
  /** Disbursed events, oldest first. */
  payments: ChainEvent[];
  /** Financier → contributed (lower-case address). */
  contributions: Map<string, bigint>;
}

export const projectHeld = (p: ProjectModel): bigint => p.funded - p.disbursed - p.refunded;
export const approvedCount = (p: ProjectModel): number => p.milestones.filter((m) => m.status === "Approved").length;
/** The stage of the first milestone not yet approved (or the last one's when all are). */
export function currentStage(p: ProjectModel): number {
  const open = p.milestones.find((m) => m.status !== "Approved");
  return (open ?? p.milestones[p.milestones.length - 1])?.stage ?? 0;
}

function toMilestones(raw: unknown): MilestoneState[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((m, index) => {
    const o = m as Record<string, unknown> & unknown[];
    const budget = (o.budget ?? o[0]) as bigint;
    const deadline = (o.deadline ?? o[1]) as bigint | number;
    const stage = (o.stage ?? o[2]) as number | bigint;
    return {
      index,
      budget: BigInt(budget ?? 0n),
      deadline: Number(deadline ?? 0),
      stage: Number(stage ?? 0),
      status: "Pending" as const,
      paid: 0n,
    };
  });
}

export function buildProjects(events: readonly ChainEvent[]): Map<string, ProjectModel> {
  const projects = new Map<string, ProjectModel>();
  for (const e of inOrder(events)) {
    if (e.contract !== "RDEscrow") continue;
    const pidRaw = e.args.projectId ?? e.argList[0];
    if (typeof pidRaw !== "bigint") continue;
    const key = pidRaw.toString();
    if (e.eventName === "ProjectCreated") {
      projects.set(key, {
        id: pidRaw,
        firm: arg<Hex>(e, ["firm"], 1)!,
        verifier: arg<Hex>(e, ["verifier"], 2)!,
        token: arg<Hex>(e, ["token"], 3)!,
        target: BigInt(arg<bigint>(e, ["target"], 4) ?? 0n),
        metadataHash: arg<Hex>(e, ["metadataHash"], 5)!,
        status: "Active",
        milestones: toMilestones(arg(e, ["milestones"], 6)),
        funded: 0n,
        disbursed: 0n,
        refunded: 0n,
        createdAt: e.timestamp,
        createdTx: e.transactionHash,
        payments: [],
        contributions: new Map(),
      });
      continue;
    }
    const p = projects.get(key);
    if (!p) continue;
    const mIndex = arg<bigint>(e, ["milestoneIndex"]);
    const m = mIndex !== undefined ? p.milestones[Number(mIndex)] : undefined;
    switch (e.eventName) {
      case "Funded": {
        const { party, amount } = movementParts(e);
        p.funded += amount;
        const k = party.toLowerCase();
        p.contributions.set(k, (p.contributions.get(k) ?? 0n) + amount);
        break;
      }
      case "Disbursed": {
        const { amount } = movementParts(e);
        p.disbursed += amount;
        if (m) m.paid += amount;
        p.payments.push(e);
        break;
      }
      case "Refunded":
        p.refunded += movementParts(e).amount;
        break;
      case "MilestoneSubmitted":
        if (m) {
          m.status = "Submitted";
          m.evidenceHash = arg<Hex>(e, ["evidenceHash"]);
          m.submittedAt = e.timestamp;
        }
        break;
      case "MilestoneApproved":
        if (m) m.status = "Approved";
        break;
      case "MilestoneRejected":
        if (m) {
          m.status = "Rejected";
          m.reasonHash = arg<Hex>(e, ["reasonHash"]);
        }
        break;
      case "ProjectFailed":
        p.status = "Failed";
        break;
      case "ProjectCancelled":
        p.status = "Cancelled";
        break;
      case "ProjectCompleted":
      case "ProjectClosedAfterGracePeriod": // all approved; closed by anyone after the grace period
        p.status = "Completed";
        break;
      case "VerifierTransferred":
        p.verifier = arg<Hex>(e, ["newVerifier"], 2) ?? p.verifier;
        break;
    }
  }
  return projects;
}
