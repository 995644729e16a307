/** Retrying of JSON-RPC calls that failed for transient reasons (node restarting, dropped connection). */

const TRANSIENT_CODES = new Set([
  "NETWORK_ERROR",
  "TIMEOUT",
  "SERVER_ERROR",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
]);
const TRANSIENT_MESSAGE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|fetch failed|timeout|network error/i;

/** Whether `error` is worth retrying: a transport failure, never a revert or a bad argument. */
export function isTransientError(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const record = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (record.code === "CALL_EXCEPTION" || record.code === "INVALID_ARGUMENT") return false;
  if (typeof record.code === "string" && TRANSIENT_CODES.has(record.code)) return true;
  if (typeof record.message === "string" && TRANSIENT_MESSAGE.test(record.message)) return true;
  return record.cause !== undefined && isTransientError(record.cause);
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  onRetry?: (attempt: number, error: unknown) => void;
}

/** Runs `task`, retrying transient failures with exponential back-off; other errors are thrown at once. */
export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !isTransientError(error)) throw error;
      options.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
