"use client";
import { Badge } from "@/components/ui";
import { StageNames } from "@/generated/enums";
import type { MilestoneStatus, ProjectStatus } from "@/lib/projects";
import { useT, type MessageKey } from "@/i18n";

type Tone = Parameters<typeof Badge>[0]["tone"];
const PROJECT_TONE = {
  Active: "accent",
  Completed: "positive",
  Failed: "negative",
  Cancelled: "warn",
} as const satisfies Record<ProjectStatus, Tone>;
const MILESTONE_TONE = {
  Pending: "neutral",
  Submitted: "accent",
  Approved: "positive",
  Rejected: "negative",
} as const satisfies Record<MilestoneStatus, Tone>;

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const t = useT();
  return <Badge tone={PROJECT_TONE[status]}>{t(`projectStatus.${status}` as MessageKey)}</Badge>;
}

export function MilestoneStatusBadge({ status }: { status: MilestoneStatus }) {
  const t = useT();
  return (
    <Badge tone={MILESTONE_TONE[status]}>
      <span data-testid="milestone-status" data-status={status}>
        {t(`milestoneStatus.${status}` as MessageKey)}
      </span>
    </Badge>
  );
}

export function StageLabel({ stage }: { stage: number }) {
  const t = useT();
  return <>{t(`stage.${Math.min(StageNames.length - 1, Math.max(0, stage))}` as MessageKey)}</>;
}
