import { model } from "@medusajs/framework/utils"

/**
 * One alert sent to the admins: the cause it is about (`cause_key`, e.g. "token:<connection>:token:<expiry>"),
 * what the notification said, and whether the cause still holds. At most one active alert per cause (the
 * unique index), so a cause alerts once however many evaluations see it; once resolved, the same cause may
 * alert again if it comes back.
 */
export const MetaAlert = model
  .define("meta_alert", {
    id: model.id({ prefix: "metaalert" }).primaryKey(),
    kind: model.text(),
    cause_key: model.text(),
    status: model.enum(["active", "resolved"]).default("active"),
    title: model.text(),
    description: model.text(),
    /** Admin path of the screen that explains it. */
    link: model.text(),
    numbers: model.json().nullable(),
    fired_at: model.dateTime(),
    resolved_at: model.dateTime().nullable(),
    /** The feed notification that carried it (Medusa's notification module); null until it is sent. */
    notification_id: model.text().nullable(),
  })
  .indexes([
    { on: ["cause_key"], unique: true, where: "deleted_at IS NULL AND status = 'active'" },
    { on: ["status", "fired_at"], where: "deleted_at IS NULL" },
  ])
