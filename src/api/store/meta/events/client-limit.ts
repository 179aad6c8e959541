import { createHash } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { FixedWindowLimiter, countInWindow, type RateWindow } from "../../../../lib/capi"

/** 60 mirrored events per minute and client IP: a busy shopper sends a handful. */
export const EVENTS_PER_WINDOW = 60
export const EVENT_WINDOW_MS = 60_000

/** Used only when no cache module answers: then each server counts on its own. */
const local = new FixedWindowLimiter(EVENTS_PER_WINDOW, EVENT_WINDOW_MS)

type SharedWindows = {
  get(key: string): Promise<RateWindow | null>
  set(key: string, window: RateWindow, ttlSeconds: number): Promise<void>
}

/**
 * The store's shared cache: Medusa's Caching Module (Redis in production, so every server instance counts
 * against one window), else the Cache Module. Keys carry a hash of the IP, never the IP itself.
 */
function sharedWindows(scope: MedusaContainer): SharedWindows | null {
  const caching = scope.resolve<any>(Modules.CACHING, { allowUnregistered: true })
  if (caching?.get && caching?.set) {
    return {
      get: async (key) => ((await caching.get({ key })) as RateWindow | null) ?? null,
      set: (key, window, ttl) => caching.set({ key, data: window, ttl, tags: [] }),
    }
  }
  const cache = scope.resolve<any>(Modules.CACHE, { allowUnregistered: true })
  if (cache?.get && cache?.set) {
    return { get: (key) => cache.get(key), set: (key, window, ttl) => cache.set(key, window, ttl) }
  }
  return null
}

/**
 * Counts one mirrored event for a client. Read-then-write, not atomic: two servers answering the same
 * client at the same instant may each let one more through — a limit against scripts filling the outbox,
 * not an exact quota. A cache that fails falls back to this process's own count, never to a refusal.
 */
export async function takeClientEvent(scope: MedusaContainer, ip: string | null): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const client = ip ?? "unknown"
  const shared = sharedWindows(scope)
  if (shared) {
    const key = `meta:store-events:${createHash("sha256").update(client).digest("hex").slice(0, 32)}`
    try {
      const now = Date.now()
      const counted = countInWindow(await shared.get(key), now, EVENTS_PER_WINDOW, EVENT_WINDOW_MS)
      if (counted.allowed) await shared.set(key, counted.window, Math.ceil(counted.retryAfterMs / 1000))
      return { allowed: counted.allowed, retryAfterMs: counted.retryAfterMs }
    } catch {
      // the cache is down: count here
    }
  }
  const allowed = local.take(client)
  return { allowed, retryAfterMs: local.retryAfterMs(client) }
}
