import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { META_MODULE } from "../../../../../modules/meta"
import type MetaModuleService from "../../../../../modules/meta/service"
import type { MetaCapiSettings, MetaCapiSettingsResponse } from "../../../../../types/http/events"
import type { PostMetaEventSettingsType } from "../validators"

async function view(svc: MetaModuleService): Promise<MetaCapiSettings> {
  const [setting] = await svc.listMetaCapiSettings({}, { take: 1 })
  const option = svc.getOptions().capi.testEventCode ?? null
  const admin = setting?.test_event_code ?? null
  return { test_event_code: admin ?? option, source: admin ? "admin" : option ? "options" : null }
}

/** The test event code in force (events then reach Events Manager → Test Events only). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaCapiSettingsResponse>) => {
  res.json({ settings: await view(req.scope.resolve<MetaModuleService>(META_MODULE)) })
}

/** Sets the admin's test event code (null removes it; the `capi.testEventCode` option then applies). */
export const POST = async (
  req: AuthenticatedMedusaRequest<PostMetaEventSettingsType>,
  res: MedusaResponse<MetaCapiSettingsResponse>
) => {
  const svc = req.scope.resolve<MetaModuleService>(META_MODULE)
  const [setting] = await svc.listMetaCapiSettings({}, { take: 1 })
  const test_event_code = req.validatedBody.test_event_code
  if (setting) await svc.updateMetaCapiSettings({ id: setting.id, test_event_code })
  else await svc.createMetaCapiSettings({ test_event_code })
  res.json({ settings: await view(svc) })
}
