/**
 * DemoStablecoin (local deployments only; a production deployment uses an existing stablecoin, which the indexer
 * does not follow): balances from `Transfer`, allowances, the owner.
 */
import { upsert, type Change } from "../changes";
import { lc, ZERO_ADDRESS } from "./common";
import type { Reducers } from "./types";

export const tokenReducers: Reducers["DemoStablecoin"] = {
  Transfer: (args, meta) => {
    const token = lc(meta.address);
    const changes: Change[] = [];
    // Mints come from and burns go to the zero address, which holds nothing.
    if (lc(args.from) !== ZERO_ADDRESS) {
      changes.push(
        upsert("tokenBalance", { token, holder: lc(args.from) }, { add: { balance: -args.value, sent: args.value } }),
      );
    }
    if (lc(args.to) !== ZERO_ADDRESS) {
      changes.push(
        upsert("tokenBalance", { token, holder: lc(args.to) }, { add: { balance: args.value, received: args.value } }),
      );
    }
    return changes;
  },

  Approval: (args, meta) => [
    upsert(
      "allowance",
      { token: lc(meta.address), owner: lc(args.owner), spender: lc(args.spender) },
      { set: { value: args.value } },
    ),
  ],

  OwnershipTransferred: (args, meta) => [
    upsert(
      "contractOwner",
      { contract: lc(meta.address) },
      { set: { owner: lc(args.newOwner), updatedAt: meta.timestamp } },
    ),
  ],

  EIP712DomainChanged: () => [],
};
