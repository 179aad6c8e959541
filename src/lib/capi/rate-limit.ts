/** A client's fixed window: when it started (ms since the epoch) and the calls counted in it. */
export type RateWindow = { start: number; count: number }

/**
 * One call counted against a fixed window: whether it passes, the window to keep (a new one once the old
 * has run out; a refused call is not counted) and how long until it resets (for Retry-After). The same
 * arithmetic serves a process's own map and a window shared by every server through Medusa's cache.
 */
export function countInWindow(
  window: RateWindow | null | undefined,
  now: number,
  limit: number,
  windowMs: number
): { allowed: boolean; window: RateWindow; retryAfterMs: number } {
  const valid = window && Number.isFinite(window.start) && Number.isFinite(window.count) && window.start <= now && now - window.start < windowMs
  const current = valid ? window : { start: now, count: 0 }
  const retryAfterMs = Math.max(0, windowMs - (now - current.start))
  if (current.count >= limit) return { allowed: false, window: current, retryAfterMs }
  return { allowed: true, window: { start: current.start, count: current.count + 1 }, retryAfterMs }
}

/**
 * A fixed-window limiter per key in this process's memory: the fallback when no shared cache is
 * reachable. Windows are evicted lazily.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, RateWindow>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** True when the call is allowed (and counted). */
  take(key: string): boolean {
    const now = this.now()
    if (this.windows.size > 10_000 && !this.windows.has(key)) this.evict(now)
    const counted = countInWindow(this.windows.get(key), now, this.limit, this.windowMs)
    this.windows.set(key, counted.window)
    return counted.allowed
  }

  /** Milliseconds until the key's window resets (for Retry-After). */
  retryAfterMs(key: string): number {
    const window = this.windows.get(key)
    return window ? Math.max(0, this.windowMs - (this.now() - window.start)) : 0
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key)
  }
}

/** IPv4 with the last octet zeroed, IPv6 cut to its /48: enough for an admin to read, not to identify. */
export function maskIpAddress(ip: string | null | undefined): string | null {
  if (!ip) return null
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip.replace(/\.\d{1,3}$/, ".0")
  if (ip.includes(":")) return `${ip.split(":").slice(0, 3).join(":")}::`
  return null
}
