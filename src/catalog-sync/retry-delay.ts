/** Backoff for failed catalog calls: 5 s doubling per attempt, capped at 10 minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1))
}
