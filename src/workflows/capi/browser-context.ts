import type { BrowserContext } from "../../lib/capi"

export type CartContextRow = {
  fbp?: string | null
  fbc?: string | null
  client_ip_address?: string | null
  client_user_agent?: string | null
  event_source_url?: string | null
}

export function browserContextOf(row: CartContextRow | undefined | null): BrowserContext | undefined {
  if (!row) return undefined
  return {
    fbp: row.fbp,
    fbc: row.fbc,
    clientIpAddress: row.client_ip_address,
    clientUserAgent: row.client_user_agent,
    eventSourceUrl: row.event_source_url,
  }
}
