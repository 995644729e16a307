import { test } from "node:test";
import assert from "node:assert/strict";
import { chainEvents } from "@/testing/chainEvents";
import type { Hex } from "./events";
import { approvedCount, buildProjects, currentStage, projectHeld } from "./projects";

const FIRM = "0x00000000000000000000000000000000000000a1" as Hex;
const VER = "0x00000000000000000000000000000000000000ee" as Hex;
const TOKEN = "0x0000000000000000000000000000000000000070" as Hex;
const BANK = "0x00000000000000000000000000000000000000b1" as Hex;
const ev = chainEvents({ contract: "RDEscrow", address: TOKEN });

test("rebuilds projects, milestones, payments and status from escrow events", () => {
  const events = [
    ev("ProjectCreated", {
      projectId: 1n,
      firm: FIRM,
      verifier: VER,
      token: TOKEN,
      target: 300n,
      metadataHash: "0xaa",
      milestones: [
        { budget: 100n, deadline: 1000n, stage: 0 },
        { budget: 200n, deadline: 2000n, stage: 1 },
      ],
    }),
    ev("Funded", { projectId: 1n, financier: BANK, amount: 250n }),
    ev("MilestoneSubmitted", { projectId: 1n, milestoneIndex: 0n, evidenceHash: "0xbb" }),
    ev("MilestoneApproved", { projectId: 1n, milestoneIndex: 0n }),
    ev("Disbursed", { projectId: 1n, payee: FIRM, amount: 60n, milestoneIndex: 0n, category: 0, invoiceHash: "0x1" }),
    ev("MilestoneSubmitted", { projectId: 1n, milestoneIndex: 1n, evidenceHash: "0xcc" }),
    ev("MilestoneRejected", { projectId: 1n, milestoneIndex: 1n, reasonHash: "0xdd" }),
    ev("ProjectCancelled", { projectId: 1n, refundable: 190n }),
    ev("Refunded", { projectId: 1n, financier: BANK, amount: 190n }),
  ];
  const p = buildProjects(events).get("1")!;
  assert.equal(p.firm, FIRM);
  assert.equal(p.target, 300n);
  assert.equal(p.milestones.length, 2);
  assert.equal(p.milestones[0].status, "Approved");
  assert.equal(p.milestones[0].paid, 60n);
  assert.equal(p.milestones[1].status, "Rejected");
  assert.equal(p.milestones[1].reasonHash, "0xdd");
  assert.equal(p.status, "Cancelled");
  assert.equal(projectHeld(p), 0n);
  assert.equal(p.contributions.get(BANK), 250n);
  assert.equal(approvedCount(p), 1);
  assert.equal(currentStage(p), 1);
  assert.equal(p.payments.length, 1);
});

test("a project closed by anyone after the grace period is Completed; a verifier handover names the successor", () => {
  const NEXT = "0x00000000000000000000000000000000000000ef" as Hex;
  const events = [
    ev("ProjectCreated", {
      projectId: 2n,
      firm: FIRM,
      verifier: VER,
      token: TOKEN,
      target: 100n,
      metadataHash: "0xaa",
      milestones: [{ budget: 100n, deadline: 1000n, stage: 0 }],
    }),
    ev("VerifierTransferred", { projectId: 2n, previousVerifier: VER, newVerifier: NEXT }),
    ev("ProjectClosedAfterGracePeriod", { projectId: 2n, closedBy: BANK, refundable: 0n }),
  ];
  const p = buildProjects(events).get("2")!;
  assert.equal(p.verifier, NEXT);
  assert.equal(p.status, "Completed");
});
