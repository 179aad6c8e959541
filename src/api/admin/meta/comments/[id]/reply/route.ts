import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replyToMetaCommentWorkflow } from "../../../../../../workflows/comments"
import type { MetaCommentReplyResponse } from "../../../../../../types/http/webhooks"
import type { PostMetaCommentReplyType } from "../../validators"

/** Replies to a comment on the store's post as the store. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaCommentReplyType>,
  res: MedusaResponse<MetaCommentReplyResponse>
) => {
  const { result } = await replyToMetaCommentWorkflow(req.scope).run({ input: { id: req.params.id, message: req.validatedBody.message } })
  res.status(201).json({ reply: { id: result.comment_id, meta_id: result.reply_id } })
}
