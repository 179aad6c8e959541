import { model } from "@medusajs/framework/utils"

/**
 * The Conversions API outbox: one row per event, written before anything is sent. (pixel_id, event_name,
 * event_id) is unique, so a re-emitted order.placed finds its row instead of sending a second Purchase.
 * `payload` is the server event exactly as sent: user_data holds hashes and the browser keys only.
 * The table also has `user_data_keys`, a column PostgreSQL generates from `payload` (the user_data keys
 * carrying a value, for the match-quality summary); see migrations/Migration20261203090415.ts — a data
 * model cannot declare a generated column.
 */
export const MetaCapiEvent = model
  .define("meta_capi_event", {
    id: model.id({ prefix: "metaevt" }).primaryKey(),
    pixel_id: model.text(),
    event_name: model.text().searchable(),
    event_id: model.text().searchable(),
    /** What the event is about (the order or customer id), for the admin's order widget. */
    subject_id: model.text().nullable(),
    status: model.enum(["pending", "sent", "failed", "expired"]).default("pending"),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    event_time: model.dateTime(),
    payload: model.json(),
    test_event_code: model.text().nullable(),
    response: model.json().nullable(),
    last_error: model.text().nullable(),
    last_error_code: model.number().nullable(),
    sent_at: model.dateTime().nullable(),
    replayed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["pixel_id", "event_name", "event_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["status", "next_attempt_at"] },
    { on: ["subject_id"] },
    // The overview's counts: events of a status in a period, and failing since a time, from the index alone.
    { on: ["status", "event_time"] },
    { on: ["status", "updated_at"] },
  ])
