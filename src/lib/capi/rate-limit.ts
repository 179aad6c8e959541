/**
 * A fixed-window limiter per key (the client IP for POST /store/meta/events): enough to stop a script
 * from filling the outbox, without a shared store. Windows are evicted lazily.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** True when the call is allowed (and counted). */
  take(key: string): boolean {
    const now = this.now()
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.evict(now)
      this.windows.set(key, { start: now, count: 1 })
      return true
    }
    if (window.count >= this.limit) return false
    window.count++
    return true
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
