import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaCapiEventsResponse } from "../../../../types/http/events"
import { readEventContext } from "./event-context"
import { presentMetaEvent } from "./present-event"
import type { GetMetaEventsType } from "./validators"

/** The Conversions API events log, newest first (the match-quality summary is `match-quality/`). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetMetaEventsType>,
  res: MedusaResponse<MetaCapiEventsResponse>
) => {
  const { status, event_name, subject_id, limit, offset } = req.validatedQuery
  const svc = req.scope.resolve<MetaModuleService>(META_MODULE)
  const filters = {
    ...(status ? { status } : {}),
    ...(event_name ? { event_name } : {}),
    ...(subject_id ? { subject_id } : {}),
  }
  const [rows, count] = await svc.listAndCountMetaCapiEvents(filters, { take: limit, skip: offset, order: { created_at: "DESC" } })
  const context = await readEventContext(req.scope, rows)
  res.json({ events: rows.map((row) => presentMetaEvent(row as never, context)), count, offset, limit })
}
