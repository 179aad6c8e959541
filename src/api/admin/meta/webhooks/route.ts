import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../modules/meta"
import type MetaModuleService from "../../../../modules/meta/service"
import type { MetaWebhookEventsResponse } from "../../../../types/http/webhooks"
import { presentWebhookEvent } from "./present-webhook-event"
import type { GetMetaWebhookEventsType } from "./validators"

/** The webhook log: every verified change, newest first, with its payload, status and last error. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaWebhookEventsResponse>) => {
  const service = req.scope.resolve<MetaModuleService>(META_MODULE)
  const { status, object, field, limit, offset } = req.validatedQuery as GetMetaWebhookEventsType
  const filters = {
    ...(status ? { status } : {}),
    ...(object ? { object } : {}),
    ...(field ? { field } : {}),
  }
  const [rows, count] = await service.listAndCountMetaWebhookEvents(filters, {
    order: { created_at: "DESC" },
    skip: offset,
    take: limit,
  })
  const unreadComments = await service.listAndCountMetaComments({ read_at: null }, { take: 1, select: ["id"] })
  res.json({ webhook_events: rows.map(presentWebhookEvent), count, offset, limit, unread_comments: unreadComments[1] })
}
