/**
 * Registers a Ponder handler for every event of every contract the deployment record lists (ponder.config.ts),
 * each one running that event's pure reducer (src/reducers/) through src/apply.ts.
 */
import { ponder } from "ponder:registry";

import { erc20Abi } from "../../web/src/generated/abis";
import { handle, type Store } from "./apply";
import { CONTRACT_ABIS, type ContractName } from "./reducers";
import { decimalsMemo } from "./reducers/green";
import { indexedContracts } from "./deployment";

interface PonderEvent {
  id: string;
  args?: Record<string, unknown>;
  log: { address: `0x${string}`; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}`; from: `0x${string}` };
}

interface ReadClient {
  readContract(request: { address: `0x${string}`; abi: typeof erc20Abi; functionName: "decimals" }): Promise<number>;
}

type On = (
  name: string,
  fn: (input: { event: PonderEvent; context: { db: unknown; client: ReadClient } }) => Promise<void>,
) => void;

// The tokens' decimals (the green report's fen amounts), read once per token at the block of the event that asks.
const tokenDecimals = decimalsMemo();

for (const contract of indexedContracts()) {
  for (const item of CONTRACT_ABIS[contract as ContractName]) {
    if (item.type !== "event") continue;
    (ponder.on as unknown as On)(`${contract}:${item.name}`, async ({ event, context }) => {
      const decimalsOf = (token: `0x${string}`) =>
        tokenDecimals(token, (address) =>
          context.client.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
        );
      await handle(
        context.db as Store,
        contract,
        item.name,
        event.args ?? {},
        {
          id: event.id,
          address: event.log.address,
          blockNumber: event.block.number,
          timestamp: event.block.timestamp,
          transactionHash: event.transaction.hash,
          logIndex: event.log.logIndex,
          from: event.transaction.from,
        },
        decimalsOf,
      );
    });
  }
}
