/**
 * Projects as the views show them, from the indexer's entity rows (project, milestone, position). Pure; the views
 * add on-chain reads where needed.
 */
import type { MilestoneStatusName, ProjectStatusName } from "@/generated/enums";
import type { Hex, Row } from "./indexer";

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

export const PROJECT_STATUS: Record<Row<"project">["status"], ProjectStatus> = {
  active: "Active",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};
const MILESTONE_STATUS: Record<Row<"milestone">["status"], MilestoneStatus> = {
  pending: "Pending",
  submitted: "Submitted",
  approved: "Approved",
  rejected: "Rejected",
};

/** One project from its row, its milestone rows and its financiers' position rows (any order). */
export function projectFromRows(
  p: Row<"project">,
  milestones: readonly Row<"milestone">[],
  positions: readonly Pick<Row<"position">, "financier" | "funded">[] = [],
): ProjectModel {
  const contributions = new Map<string, bigint>();
  for (const pos of positions) if (pos.funded > 0n) contributions.set(pos.financier.toLowerCase(), pos.funded);
  return {
    id: p.id,
    firm: p.firm,
    verifier: p.verifier,
    token: p.token,
    target: p.target,
    metadataHash: p.metadataHash,
    status: PROJECT_STATUS[p.status],
    milestones: [...milestones]
      .sort((a, b) => a.index - b.index)
      .map((m) => ({
        index: m.index,
        budget: m.budget,
        deadline: Number(m.deadline),
        stage: m.stage,
        status: MILESTONE_STATUS[m.status],
        paid: m.paid,
        ...(m.evidenceHash && { evidenceHash: m.evidenceHash }),
        ...(m.reasonHash && { reasonHash: m.reasonHash }),
        ...(m.status === "submitted" && { submittedAt: Number(m.updatedAt) }),
      })),
    funded: p.funded,
    disbursed: p.disbursed,
    refunded: p.refunded,
    createdAt: Number(p.createdAt),
    createdTx: p.createdTx,
    contributions,
  };
}

/** Projects by id (decimal string) from rows of several projects. */
export function projectsFromRows(
  projects: readonly Row<"project">[],
  milestones: readonly Row<"milestone">[],
  positions: readonly Pick<Row<"position">, "projectId" | "financier" | "funded">[] = [],
): Map<string, ProjectModel> {
  const group = <T extends { projectId: bigint }>(rows: readonly T[]) => {
    const out = new Map<bigint, T[]>();
    for (const r of rows) out.set(r.projectId, [...(out.get(r.projectId) ?? []), r]);
    return out;
  };
  const ms = group(milestones);
  const ps = group(positions);
  return new Map(
    [...projects]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((p) => [p.id.toString(), projectFromRows(p, ms.get(p.id) ?? [], ps.get(p.id) ?? [])]),
  );
}
