import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ALERT_KINDS, resolveAlertSettings } from "../../../../../lib/overview/alerts"
import { META_OVERVIEW_MODULE } from "../../../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../../../modules/meta-overview/service"
import type { MetaAlertSettingsResponse } from "../../../../../types/http/overview"
import type { PostMetaAlertSettingsType } from "../../overview/validators"

/** GET /admin/meta/alerts/settings: each alert kind's switch and threshold (defaults where none was saved). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<MetaAlertSettingsResponse>) => {
  const { settings } = await req.scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE).readAlertSettings()
  res.json({ settings: resolveAlertSettings(settings) })
}

/** POST /admin/meta/alerts/settings: changes the kinds and fields given; the rest stays as it was. */
export const POST = async (req: AuthenticatedMedusaRequest<PostMetaAlertSettingsType>, res: MedusaResponse<MetaAlertSettingsResponse>) => {
  const service = req.scope.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const current = resolveAlertSettings((await service.readAlertSettings()).settings) as Record<string, any>
  const body = req.validatedBody as Record<string, any>
  for (const kind of ALERT_KINDS) {
    if (body[kind]) current[kind] = { ...current[kind], ...body[kind] }
  }
  if (body.email_recipients) current.email_recipients = body.email_recipients
  await service.saveAlertSettings(current)
  res.json({ settings: resolveAlertSettings(current) })
}
