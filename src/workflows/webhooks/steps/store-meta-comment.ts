import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { CommentNotice } from "../../../lib/webhooks"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"

type Undo = {
  restore?: string | null
  created?: string
  previous?: { id: string; text: string | null; author_name: string | null }
}

export type StoreMetaCommentInput = Omit<CommentNotice, "created_at"> & { created_at: string | null }

/**
 * Keeps a comment or mention (one row per Meta comment id): `add`/`edited` write it, `remove` deletes it.
 * It is linked to a publication by its post/media id once the plugin has published that post.
 */
export const storeMetaCommentStep = createStep(
  "store-meta-comment",
  async (notice: StoreMetaCommentInput, { container }) => {
    const service = metaService(container)
    const connection = await service.retrieveLiveConnection()
    const [existing] = await service.listMetaComments({ comment_id: notice.comment_id })
    if (notice.verb === "remove") {
      if (existing) await service.softDeleteMetaComments([existing.id])
      const undo: Undo = { restore: existing?.id ?? null }
      return new StepResponse({ id: existing?.id ?? null, outcome: "comment removed" }, undo)
    }
    // A comment on a post the plugin published belongs to that publication (the inbox shows it there).
    const [publication] = notice.media_id
      ? await container
          .resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
          .listMetaPublications({ meta_post_id: notice.media_id }, { select: ["id"], take: 1 })
      : []
    const fields = {
      publication_id: publication?.id ?? null,
      comment_id: notice.comment_id,
      platform: notice.platform,
      kind: notice.kind,
      media_id: notice.media_id,
      parent_id: notice.parent_id,
      author_id: notice.author_id,
      author_name: notice.author_name,
      text: notice.text,
      created_time: notice.created_at ? new Date(notice.created_at) : null,
      connection_id: connection?.id ?? null,
    }
    if (existing) {
      await service.updateMetaComments({ id: existing.id, ...fields })
      const undo: Undo = { previous: existing }
      return new StepResponse({ id: existing.id as string | null, outcome: `${notice.kind} updated` }, undo)
    }
    const created = await service.createMetaComments(fields)
    const undo: Undo = { created: created.id }
    return new StepResponse({ id: created.id as string | null, outcome: `${notice.kind} stored` }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const service = metaService(container)
    if (undo.restore) await service.restoreMetaComments([undo.restore])
    if (undo.created) await service.deleteMetaComments([undo.created])
    if (undo.previous) {
      const { id, text, author_name } = undo.previous
      await service.updateMetaComments({ id, text, author_name })
    }
  }
)
