import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarizeMatchQualityGroups } from "../../../../../lib/capi"
import { META_MODULE } from "../../../../../modules/meta"
import type MetaModuleService from "../../../../../modules/meta/service"
import type { MetaCapiMatchQualityResponse } from "../../../../../types/http/events"
import type { GetMetaEventsMatchQualityType } from "../validators"

/**
 * How well Meta can match the events the log's filters select, over all of them (not one page): the
 * share carrying each key and the ratings. The database counts events per set of user_data keys.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetMetaEventsMatchQualityType>,
  res: MedusaResponse<MetaCapiMatchQualityResponse>
) => {
  const { status, event_name, subject_id } = req.validatedQuery
  const groups = await req.scope
    .resolve<MetaModuleService>(META_MODULE)
    .countCapiEventsByUserDataKeys({ status, event_name, subject_id })
  res.json({ match_quality: summarizeMatchQualityGroups(groups) })
}
