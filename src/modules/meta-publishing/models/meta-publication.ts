import { model } from "@medusajs/framework/utils"
import { PUBLICATION_KINDS } from "../../../lib/publishing/kinds"
import { MetaPublicationAttribution } from "./meta-publication-attribution"
import { MetaPublicationInsight } from "./meta-publication-insight"
import { MetaPublishingAccount } from "./meta-publishing-account"

/**
 * One Instagram or Facebook post. Each Meta id is written the moment Meta returns it, and
 * `publish_requested_at` is written before the call that makes the post public: a publication with it
 * set and no `meta_post_id` may already be live, so the publisher looks before it publishes again.
 * Work on it is leased through `claim_token` / `claimed_until`; `revision` grows with every edit, so a
 * worker never publishes what the merchant changed (or cancelled) after it claimed the row.
 * An Instagram container may be made shortly before the due time (`prepared_revision` = the revision it
 * was made from); media_publish still waits for the time, and an edit of the content drops the container.
 */
export const MetaPublication = model
  .define("meta_publication", {
    id: model.id({ prefix: "metapub" }).primaryKey(),
    kind: model.enum(PUBLICATION_KINDS),
    status: model
      .enum(["draft", "scheduled", "publishing", "published", "failed", "cancelled", "missed"])
      .default("draft"),
    caption: model.text().nullable(),
    /** [{ url, alt_text, type, mime, width, height, bytes }] */
    media: model.json(),
    product_ids: model.array().default([]),
    /** Instagram product tags as the merchant placed them: [{ product_id, media_index, x, y }] (Medusa product ids). */
    product_tags: model.json().nullable(),
    link_url: model.text().nullable(),
    first_comment: model.text().nullable(),
    first_comment_id: model.text().nullable(),
    scheduled_at: model.dateTime().nullable(),
    published_at: model.dateTime().nullable(),
    /** Instagram: the container (a carousel's parent) and the carousel's child containers. */
    container_id: model.text().nullable(),
    child_container_ids: model.json().nullable(),
    /** Facebook multi-photo: the unpublished photos the post attaches. */
    photo_ids: model.json().nullable(),
    publish_requested_at: model.dateTime().nullable(),
    meta_post_id: model.text().nullable(),
    permalink: model.text().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    /** { message, hint, code, subcode } */
    last_error: model.json().nullable(),
    /** What the last publish left out without failing, e.g. product tags: [{ field, message, severity }]. */
    publish_warnings: model.json().nullable(),
    revision: model.number().default(0),
    claim_token: model.text().nullable(),
    claimed_until: model.dateTime().nullable(),
    claimed_revision: model.number().nullable(),
    /** The revision whose container was made ahead of the due time (tried once per revision). */
    prepared_revision: model.number().nullable(),
    /** The latest organic figures (Meta's metric name → value) and when they were read. */
    metrics: model.json().nullable(),
    insights_refreshed_at: model.dateTime().nullable(),
    /** Why Meta has no figures for it (yet), in the merchant's words. */
    insights_unavailable_reason: model.text().nullable(),
    account: model.belongsTo(() => MetaPublishingAccount, { mappedBy: "publications" }),
    insights: model.hasMany(() => MetaPublicationInsight, { mappedBy: "publication" }),
    attributions: model.hasMany(() => MetaPublicationAttribution, { mappedBy: "publication" }),
  })
  .indexes([
    { on: ["status", "next_attempt_at"] },
    { on: ["status", "scheduled_at"] },
    { on: ["account_id", "scheduled_at"] },
    { on: ["meta_post_id"] },
    { on: ["status", "published_at"] },
    // The calendar: a publication is in a range when its scheduled or its published time is (a BitmapOr).
    { on: ["scheduled_at"] },
    { on: ["published_at"] },
    { on: ["account_id", "published_at"] },
  ])
