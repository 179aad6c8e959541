import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_PUBLISHING_MODULE } from "../../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../../modules/meta-publishing/service"
import type { MetaPublicationResponse, MetaPublicationsResponse } from "../../../../types/http/publishing"
import { createMetaPublicationWorkflow } from "../../../../workflows/publishing"
import { presentPublication } from "./present-publication"
import type { GetMetaPublicationsType, PostMetaPublicationType } from "./validators"

/**
 * Publications for the calendar and the list: filtered by status, account, product and a time range. A
 * month view asks for up to 2,000 at once, so this reads plain rows in one statement (the module's
 * listPublicationRows) instead of hydrating entities.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetMetaPublicationsType>,
  res: MedusaResponse<MetaPublicationsResponse>
) => {
  const { status, account_id, product_id, from, to, limit, offset } = req.validatedQuery
  const service = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const { rows, count } = await service.listPublicationRows({
    status,
    account_id,
    product_id,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
    limit,
    offset,
  })
  res.json({ publications: rows.map(presentPublication), count, offset, limit })
}

/** A draft, or a scheduled publication when `scheduled_at` is given. */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaPublicationType>,
  res: MedusaResponse<MetaPublicationResponse>
) => {
  const { result } = await createMetaPublicationWorkflow(req.scope).run({ input: req.validatedBody })
  const service = req.scope.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const row = await service.retrieveMetaPublication(result.publication.id)
  res.status(201).json({ publication: presentPublication(row as never) })
}
