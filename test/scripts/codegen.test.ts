/**
 * The code generators (scripts/codegen/) and the "generated files fresh" gate of `npm test`, on the real build:
 * a temp copy of the repository's generated files is written fresh, then made stale one way or another, and the
 * gate must name exactly the stale file(s) — in-process (staleFiles) and as the command `npm test` runs.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import {
  withSources,
  readCompilerOutput,
  type AstNode,
  type CompilerOutput,
} from "../../scripts/codegen/compiler-output.js";
import { collectEnums, ENUMS_FILE, renderEnums } from "../../scripts/codegen/enums.js";
import { EVENTS_DOC_FILE, EVENTS_END, EVENTS_START, renderEventTables } from "../../scripts/codegen/events-doc.js";
import { staleFiles, TARGETS, writeTargets } from "../../scripts/codegen/generate.js";
import { ABIS_FILE } from "../../scripts/codegen/web-abis.js";
import { Category, CategoryNames, EscrowTypes, SkipReason } from "../../web/src/generated/enums.js";

const build = readCompilerOutput();

/** A temp root holding freshly generated copies of every target (EVENTS.md's prose copied from the repository). */
function freshRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), "rdcf-codegen-"));
  mkdirSync(path.join(root, "docs"));
  copyFileSync(EVENTS_DOC_FILE, path.join(root, EVENTS_DOC_FILE));
  writeTargets(root, build);
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file);
  const before = readFileSync(full, "utf8");
  const after = change(before);
  expect(after, `the edit of ${file} changed nothing`).not.to.equal(before);
  writeFileSync(full, after);
}

/** The gate as `npm test` runs it, against `root`: its exit code and output. */
function gate(root: string): { status: number | null; output: string } {
  const tsx = path.join("node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, ["scripts/codegen/generate.ts", "--check", "--root", root], { encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** A copy of the build whose AST gives enum `canonicalName` one more member. */
function withExtraMember(canonicalName: string, member: string): CompilerOutput {
  const sources = structuredClone(build.sources);
  const visit = (node: AstNode): boolean => {
    if (node.nodeType === "EnumDefinition" && node.canonicalName === canonicalName) {
      node.members!.push({ id: -1, nodeType: "EnumValue", name: member });
      return true;
    }
    return (node.nodes ?? []).some(visit);
  };
  expect([...sources.values()].some(visit), `no enum ${canonicalName}`).to.equal(true);
  return withSources(build, sources);
}

describe("generated files (scripts/codegen)", function () {
  describe("the freshness gate", function () {
    it("passes on freshly generated files, in-process and as the command npm test runs", function () {
      const root = freshRoot();
      expect(staleFiles(root, build)).to.deep.equal([]);
      const { status, output } = gate(root);
      expect(status, output).to.equal(0);
      expect(output).to.contain("generated files fresh");
      rmSync(root, { recursive: true });
    });

    it("names the generated module that was edited by hand, and only it", function () {
      const root = freshRoot();
      edit(root, ENUMS_FILE, (t) => t.replace("  OtherRelated: 5,\n", ""));
      expect(staleFiles(root, build)).to.deep.equal([ENUMS_FILE]);
      const { status, output } = gate(root);
      expect(status, output).to.equal(1);
      expect(output).to.contain(`stale generated file(s): ${ENUMS_FILE}`);
      expect(output).to.contain("npm run codegen");
      rmSync(root, { recursive: true });
    });

    it("names every stale or missing file", function () {
      const root = freshRoot();
      rmSync(path.join(root, ABIS_FILE));
      edit(root, EVENTS_DOC_FILE, (t) => t.replace("#### DisruptionConfirmed", "#### DisruptionConfirmd"));
      expect(staleFiles(root, build)).to.deep.equal([ABIS_FILE, EVENTS_DOC_FILE]);
      const { status, output } = gate(root);
      expect(status, output).to.equal(1);
      expect(output).to.contain(`${ABIS_FILE}, ${EVENTS_DOC_FILE}`);
      rmSync(root, { recursive: true });
    });

    it("keeps the hand-written prose of EVENTS.md: an edit outside the markers is not stale, and survives regeneration", function () {
      const root = freshRoot();
      edit(root, EVENTS_DOC_FILE, (t) => t.replace("# Event model", "# Event model (edited)"));
      edit(root, EVENTS_DOC_FILE, (t) => t.replace(EVENTS_END, `| stray row |\n${EVENTS_END}`));
      expect(staleFiles(root, build)).to.deep.equal([EVENTS_DOC_FILE]);
      writeTargets(root, build);
      const doc = readFileSync(path.join(root, EVENTS_DOC_FILE), "utf8");
      expect(doc).to.contain("# Event model (edited)").and.not.to.contain("stray row");
      expect(staleFiles(root, build)).to.deep.equal([]);
      rmSync(root, { recursive: true });
    });

    it("refuses an EVENTS.md without its markers, saying which", function () {
      const root = freshRoot();
      edit(root, EVENTS_DOC_FILE, (t) => t.replace(EVENTS_START, ""));
      expect(() => staleFiles(root, build)).to.throw(EVENTS_START);
      const { status, output } = gate(root);
      expect(status, output).to.equal(1);
      expect(output).to.contain("must hold the markers");
      rmSync(root, { recursive: true });
    });

    it("covers abis.ts, enums.ts and EVENTS.md, not the gitignored deployments module", function () {
      expect(TARGETS.map((t) => t.file)).to.deep.equal([ABIS_FILE, ENUMS_FILE, EVENTS_DOC_FILE]);
    });
  });

  describe("the enums module", function () {
    it("holds every enum of contracts/ with its members in declaration order, as the committed module does", function () {
      const stage = collectEnums(build).find((e) => e.namespace === "EscrowTypes" && e.name === "Stage");
      expect(stage?.members).to.deep.equal(["Research", "Pilot", "Market"]);
      expect(CategoryNames[Category.OtherRelated]).to.equal("OtherRelated");
      expect(EscrowTypes.Category).to.equal(Category);
      expect(SkipReason.ProjectClosed).to.equal(4);
    });

    it("follows a new enum member without any change to the generator; the gate then names enums.ts and EVENTS.md", function () {
      const changed = withExtraMember("EscrowTypes.Category", "Software");
      expect(renderEnums(changed)).to.contain("  Software: 9,\n");
      expect(renderEnums(changed)).to.contain('"EntrustedAbroad", "NonQualifying", "Software"]');
      // Disbursed's category lists the members; the ABIs do not change.
      expect(renderEventTables(changed)).to.contain("8 NonQualifying, 9 Software");
      const root = freshRoot();
      expect(staleFiles(root, changed)).to.deep.equal([ENUMS_FILE, EVENTS_DOC_FILE]);
      rmSync(root, { recursive: true });
    });
  });

  describe("the event tables", function () {
    it("list every event of each documented contract's ABI, with the NatSpec of its interface", function () {
      const tables = renderEventTables(build);
      for (const name of ["RDEscrow", "SupplyChainRegistry", "DisruptionOracle", "ContingencyPool"]) {
        const events = build.artifacts.get(name)!.abi.filter((i) => i.type === "event");
        expect(events.length, name).to.be.greaterThan(0);
        for (const e of events) expect(tables, `${name}.${e.name}`).to.contain(`#### ${e.name}\n`);
      }
      expect(tables).to.contain("Declared in IDisruptionOracle (`contracts/interfaces/IDisruptionOracle.sol`)");
      expect(tables).to.contain("Emitted when a quorum confirms that a supplier is disrupted.");
      expect(tables).to.contain(
        "| `evidenceHash` | `bytes32` |  | The evidence hash of the vote that reached the quorum. |",
      );
      expect(tables).to.contain("| `projectId` | `uint256` | yes | The project funded. |");
    });

    it("refuse an event of ours without a NatSpec @notice, naming it", function () {
      const sources = structuredClone(build.sources);
      const strip = (node: AstNode): boolean => {
        if (node.nodeType === "EventDefinition" && node.name === "TriggersPaused") {
          node.documentation = null;
          return true;
        }
        return (node.nodes ?? []).some(strip);
      };
      expect([...sources.values()].some(strip)).to.equal(true);
      expect(() => renderEventTables(withSources(build, sources))).to.throw("DisruptionOracle.TriggersPaused");
    });
  });
});
