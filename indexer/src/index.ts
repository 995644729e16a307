/**
 * Registers a Ponder handler for every event of every contract the deployment record lists (ponder.config.ts),
 * each one running that event's pure reducer (src/reducers/) through src/apply.ts.
 */
import { ponder } from "ponder:registry";

import { handle, type Store } from "./apply";
import { CONTRACT_ABIS, type ContractName } from "./reducers";
import { indexedContracts } from "./deployment";

interface PonderEvent {
  id: string;
  args?: Record<string, unknown>;
  log: { address: `0x${string}`; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}`; from: `0x${string}` };
}

type On = (name: string, fn: (input: { event: PonderEvent; context: { db: unknown } }) => Promise<void>) => void;

for (const contract of indexedContracts()) {
  for (const item of CONTRACT_ABIS[contract as ContractName]) {
    if (item.type !== "event") continue;
    (ponder.on as unknown as On)(`${contract}:${item.name}`, async ({ event, context }) => {
      await handle(context.db as Store, contract, item.name, event.args ?? {}, {
        id: event.id,
        address: event.log.address,
        blockNumber: event.block.number,
        timestamp: event.block.timestamp,
        transactionHash: event.transaction.hash,
        logIndex: event.log.logIndex,
        from: event.transaction.from,
      });
    });
  }
}
