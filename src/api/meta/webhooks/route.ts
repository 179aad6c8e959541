import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  SIGNATURE_HEADER,
  answerHandshake,
  flattenWebhookEnvelope,
  verifyWebhookSignature,
} from "../../../lib/webhooks"
import { META_MODULE, META_WEBHOOK_EVENTS_RECEIVED } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import type { MetaWebhookDeliveryResponse } from "../../../types/http/callbacks"
import { BodyTooLargeError, readRawBody } from "./read-raw-body"

// Meta calls this endpoint; it carries no Medusa credentials. The verify token (GET) and the
// X-Hub-Signature-256 (POST) are what authenticate it.
export const AUTHENTICATE = false


const SIGNATURE_ERRORS = {
  missing: "X-Hub-Signature-256 header is missing",
  malformed: "X-Hub-Signature-256 header must be sha256=<64 hex characters>",
  mismatch: "X-Hub-Signature-256 does not match the body (signed with another secret, or the body was altered)",
} as const

/** Subscription handshake (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests): echo hub.challenge as plain text, or 403. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const challenge = answerHandshake(req.query as Record<string, unknown>, service.getOptions().webhookVerifyToken)
  if (challenge === null) {
    res.status(403).type("text/plain").send("Forbidden")
    return
  }
  // Settings → Meta shows "Meta verified this URL on …"; a failed write must not fail Meta's handshake.
  try {
    await service.recordWebhookVerification(new Date())
  } catch (error) {
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Meta webhook: the verification succeeded but could not be recorded (${(error as Error).message})`)
  }
  res.status(200).type("text/plain").send(challenge)
}

/**
 * Event notifications (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#event-notifications): the signature is checked over the raw bytes before parsing;
 * each change is written once (by idempotency key) and Meta gets its 200 at once. Processing happens
 * afterwards (subscriber → workflows; the retry job catches anything left behind).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse<MetaWebhookDeliveryResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  let raw: Buffer
  try {
    raw = await readRawBody(req)
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError
    res.status(tooLarge ? 413 : 400).json({ type: "invalid_data", message: (error as Error).message })
    return
  }
  const signature = verifyWebhookSignature(raw, req.headers[SIGNATURE_HEADER], service.getOptions().appSecret)
  if (!signature.ok) {
    res.status(401).json({ type: "unauthorized", message: SIGNATURE_ERRORS[signature.reason] })
    return
  }
  let body: unknown
  try {
    body = JSON.parse(raw.toString("utf8"))
  } catch {
    res.status(400).json({ type: "invalid_data", message: "body is not valid JSON" })
    return
  }
  const envelope = flattenWebhookEnvelope(body)
  if (!envelope.ok) {
    res.status(400).json({ type: "invalid_data", message: envelope.reason })
    return
  }
  const ids = await service.recordWebhookChanges(
    envelope.changes.map((change) => ({
      object: change.object,
      field: change.field,
      entry_id: change.entry_id,
      entry_time: change.entry_time !== null ? new Date(change.entry_time * 1000) : null,
      idempotency_key: change.idempotency_key,
      payload: change.value,
    }))
  )
  res.status(200).json({ received: envelope.changes.length, stored: ids.length })

  if (ids.length) {
    try {
      await req.scope.resolve(Modules.EVENT_BUS).emit({ name: META_WEBHOOK_EVENTS_RECEIVED, data: { ids } })
    } catch (error) {
      // Stored already: the retry job processes what was not handed over here.
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Meta webhook: ${ids.length} change(s) stored but not queued (${(error as Error).message}); the retry job will process them`)
    }
  }
}
