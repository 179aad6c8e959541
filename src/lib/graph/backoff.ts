/** Upper bound for one backoff wait, so a long retry chain never stalls a job for minutes. */
export const MAX_BACKOFF_MS = 30_000

/**
 * Exponential backoff with "equal jitter" (half fixed, half random): waits grow base·2^attempt up to
 * the cap, and concurrent clients that failed together do not retry in lockstep.
 */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt)
  return Math.round(exponential / 2 + random() * (exponential / 2))
}
