/**
 * What the code generators read: the Hardhat 3 build of `contracts/` — each artifact's ABI, and the solc
 * output (ASTs and ABIs of every source, OpenZeppelin's included) of the build infos those artifacts point
 * to. Nothing here knows a contract, enum or event by name: the generators are driven by this data alone.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { walkFiles } from "../lib/files.js";

/** An ABI entry, as solc writes it. */
export interface AbiParameter {
  name: string;
  type: string;
  internalType?: string;
  indexed?: boolean;
  components?: AbiParameter[];
}
export interface AbiItem {
  type: string;
  name?: string;
  inputs?: AbiParameter[];
  [key: string]: unknown;
}

/** The parts of a solc AST node the generators read. */
export interface AstNode {
  id: number;
  nodeType: string;
  name?: string;
  canonicalName?: string;
  contractKind?: string;
  linearizedBaseContracts?: number[];
  documentation?: { text: string } | string | null;
  members?: AstNode[];
  nodes?: AstNode[];
  eventSelector?: string;
  parameters?: { parameters: AstNode[] };
  [key: string]: unknown;
}

export interface Artifact {
  contractName: string;
  /** Path in the repository, e.g. `contracts/escrow/RDEscrow.sol`. */
  sourceName: string;
  /** Compiler source name, e.g. `project/contracts/escrow/RDEscrow.sol`. */
  inputSourceName: string;
  buildInfoId: string;
  abi: AbiItem[];
}

export interface CompilerOutput {
  /** Our contracts' artifacts by contract name (artifacts/contracts/**). */
  artifacts: Map<string, Artifact>;
  /** Every compiled source's AST, by compiler source name (`project/contracts/...`, `npm/@openzeppelin/...`). */
  sources: Map<string, AstNode>;
  /** Every compiled contract's ABI, by `<source name>:<contract name>` (OpenZeppelin's interfaces included). */
  abis: Map<string, AbiItem[]>;
  /** Every AST node by id, across all sources (ids are unique within one build). */
  nodes: Map<number, AstNode>;
  /**
   * Every AST node by id, per build info. After an incremental build the artifacts name several build infos,
   * and node ids repeat across them: a contract's references resolve only in its own build's nodes.
   */
  nodesByBuild?: Map<string, Map<number, AstNode>>;
}

interface SolcOutput {
  output: {
    sources: Record<string, { ast: AstNode }>;
    contracts: Record<string, Record<string, { abi: AbiItem[] }>>;
  };
}

/** Prefix of the compiler source names of the files under `contracts/`. */
export const PROJECT_CONTRACTS = "project/contracts/";

/** Reads the build under `artifactsDir`; throws a sentence that says what to run when there is none. */
export function readCompilerOutput(artifactsDir = "artifacts"): CompilerOutput {
  const contractsDir = path.join(artifactsDir, "contracts");
  if (!existsSync(contractsDir)) {
    throw new Error(`No compiled contracts in ${contractsDir}/ — run \`npx hardhat build\` first`);
  }
  const artifacts = new Map<string, Artifact>();
  const buildInfoIds: string[] = [];
  for (const file of walkFiles(contractsDir, (p) => p.endsWith(".json"))) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Artifact>;
    if (parsed.contractName === undefined || parsed.abi === undefined || parsed.buildInfoId === undefined) continue;
    // A test helper never shadows a shipped contract of the same name.
    const isTest = (a: Partial<Artifact>) => a.sourceName?.startsWith("contracts/test/") === true;
    const known = artifacts.get(parsed.contractName);
    if (known === undefined || (isTest(known) && !isTest(parsed)))
      artifacts.set(parsed.contractName, parsed as Artifact);
    if (!buildInfoIds.includes(parsed.buildInfoId)) buildInfoIds.push(parsed.buildInfoId);
  }
  // A source's AST is taken from the build info its own artifacts name; a source without artifacts (a file of
  // free-standing enums, say) from any build info that holds it. Within one build they are all the same text.
  const owner = new Map([...artifacts.values()].map((a) => [a.inputSourceName, a.buildInfoId]));
  const sources = new Map<string, AstNode>();
  const abis = new Map<string, AbiItem[]>();
  const outputs = buildInfoIds.map((id) => {
    const file = path.join(artifactsDir, "build-info", `${id}.output.json`);
    return { id, output: (JSON.parse(readFileSync(file, "utf8")) as SolcOutput).output };
  });
  for (const preferred of [true, false]) {
    for (const { id, output } of outputs) {
      for (const [name, { ast }] of Object.entries(output.sources)) {
        if (sources.has(name) || (preferred && owner.get(name) !== id)) continue;
        sources.set(name, ast);
        for (const [contract, { abi }] of Object.entries(output.contracts[name] ?? {})) {
          abis.set(`${name}:${contract}`, abi);
        }
      }
    }
  }
  const nodesByBuild = new Map(
    outputs.map(({ id, output }) => [
      id,
      indexNodes(new Map(Object.entries(output.sources).map(([n, s]) => [n, s.ast]))),
    ]),
  );
  return { artifacts, sources, abis, nodes: indexNodes(sources), nodesByBuild };
}

/**
 * `build` with its sources replaced by edited copies (tests): the node index is rebuilt from them, and each
 * per-build index gets the edited nodes of the sources it holds (the same source AST: same root id and path), so
 * every lookup sees the edited nodes, after an incremental build (several build infos, AST ids repeating) too.
 */
export function withSources(build: CompilerOutput, sources: Map<string, AstNode>): CompilerOutput {
  const nodesByBuild =
    build.nodesByBuild &&
    new Map(
      [...build.nodesByBuild].map(([id, nodes]) => {
        const edited = new Map(nodes);
        for (const ast of sources.values()) {
          if (nodes.get(ast.id)?.absolutePath === ast.absolutePath) collect(ast, edited);
        }
        return [id, edited] as const;
      }),
    );
  return { ...build, sources, nodes: indexNodes(sources), nodesByBuild };
}

/** Every AST node of `sources` by id. */
export function indexNodes(sources: Map<string, AstNode>): Map<number, AstNode> {
  const nodes = new Map<number, AstNode>();
  for (const ast of sources.values()) collect(ast, nodes);
  return nodes;
}

function collect(node: unknown, into: Map<number, AstNode>): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, into);
  } else if (node !== null && typeof node === "object") {
    const n = node as AstNode;
    if (typeof n.id === "number" && typeof n.nodeType === "string") into.set(n.id, n);
    for (const value of Object.values(n)) if (value !== null && typeof value === "object") collect(value, into);
  }
}

/** The sources under `contracts/`, sorted by path, the test helpers of `contracts/test/` last. */
export function projectSources(build: CompilerOutput): [string, AstNode][] {
  const key = (name: string) => `${name.startsWith(`${PROJECT_CONTRACTS}test/`) ? 1 : 0}${name}`;
  return [...build.sources.entries()]
    .filter(([name]) => name.startsWith(PROJECT_CONTRACTS))
    .sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The ABI of `contract` declared in the source whose compiler name ends with `sourceSuffix`. */
export function abiOf(build: CompilerOutput, sourceSuffix: string, contract: string): AbiItem[] {
  for (const [key, abi] of build.abis) {
    if (key.endsWith(`${sourceSuffix}:${contract}`)) return abi;
  }
  throw new Error(`The build has no ${contract} from …${sourceSuffix} — run \`npx hardhat build\` first`);
}

/** A NatSpec comment split into its tags (`@param` keyed by parameter name). */
export interface NatSpec {
  notice?: string;
  dev?: string;
  params: Map<string, string>;
  inheritdoc?: string;
}

/**
 * Parses the NatSpec of an AST node. solc keeps the comment's text without the comment markers; a line that
 * starts with `@tag` opens a tag, other lines continue the open one. Text before any tag is a `@notice`.
 */
export function natspecOf(node: AstNode): NatSpec {
  const doc = node.documentation;
  const text = typeof doc === "string" ? doc : (doc?.text ?? "");
  const spec: NatSpec = { params: new Map() };
  let tag = "notice";
  let body: string[] = [];
  const flush = () => {
    const joined = body.join(" ").replace(/\s+/g, " ").trim();
    body = [];
    if (joined === "") return;
    if (tag === "param") {
      const [name, ...rest] = joined.split(" ");
      spec.params.set(name, rest.join(" "));
    } else if (tag === "notice" || tag === "dev") {
      spec[tag] = spec[tag] === undefined ? joined : `${spec[tag]} ${joined}`;
    } else if (tag === "inheritdoc") {
      spec.inheritdoc = joined;
    }
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const opened = /^@(\w+)\s*(.*)$/.exec(line);
    if (opened) {
      flush();
      tag = opened[1];
      body.push(opened[2]);
    } else {
      body.push(line);
    }
  }
  flush();
  return spec;
}
