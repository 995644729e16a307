import { test } from "node:test";
import assert from "node:assert/strict";
import { addr, chainEvents } from "@/testing/chainEvents";
import { projectTokens } from "./projectTokens";

const pool = chainEvents({ contract: "ContingencyPool" });
const DCNY = addr(0x70);
const USDX = addr(0x71);

test("the pool's token list: the latest ProjectTokenSet per token, in order of first appearance", () => {
  const list = projectTokens([
    pool("ProjectTokenSet", { token: DCNY, allowed: true }),
    pool("ProjectTokenSet", { token: USDX, allowed: true }),
    pool("ProjectTokenSet", { token: USDX.toUpperCase().replace("0X", "0x"), allowed: false }),
    pool("ProjectTokenSet", { token: addr(0x99), allowed: true }, { contract: "RDEscrow" }),
  ]);
  assert.deepEqual(
    list.map((t) => [t.token.toLowerCase(), t.allowed, t.changes]),
    [
      [DCNY, true, 1],
      [USDX, false, 2],
    ],
  );
  assert.equal(list[1].changedBy.blockNumber, 3n);
});
