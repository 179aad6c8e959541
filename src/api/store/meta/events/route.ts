import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreMetaEventResponse } from "../../../../types/http/store"
import { mirrorMetaBrowserEventWorkflow } from "../../../../workflows/capi"
import { clientOf } from "../request-context"
import { takeClientEvent } from "./client-limit"
import type { PostStoreMetaEventType } from "../validators"

/** Mirrors a browser Pixel event server-side with the same eventID, so Meta counts it once. */
export const POST = async (req: MedusaRequest<PostStoreMetaEventType>, res: MedusaResponse<StoreMetaEventResponse>) => {
  const body = req.validatedBody
  const { ip, userAgent } = clientOf(req)
  const limit = await takeClientEvent(req.scope, ip)
  if (!limit.allowed) {
    res.setHeader("Retry-After", String(Math.ceil(limit.retryAfterMs / 1000)))
    res.status(429).json({ type: "too_many_requests", message: "Too many events from this client; retry later" })
    return
  }
  const { result } = await mirrorMetaBrowserEventWorkflow(req.scope).run({
    input: {
      event_name: body.event_name,
      event_id: body.event_id,
      event_time_ms: Math.min(body.event_time ?? Date.now(), Date.now()),
      event_source_url: body.event_source_url,
      cart_id: body.cart_id,
      custom_data: body.custom_data,
      browser: { consent: body.consent, fbp: body.fbp, fbc: body.fbc, clientIpAddress: ip, clientUserAgent: userAgent },
    },
  })
  res.status(202).json({ event: { event_id: body.event_id, accepted: result.recorded.ids.length > 0 } })
}
