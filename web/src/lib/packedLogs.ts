/**
 * A compact text form of event logs, for handing a long history over in one piece (the history route → the
 * browser): one line per log, fields separated by spaces — address, block number, log index, transaction hash,
 * block timestamp (empty when unknown), data, then the topics. All fields are hex as the node returns them, so
 * none contains a space or a line break; what a log carries besides (block hash, transaction index) is dropped.
 * 10,000 logs are ~4 MB of text (~0.5 MB gzipped) against ~6.4 MB of eth_getLogs JSON, and splitting lines is
 * much cheaper for the browser than parsing that JSON.
 */
import type { RpcLog } from "viem";

/** The fields of a log the dashboard reads, hex as the node returns them (an RpcLog has them all). */
export type LogFields = Pick<
  RpcLog,
  "address" | "topics" | "data" | "blockNumber" | "logIndex" | "transactionHash" | "blockTimestamp"
>;

/** One log as a line; undefined for a log without a position (pending) or with a malformed field. */
export function packLog(log: LogFields): string | undefined {
  if (log.blockNumber === null || log.logIndex === null || log.transactionHash === null) return undefined;
  const fields = [
    log.address,
    log.blockNumber,
    log.logIndex,
    log.transactionHash,
    log.blockTimestamp ?? "",
    log.data,
    ...log.topics,
  ];
  return fields.every((f) => typeof f === "string" && !/[\s]/.test(f)) ? fields.join(" ") : undefined;
}

export const packLogs = (logs: readonly LogFields[]): string[] =>
  logs.map(packLog).filter((line): line is string => line !== undefined);

/** The logs of packed text, oldest first as packed. Yields one object, refilled for every log: copy what you keep. */
export function* unpackLogs(packed: string): Generator<LogFields> {
  if (packed === "") return;
  const log = {} as { -readonly [K in keyof LogFields]: LogFields[K] };
  for (const line of packed.split("\n")) {
    const f = line.split(" ");
    if (f.length < 6) continue;
    log.address = f[0] as LogFields["address"];
    log.blockNumber = f[1] as LogFields["blockNumber"];
    log.logIndex = f[2] as LogFields["logIndex"];
    log.transactionHash = f[3] as LogFields["transactionHash"];
    log.blockTimestamp = (f[4] || undefined) as LogFields["blockTimestamp"];
    log.data = f[5] as LogFields["data"];
    log.topics = f.slice(6) as LogFields["topics"];
    yield log;
  }
}
