import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../../../modules/meta"
import type MetaModuleService from "../../../../../../modules/meta/service"
import type { MetaCapiEventResponse } from "../../../../../../types/http/events"
import { replayMetaCapiEventWorkflow } from "../../../../../../workflows/capi"
import { presentMetaEvent } from "../../present-event"

/** Sends an event again (the only way an event is sent twice); the answer shows the new outcome. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCapiEventResponse>) => {
  await replayMetaCapiEventWorkflow(req.scope).run({ input: { id: req.params.id } })
  const [row] = await req.scope.resolve<MetaModuleService>(META_MODULE).listMetaCapiEvents({ id: req.params.id }, { take: 1 })
  res.json({ event: presentMetaEvent(row as never) })
}
