import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaLeadsResponse } from "../../../../types/http/webhooks"
import type { GetMetaLeadsType } from "../webhooks/validators"
import { presentLead } from "./present-lead"

/** Leads from Meta lead ads, newest first, each with the Medusa customer it became. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaLeadsResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const { customer_id, form_id, limit, offset } = req.validatedQuery as GetMetaLeadsType
  const [rows, count] = await service.listAndCountMetaLeads(
    { ...(customer_id ? { customer_id } : {}), ...(form_id ? { form_id } : {}) },
    { order: { created_at: "DESC" }, skip: offset, take: limit }
  )
  res.json({ leads: rows.map(presentLead), count, offset, limit })
}
