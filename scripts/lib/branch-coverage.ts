/**
 * Branch coverage of Solidity sources, computed from Hardhat 3's statement coverage.
 *
 * Hardhat 3.18 instruments every statement with a hit tag (EDR's `addStatementCoverageInstrumentation`) and
 * saves, per run, how often each tag was hit (coverage/data/<runner>/<uuid>.json), but reports no branches
 * (its lcov has no BRDA records: "currently EDR does not provide branch coverage information"). The tags are
 * deterministic (a hash of source name and position), so this module re-instruments each source to learn
 * which tag covers which source range, parses the source with solc (stopAfter: "parsing") to find every
 * `if`, and decides per `if` whether each of its two branches ran:
 *
 * - true branch: some statement inside `trueBody` was hit;
 * - false branch, with `else`: some statement inside `falseBody` was hit (an `else if` counts when the
 *   inner `if` itself was reached);
 * - false branch, no `else`, and the true body always leaves the block (revert, return, break, continue;
 *   the guard clauses `if (bad) revert Error(...)` that make up most of our branches): a statement in
 *   what follows the `if` in the same block was hit — it can only be reached through the false branch;
 * - otherwise (a body that falls through, or a guard that is the last statement of its block): the `if`
 *   was hit more often than its body. Hit counts are per run and transaction, not per execution, so this
 *   can only under-report (a transaction taking both sides counts once for each); never over-report.
 *
 * Conditional expressions (`c ? a : b`) are not statements and carry no tags, so they cannot be measured
 * this way; they are counted and listed as unmeasured, not silently dropped.
 */
import { addStatementCoverageInstrumentation } from "@nomicfoundation/edr";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type BranchSide = "true" | "false";

export interface Branch {
  /** 1-based line of the `if`. */
  line: number;
  side: BranchSide;
  hit: boolean;
}

export interface FileBranches {
  file: string;
  branches: Branch[];
  /** Lines of conditional expressions (`?:`), which statement tags cannot measure. */
  unmeasuredConditionals: number[];
}

/** Hit counts by tag (lower-case hex, no 0x), summed over runs. */
export type TagHits = Map<string, number>;

interface TaggedRange {
  tag: string;
  start: number;
  end: number;
}

interface AstNode {
  nodeType: string;
  src: string;
  [key: string]: unknown;
}

/** The solc version the sources are instrumented for (the tags depend on the source name, not on it). */
const INSTRUMENTATION_SOLC = "0.8.30";

/**
 * The statement tags EDR puts into `content`, with their UTF-16 ranges (`sourceName` as Hardhat names the
 * file). EDR's ranges include the whitespace and comments before a statement and the line break after it;
 * `start` here skips them, so it is where the statement's first token (and solc's AST node) starts.
 */
export function statementTags(sourceName: string, content: string): TaggedRange[] {
  const { metadata } = addStatementCoverageInstrumentation(content, sourceName, INSTRUMENTATION_SOLC);
  return metadata
    .filter((m) => m.kind === "statement")
    .map((m) => {
      return { tag: Buffer.from(m.tag).toString("hex"), start: skipTrivia(content, m.startUtf16), end: m.endUtf16 };
    });
}

/** The first offset at or after `at` that is neither whitespace nor inside a comment. */
function skipTrivia(content: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < content.length && /\s/.test(content[i])) i++;
    if (content.startsWith("//", i)) {
      const end = content.indexOf("\n", i);
      i = end === -1 ? content.length : end + 1;
    } else if (content.startsWith("/*", i)) {
      const end = content.indexOf("*/", i + 2);
      i = end === -1 ? content.length : end + 2;
    } else {
      return i;
    }
  }
}

/** The solc AST of one source file, without resolving imports. */
export function parseSolidity(sourceName: string, content: string): AstNode {
  const solc = require("solc") as { compile(input: string): string };
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { [sourceName]: { content } },
        settings: { stopAfter: "parsing", outputSelection: { "*": { "": ["ast"] } } },
      }),
    ),
  ) as { sources?: Record<string, { ast: AstNode }>; errors?: { severity: string; formattedMessage: string }[] };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0 || !output.sources?.[sourceName]) {
    throw new Error(`cannot parse ${sourceName}: ${errors.map((e) => e.formattedMessage).join("\n")}`);
  }
  return output.sources[sourceName].ast;
}

/** solc's `src` is in UTF-8 bytes; EDR's ranges are in UTF-16 code units. */
function byteToUtf16Offsets(content: string): (byteOffset: number) => number {
  const table = new Uint32Array(Buffer.byteLength(content, "utf8") + 1);
  let bytes = 0;
  let units = 0;
  for (const char of content) {
    const width = Buffer.byteLength(char, "utf8");
    for (let i = 0; i < width; i++) table[bytes + i] = units;
    bytes += width;
    units += char.length;
  }
  table[bytes] = units;
  return (byteOffset) => table[byteOffset];
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).nodeType === "string";
}

function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const value of Object.values(node)) {
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value)) for (const item of value) if (isNode(item)) out.push(item);
  }
  return out;
}

/** Whether running `node` always leaves the enclosing block (so control never falls through to what follows). */
export function alwaysLeaves(node: AstNode | undefined): boolean {
  if (!node) return false;
  switch (node.nodeType) {
    case "Return":
    case "RevertStatement":
    case "Break":
    case "Continue":
      return true;
    case "Block":
    case "UncheckedBlock": {
      const statements = (node.statements as AstNode[] | undefined) ?? [];
      return alwaysLeaves(statements[statements.length - 1]);
    }
    case "IfStatement":
      return alwaysLeaves(node.trueBody as AstNode) && alwaysLeaves(node.falseBody as AstNode | undefined);
    case "ExpressionStatement": {
      const call = node.expression as AstNode;
      const callee = call?.nodeType === "FunctionCall" ? (call.expression as AstNode) : undefined;
      return callee?.nodeType === "Identifier" && callee.name === "revert";
    }
    default:
      return false;
  }
}

/** Branches of one source, given the statement tags of that source and the hit counts of all tags. */
export function branchesOf(file: string, sourceName: string, content: string, hits: TagHits): FileBranches {
  const tags = statementTags(sourceName, content);
  const ast = parseSolidity(sourceName, content);
  const toUtf16 = byteToUtf16Offsets(content);
  const range = (node: AstNode) => {
    const [start, length] = node.src.split(":").map(Number);
    return { start: toUtf16(start), end: toUtf16(start + length) };
  };
  const lineOf = (node: AstNode) => content.slice(0, range(node).start).split("\n").length;
  const hitsOf = (tag: string) => hits.get(tag) ?? 0;
  // A statement belongs to a node when it starts inside it (solc's ranges stop before a trailing `;`).
  const inside = (t: TaggedRange, r: { start: number; end: number }) => t.start >= r.start && t.start < r.end;
  const anyHitWithin = (node: AstNode) => {
    const r = range(node);
    return tags.some((t) => inside(t, r) && hitsOf(t.tag) > 0);
  };
  /** Hits of the statement tag that starts where `node` starts (the outermost one). */
  const ownHits = (node: AstNode) => {
    const r = range(node);
    const own = tags.filter((t) => t.start === r.start).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    return own === undefined ? 0 : hitsOf(own.tag);
  };
  const maxHitsWithin = (node: AstNode) => {
    const r = range(node);
    return tags.filter((t) => inside(t, r)).reduce((m, t) => Math.max(m, hitsOf(t.tag)), 0);
  };

  const branches: Branch[] = [];
  const unmeasuredConditionals: number[] = [];
  const visit = (node: AstNode, next: AstNode | undefined) => {
    if (node.nodeType === "Conditional") unmeasuredConditionals.push(lineOf(node));
    if (node.nodeType === "IfStatement") {
      const trueBody = node.trueBody as AstNode;
      const falseBody = node.falseBody as AstNode | undefined;
      const line = lineOf(node);
      branches.push({ line, side: "true", hit: anyHitWithin(trueBody) });
      let falseHit: boolean;
      if (falseBody) falseHit = anyHitWithin(falseBody);
      else if (alwaysLeaves(trueBody) && next) falseHit = anyHitWithin(next);
      else falseHit = ownHits(node) > maxHitsWithin(trueBody);
      branches.push({ line, side: "false", hit: falseHit });
    }
    const statements =
      node.nodeType === "Block" || node.nodeType === "UncheckedBlock" ? (node.statements as AstNode[]) : undefined;
    if (statements) {
      statements.forEach((s, i) => visit(s, statements[i + 1]));
      return;
    }
    for (const child of children(node)) visit(child, undefined);
  };
  visit(ast, undefined);
  return { file, branches, unmeasuredConditionals };
}
