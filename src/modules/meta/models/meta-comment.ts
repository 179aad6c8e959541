import { model } from "@medusajs/framework/utils"

/**
 * A comment on (or mention of) the store's Page or Instagram account. `publication_id` links it to the
 * plugin's publication of that post/media when there is one; comments arriving before that link
 * exists keep `media_id` so they can be linked later.
 */
export const MetaComment = model
  .define("meta_comment", {
    id: model.id({ prefix: "metacmt" }).primaryKey(),
    comment_id: model.text(),
    platform: model.enum(["facebook", "instagram"]),
    kind: model.enum(["comment", "mention"]).default("comment"),
    media_id: model.text().nullable(),
    parent_id: model.text().nullable(),
    publication_id: model.text().nullable(),
    author_id: model.text().nullable(),
    author_name: model.text().nullable(),
    text: model.text().nullable(),
    created_time: model.dateTime().nullable(),
    /** Set when the merchant has seen it in the admin (drives the new-comment badge). */
    read_at: model.dateTime().nullable(),
    /** Set when the merchant hid the comment on Meta from the admin. */
    hidden_at: model.dateTime().nullable(),
    connection_id: model.text().nullable(),
  })
  .indexes([
    { on: ["comment_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["media_id"] },
    { on: ["publication_id"] },
  ])
