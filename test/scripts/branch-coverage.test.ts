/**
 * scripts/lib/branch-coverage.ts: which `if` branches count as taken, given the statement hits Hardhat's
 * coverage saved. The hits here are chosen by hand (a tag is "hit" when the test says so), so each rule
 * is checked in both directions: taken and not taken.
 */
import { expect } from "chai";

import { branchesOf, statementTags, type TagHits } from "../../scripts/lib/branch-coverage.js";

const SOURCE_NAME = "project/contracts/Sample.sol";
// The comment holds multi-byte characters (→, 资金) so solc's byte offsets differ from the UTF-16 offsets.
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// Sample → 资金 flows.
contract Sample {
    error Zero();
    uint256 public total;

    function guarded(uint256 x) external {
        if (x == 0) revert Zero();
        total += x;
    }

    function withElse(uint256 x) external {
        if (x > 10) {
            total = 1;
        } else {
            total = 2;
        }
    }

    function fallsThrough(uint256 x) external {
        if (x > 10) {
            total = 3;
        }
        total += 1;
    }

    function bothLeave(uint256 x) external returns (uint256) {
        if (x > 10) {
            if (x > 20) revert Zero();
            else return 1;
        }
        total = x > 5 ? 5 : x;
        return 0;
    }
}
`;

const tags = statementTags(SOURCE_NAME, SOURCE);

/** The tag of the statement that starts at `snippet` (its outermost one). */
function tagAt(snippet: string): string {
  const start = SOURCE.indexOf(snippet);
  expect(start, snippet).to.be.greaterThan(-1);
  const own = tags.filter((t) => t.start === start).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  expect(own, `no statement tag at ${snippet}`).to.not.equal(undefined);
  return own.tag;
}

function hitsOf(entries: [string, number][]): TagHits {
  return new Map(entries.map(([snippet, count]) => [tagAt(snippet), count]));
}

function branch(hits: TagHits, line: number, side: "true" | "false"): boolean {
  const found = branchesOf("contracts/Sample.sol", SOURCE_NAME, SOURCE, hits).branches.find(
    (b) => b.line === line && b.side === side,
  );
  expect(found, `branch ${line} ${side}`).to.not.equal(undefined);
  return found!.hit;
}

const line = (snippet: string) => SOURCE.slice(0, SOURCE.indexOf(snippet)).split("\n").length;

describe("branch coverage from statement hits", function () {
  describe("a guard clause (if … revert, no else)", function () {
    const guard = "if (x == 0) revert Zero();";
    it("counts the true branch when the revert ran", function () {
      const hits = hitsOf([
        [guard, 1],
        ["revert Zero();", 1],
      ]);
      expect(branch(hits, line(guard), "true")).to.equal(true);
      expect(branch(hits, line(guard), "false")).to.equal(false);
    });
    it("counts the false branch when the statement after it ran", function () {
      const hits = hitsOf([
        [guard, 1],
        ["total += x;", 1],
      ]);
      expect(branch(hits, line(guard), "true")).to.equal(false);
      expect(branch(hits, line(guard), "false")).to.equal(true);
    });
  });

  describe("an if with an else", function () {
    const head = "if (x > 10) {\n            total = 1;";
    it("counts each side by its own body", function () {
      expect(branch(hitsOf([["total = 1;", 1]]), line(head), "true")).to.equal(true);
      expect(branch(hitsOf([["total = 1;", 1]]), line(head), "false")).to.equal(false);
      expect(branch(hitsOf([["total = 2;", 1]]), line(head), "false")).to.equal(true);
    });
  });

  describe("an if whose body falls through", function () {
    const head = "if (x > 10) {\n            total = 3;";
    it("counts the false branch only when the if ran more often than its body", function () {
      const once = hitsOf([
        [head, 2],
        ["total = 3;", 2],
        ["total += 1;", 2],
      ]);
      expect(branch(once, line(head), "false")).to.equal(false);
      const more = hitsOf([
        [head, 3],
        ["total = 3;", 2],
        ["total += 1;", 3],
      ]);
      expect(branch(more, line(head), "true")).to.equal(true);
      expect(branch(more, line(head), "false")).to.equal(true);
    });
  });

  describe("a body whose branches all leave", function () {
    const head = "if (x > 10) {\n            if (x > 20)";
    it("treats an inner if/else that reverts or returns as leaving, so the next statement proves false", function () {
      const hits = hitsOf([["total = x > 5 ? 5 : x;", 1]]);
      expect(branch(hits, line(head), "false")).to.equal(true);
      expect(branch(hits, line(head), "true")).to.equal(false);
    });
    it("counts an else-return as the inner if's false branch", function () {
      const hits = hitsOf([["return 1;", 1]]);
      expect(branch(hits, line("if (x > 20)"), "false")).to.equal(true);
      expect(branch(hits, line("if (x > 20)"), "true")).to.equal(false);
      expect(branch(hits, line(head), "true")).to.equal(true);
    });
  });

  describe("what statement tags cannot measure", function () {
    it("lists conditional expressions as unmeasured and finds two branches per if", function () {
      const report = branchesOf("contracts/Sample.sol", SOURCE_NAME, SOURCE, new Map());
      expect(report.unmeasuredConditionals).to.deep.equal([line("total = x > 5 ? 5 : x;")]);
      expect(report.branches).to.have.length(2 * 5);
      expect(report.branches.every((b) => !b.hit)).to.equal(true);
    });
  });
});
