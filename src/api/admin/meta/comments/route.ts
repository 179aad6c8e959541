import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaCommentsResponse } from "../../../../types/http/webhooks"
import type { GetMetaCommentsType } from "../webhooks/validators"
import { presentComment } from "./present-comment"

/** Comments and mentions on the store's Page and Instagram account, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCommentsResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const { platform, media_id, publication_id, unread, limit, offset } = req.validatedQuery as GetMetaCommentsType
  const [rows, count] = await service.listAndCountMetaComments(
    {
      ...(platform ? { platform } : {}),
      ...(media_id ? { media_id } : {}),
      ...(publication_id ? { publication_id } : {}),
      ...(unread === true ? { read_at: null } : {}),
    },
    { order: { created_time: "DESC" }, skip: offset, take: limit }
  )
  res.json({ comments: rows.map(presentComment), count, offset, limit })
}
