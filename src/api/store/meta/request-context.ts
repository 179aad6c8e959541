import type { MedusaRequest } from "@medusajs/framework/http"

/**
 * The shopper's IP and user agent as Meta wants them (client_ip_address, client_user_agent; never
 * hashed). Behind a proxy the first X-Forwarded-For hop is the browser; Express's `req.ip` honours
 * `trust proxy` when the store sets it.
 */
export function clientOf(req: MedusaRequest): { ip: string | null; userAgent: string | null } {
  const forwarded = req.headers["x-forwarded-for"]
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim()
  const raw = first || req.ip || req.socket?.remoteAddress || null
  const ip = raw?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") ?? null
  const userAgent = req.headers["user-agent"]?.slice(0, 1024) ?? null
  return { ip, userAgent }
}
