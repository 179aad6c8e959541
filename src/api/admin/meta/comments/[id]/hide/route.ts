import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hideMetaCommentWorkflow } from "../../../../../../workflows/comments"
import type { MetaCommentHideResponse } from "../../../../../../types/http/webhooks"
import type { PostMetaCommentHideType } from "../../validators"

/** Hides a comment on Meta (or shows it again with `{ hidden: false }`). */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaCommentHideType>,
  res: MedusaResponse<MetaCommentHideResponse>
) => {
  const { result } = await hideMetaCommentWorkflow(req.scope).run({ input: { id: req.params.id, hidden: req.validatedBody.hidden } })
  res.json({ comment: result })
}
