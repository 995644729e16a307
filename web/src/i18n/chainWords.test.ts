import { test } from "node:test";
import assert from "node:assert/strict";
import { keccak256, toBytes } from "viem";
import { abis } from "@/generated/abis";
import { ENUM_MEMBERS, enumCatalogue, enumWords, eventWords, paramWords, chainWordsIn, type Words } from "./chainWords";
import { eventSignature } from "@/lib/eventSignature";

/** A Latin-letter word (the zh words must have none: no English left in a Chinese table). */
const LATIN = /[A-Za-z]/;
/** Chinese characters (the en words must have none). */
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

function checkWords(where: string, words: Words | undefined, problems: string[]) {
  if (!words) return problems.push(`${where}: no entry`);
  if (!words.en?.trim()) problems.push(`${where}: no English`);
  if (!words.zh?.trim()) problems.push(`${where}: no Chinese`);
  if (LATIN.test(words.zh ?? "")) problems.push(`${where}: Latin letters in the Chinese "${words.zh}"`);
  if (CJK.test(words.en ?? "")) problems.push(`${where}: Chinese in the English "${words.en}"`);
}

test("every event and every parameter of every ABI has words in both languages, Chinese without Latin letters", () => {
  const problems: string[] = [];
  let events = 0;
  for (const [contract, abi] of Object.entries(abis)) {
    for (const item of abi) {
      if (item.type !== "event") continue;
      events++;
      checkWords(`${contract}.${item.name}`, eventWords(contract, item.name), problems);
      for (const input of item.inputs)
        checkWords(`${contract}.${item.name}.${input.name}`, paramWords(contract, item.name, input.name), problems);
    }
  }
  assert.ok(events > 30, `only ${events} events found in the ABIs`);
  assert.deepEqual(problems, []);
});

test("every member of the enums the dashboard shows has words in both languages", () => {
  const problems: string[] = [];
  for (const [name, members] of Object.entries(ENUM_MEMBERS))
    for (const member of members)
      checkWords(`${name}.${member}`, (enumCatalogue as Record<string, Record<string, Words>>)[name][member], problems);
  assert.deepEqual(problems, []);
});

test("log values read as words: enum members by value, parameters by their catalogue format", () => {
  assert.equal(enumWords("Category", 1)?.zh, "直接投入费用");
  assert.equal(enumWords("Category", 1n)?.en, "Direct inputs");
  assert.equal(enumWords("SkipReason", 2)?.en, "The pool's exposure cap was reached");
  assert.equal(enumWords("Category", 9), undefined);
  assert.equal(paramWords("RDEscrow", "Disbursed", "category")?.as, "Category");
  assert.equal(paramWords("ContingencyPool", "FinancingSkipped", "reason")?.as, "SkipReason");
  assert.equal(paramWords("RDEscrow", "Disbursed", "milestoneIndex")?.as, "ordinal");
  const zh = chainWordsIn("zh");
  assert.equal(zh.event("ContingencyPool", "SubstituteFinanced"), "替代供应商融资");
  assert.equal(zh.param("ContingencyPool", "SubstituteFinanced", "disruptedSupplier"), "中断的供应商");
  assert.equal(zh.contract("RDEscrow"), "研发托管");
  // Not catalogued (a log of an ABI this build does not know): its raw name, never an empty cell.
  assert.equal(zh.event("RDEscrow", "SomethingNew"), "SomethingNew");
});

test("the raw signature and topic 0 of an event are what explorers show", () => {
  const s = eventSignature("RDEscrow", "Disbursed");
  assert.equal(
    s?.text,
    "Disbursed(uint256 indexed projectId, address indexed payee, uint256 amount, uint256 indexed milestoneIndex, uint8 category, bytes32 invoiceHash)",
  );
  assert.equal(s?.topic0, keccak256(toBytes("Disbursed(uint256,address,uint256,uint256,uint8,bytes32)")));
  assert.equal(eventSignature("RDEscrow", "Nope"), undefined);
});
