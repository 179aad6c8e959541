import { model } from "@medusajs/framework/utils"

/**
 * One change of a verified webhook delivery, written before Meta gets its 200 (so nothing is lost) and
 * keyed by its idempotency key (so a redelivery stores nothing new). Processing happens afterwards:
 * received → processing → processed, or failed with the error and the time of the next attempt.
 */
export const MetaWebhookEvent = model
  .define("meta_webhook_event", {
    id: model.id({ prefix: "metawhe" }).primaryKey(),
    object: model.text(),
    field: model.text(),
    entry_id: model.text(),
    entry_time: model.dateTime().nullable(),
    idempotency_key: model.text(),
    /** The change's value as Meta sent it (lead ids, comment text, permission verbs — no tokens). */
    payload: model.json(),
    status: model.enum(["received", "processing", "processed", "failed"]).default("received"),
    /** What processing did, for the log: "customer created", "ignored: …". */
    outcome: model.text().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    processed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"] },
  ])
