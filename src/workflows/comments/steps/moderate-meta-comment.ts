import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { GraphError } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"

type CommentRow = { id: string; comment_id: string; platform: "facebook" | "instagram"; media_id: string | null }

/**
 * The Page token that moderates a comment: Facebook post ids read "<page-id>_<post-id>"; an Instagram
 * comment is moderated with the token of the Page linked to the Instagram account.
 */
async function moderatorToken(meta: MetaModuleService, comment: CommentRow): Promise<string> {
  if (!(await meta.getConnectionToken())) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Meta is not connected or needs a reconnect (Settings → Meta).")
  }
  let pageId: string | undefined
  if (comment.platform === "facebook") pageId = comment.media_id?.split("_")[0]
  else {
    const [ig] = await meta.listMetaAssets({ type: "instagram_account" }, { take: 1 })
    pageId = ig?.parent_meta_id ?? undefined
  }
  let token = pageId ? (await meta.getPageTokens([pageId])).get(pageId) : undefined
  if (!token && comment.platform === "instagram") {
    // An Instagram account discovered without its Page link: the connection's first Page moderates, as before.
    const pages = await meta.listMetaAssets({ type: "page" }, { take: null })
    token = (await meta.getPageTokens(pages.map((p) => p.meta_id))).get(pages[0]?.meta_id ?? "")
  }
  if (!token) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Page this comment belongs to is not part of the connection any more.")
  }
  return token
}

async function loadComment(container: MedusaContainer, id: string) {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const comment = (await meta.retrieveMetaComment(id)) as unknown as CommentRow
  return { meta, comment, token: await moderatorToken(meta, comment) }
}

function readable(error: unknown): never {
  if (error instanceof GraphError) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Meta refused: ${error.userMessage ?? error.message}`)
  }
  throw error
}

/**
 * A reply from the store, kept beside the comment it answers. Instagram: POST /{ig-comment-id}/replies
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies);
 * Facebook: POST /{comment-id}/comments (https://developers.facebook.com/docs/graph-api/reference/object/comments).
 */
export const replyToMetaCommentStep = createStep(
  "reply-to-meta-comment",
  async (input: { id: string; message: string }, { container }) => {
    const { meta, comment, token } = await loadComment(container, input.id)
    const edge = comment.platform === "instagram" ? "replies" : "comments"
    const reply = await meta
      .getGraphClient()
      .post<{ id: string }>(`${comment.comment_id}/${edge}`, { token, body: { message: input.message }, retry: false })
      .catch(readable)
    const stored = await meta.createMetaComments({
      comment_id: reply.id,
      platform: comment.platform,
      kind: "comment",
      media_id: comment.media_id,
      parent_id: comment.comment_id,
      publication_id: (comment as unknown as { publication_id: string | null }).publication_id ?? null,
      author_name: "You (the store)",
      text: input.message,
      created_time: new Date(),
      read_at: new Date(),
    })
    await meta.updateMetaComments({ id: comment.id, read_at: new Date() })
    return new StepResponse({ reply_id: reply.id, comment_id: stored.id })
  }
)

/**
 * Hides (or shows again) a comment on the store's post. Instagram: POST /{ig-comment-id}?hide=true
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment);
 * Facebook: POST /{comment-id}?is_hidden=true (https://developers.facebook.com/docs/graph-api/reference/comment).
 */
export const hideMetaCommentStep = createStep(
  "hide-meta-comment",
  async (input: { id: string; hidden: boolean }, { container }) => {
    const { meta, comment, token } = await loadComment(container, input.id)
    const body = comment.platform === "instagram" ? { hide: input.hidden } : { is_hidden: input.hidden }
    await meta.getGraphClient().post(comment.comment_id, { token, body, retry: false }).catch(readable)
    await meta.updateMetaComments({ id: comment.id, hidden_at: input.hidden ? new Date() : null, read_at: new Date() })
    return new StepResponse({ id: comment.id, hidden: input.hidden })
  }
)
