import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
import type { MetaPublicationKind, MetaPublicationProductTag, MetaPublicationUpdateBody } from "../../../types/http/publishing"
import { linkFor } from "./create-meta-publication"
import { resolveMedia, type ResolvedMedia } from "./resolve-publication-media"
import { publicationIssues } from "./validate-meta-publication"

export type UpdatePublicationInput = MetaPublicationUpdateBody & {
  id: string
  /** "Publish now": due at once and shown as publishing until the publisher is done. */
  publish_now?: boolean
}

const notChangeable = (status: string) =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    status === "published" || status === "cancelled"
      ? `The publication is ${status} and cannot change.`
      : "The publication is being published right now and cannot change any more."
  )

/**
 * An edit or a reschedule (a drag on the calendar is `{ scheduled_at }`): validated as a whole, then
 * applied in one conditional UPDATE that refuses once the publish call went out, so a worker never posts
 * a version the merchant replaced.
 */
export const updateMetaPublicationStep = createStep(
  "update-meta-publication",
  async (input: UpdatePublicationInput, { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const current = await service.retrieveMetaPublication(input.id)
    const media: ResolvedMedia[] = input.media
      ? await Promise.all(input.media.map(async (m, index) => {
          if (!m.url) throw new MedusaError(MedusaError.Types.INVALID_DATA, `media.${index}.url: give the media's URL`)
          return resolveMedia(m.url, m.alt_text ?? null)
        }))
      : ((current.media as unknown as ResolvedMedia[]) ?? []).map((m) => ({ ...m, probe_error: null }))
    const merged = {
      account_id: current.account_id,
      kind: (input.kind ?? current.kind) as MetaPublicationKind,
      caption: input.caption !== undefined ? input.caption : current.caption,
      media,
      first_comment: input.first_comment !== undefined ? input.first_comment : current.first_comment,
      scheduled_at: input.scheduled_at !== undefined ? input.scheduled_at : current.scheduled_at,
      product_ids: input.product_ids ?? (current.product_ids as string[] | null),
      product_tags: input.product_tags ?? (current.product_tags as MetaPublicationProductTag[] | null),
    }
    const errors = (await publicationIssues(service, merged)).filter((i) => i.severity === "error")
    if (errors.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, errors.map((e) => `${e.field}: ${e.message}`).join(" "))

    // Instagram carries the products shown as tags in its container, so they are content there.
    const tagsChanged = merged.kind.startsWith("instagram_") && (input.product_ids !== undefined || input.product_tags !== undefined)
    const contentChanged =
      input.media !== undefined || input.caption !== undefined || input.kind !== undefined || input.first_comment !== undefined || tagsChanged
    const scheduled = merged.scheduled_at ? new Date(merged.scheduled_at) : null
    const changed = await service.changePublication(input.id, {
      status: input.publish_now ? "publishing" : scheduled ? "scheduled" : "draft",
      scheduled_at: scheduled,
      ...(input.caption !== undefined ? { caption: input.caption ?? null } : {}),
      ...(input.media !== undefined ? { media: media.map(({ probe_error: _, duration_error: __, ...m }) => m) } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.first_comment !== undefined ? { first_comment: input.first_comment ?? null } : {}),
      ...(input.product_tags !== undefined ? { product_tags: input.product_tags.length ? input.product_tags : null } : {}),
      ...(input.product_ids !== undefined
        ? { product_ids: input.product_ids, link_url: await linkFor(container, input.id, merged.kind, input.product_ids) }
        : {}),
      contentChanged,
    })
    if (!changed) throw notChangeable(current.status)
    return new StepResponse(changed)
  }
)

/** Cancel: the publication is never published (refused once the publish call went out). */
export const cancelMetaPublicationStep = createStep(
  "cancel-meta-publication",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
    const current = await service.retrieveMetaPublication(input.id)
    const changed = await service.changePublication(input.id, { status: "cancelled", contentChanged: false })
    if (!changed) throw notChangeable(current.status)
    return new StepResponse(changed)
  }
)
