import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../../../modules/meta"
import type MetaModuleService from "../../../../../../modules/meta/service"
import type { MetaFeatureNotReadyResponse } from "../../../../../../types/http/connection"
import type { MetaCapiEventResponse } from "../../../../../../types/http/events"
import { replayMetaCapiEventWorkflow } from "../../../../../../workflows/capi"
import { refuseUnlessFeatureReady } from "../../../connection/feature-ready"
import { readEventContext } from "../../event-context"
import { presentMetaEvent } from "../../present-event"

/**
 * Sends an event again (the only way an event is sent twice); the answer shows the new outcome. Refused
 * with 409 while the Conversions API cannot send (not connected, reconnect needed, off, no pixel).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<MetaCapiEventResponse | MetaFeatureNotReadyResponse>
) => {
  if (await refuseUnlessFeatureReady(req.scope, res, "capi")) return
  await replayMetaCapiEventWorkflow(req.scope).run({ input: { id: req.params.id } })
  const [row] = await req.scope.resolve<MetaModuleService>(META_MODULE).listMetaCapiEvents({ id: req.params.id }, { take: 1 })
  res.json({ event: presentMetaEvent(row as never, await readEventContext(req.scope, [row])) })
}
