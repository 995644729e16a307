/**
 * The firm's create-project form stops at the escrow's milestone limit (RDEscrow.MAX_MILESTONES, read from the
 * chain): the add-row button is disabled there with a message naming the maximum, so the form never sends a
 * project the escrow must refuse. Nothing is sent, so the chain the scenario suite builds on is unchanged.
 */
import { abis } from "../src/generated/abis";
import { accounts, client, deployment } from "./chain";
import { connectAs, expect, test } from "./fixtures";

test("the create-project form adds milestone rows up to the escrow's maximum, and says so", async ({
  page,
  wallet,
}) => {
  const max = await client.readContract({
    abi: abis.RDEscrow,
    address: deployment().RDEscrow,
    functionName: "MAX_MILESTONES",
  });
  const who = await accounts();
  await page.goto("/firm");
  await connectAs(page, wallet, who.photoresistFirm);

  const create = page.getByTestId("create-project");
  const rows = create.getByTestId("create-milestone");
  const add = create.getByTestId("add-milestone");
  const cap = create.getByTestId("milestone-cap");
  await expect(rows).toHaveCount(2); // the form starts with two
  await expect(cap).toHaveCount(0);
  for (let n = 2; n < Number(max); n++) {
    await expect(add).toBeEnabled();
    await add.click();
  }
  await expect(rows).toHaveCount(Number(max));
  await expect(add).toBeDisabled();
  await expect(cap).toHaveText(`A project has at most ${max} milestones (the escrow's limit).`);

  // One row fewer, and rows can be added again.
  await rows.last().getByRole("button", { name: "Remove" }).click();
  await expect(rows).toHaveCount(Number(max) - 1);
  await expect(add).toBeEnabled();
  await expect(cap).toHaveCount(0);
  await add.click();
  await expect(add).toBeDisabled();

  // In Chinese too.
  await page.getByTestId("lang-switch").click();
  await expect(cap).toHaveText(`一个项目最多 ${max} 个里程碑（托管合约的上限）。`);
});
