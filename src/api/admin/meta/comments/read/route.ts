import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../../modules/meta"
import type MetaModuleService from "../../../../../modules/meta/service"
import type { MetaCommentsReadResponse } from "../../../../../types/http/webhooks"
import type { PostMetaCommentsReadType } from "../../webhooks/validators"

/** Marks comments as seen (all unread ones when no ids are given): clears the new-comment badge. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaCommentsReadType>,
  res: MedusaResponse<MetaCommentsReadResponse>
) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const unread = await service.listMetaComments(
    { read_at: null, ...(req.validatedBody.ids ? { id: req.validatedBody.ids } : {}) },
    { select: ["id"], take: null }
  )
  if (unread.length) {
    const now = new Date()
    await service.updateMetaComments(unread.map((c) => ({ id: c.id, read_at: now })))
  }
  res.json({ marked_read: unread.length })
}
