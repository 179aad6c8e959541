import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { CommentPublication } from "../../../../lib/webhooks"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../modules/meta-publishing/service"
import type { MetaCommentsResponse } from "../../../../types/http/webhooks"
import type { GetMetaCommentsType } from "../webhooks/validators"
import { presentComment } from "./present-comment"

/**
 * Comments and mentions on the store's Page and Instagram account, newest first, each with the post it is
 * on (the store's publication when it published it, and the post on Meta); and how many are unread.
 */
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
  const [, unreadCount] = await service.listAndCountMetaComments({ read_at: null }, { select: ["id"], take: 1 })

  const publicationIds = [...new Set(rows.map((row) => row.publication_id).filter((id): id is string => !!id))]
  const publications = publicationIds.length
    ? ((await req.scope
        .resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
        .listMetaPublications(
          { id: publicationIds },
          { select: ["id", "caption", "permalink", "account_id"], take: null }
        )) as unknown as CommentPublication[])
    : []
  const publicationById = new Map(publications.map((p) => [p.id, p]))

  res.json({
    comments: rows.map((row) => presentComment(row, row.publication_id ? (publicationById.get(row.publication_id) ?? null) : null)),
    count,
    offset,
    limit,
    unread_count: unreadCount,
  })
}
