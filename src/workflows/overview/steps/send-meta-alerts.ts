import type { INotificationModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AlertSettings } from "../../../lib/overview/alerts"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_OVERVIEW_MODULE } from "../../../modules/meta-overview"
import type MetaOverviewModuleService from "../../../modules/meta-overview/service"

export type SentAlerts = { sent: number; emailed: number; skipped?: string }

/**
 * Sends the alerts no notification went out for, through Medusa's Notification module: on the "feed" channel
 * to every admin (`to: ""`, as Medusa's own admin notifications do — the dashboard's bell lists them), and by
 * e-mail to the configured recipients when the store has a provider for the "email" channel. The idempotency
 * key is the alert's id, so a retry of this step never sends one twice; an alert is marked sent only after its
 * feed notification was created. Sent notifications cannot be taken back, so there is no compensation.
 * https://docs.medusajs.com/resources/infrastructure-modules/notification
 */
export const sendMetaAlertsStep = createStep("send-meta-alerts", async (input: { settings: AlertSettings | null }, { container }) => {
  if (!input.settings) return new StepResponse<SentAlerts>({ sent: 0, emailed: 0 })
  const overview = container.resolve<MetaOverviewModuleService>(META_OVERVIEW_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const unsent = await overview.listUnsentAlerts()
  if (!unsent.length) return new StepResponse<SentAlerts>({ sent: 0, emailed: 0 })
  if (!container.hasRegistration(Modules.NOTIFICATION)) {
    logger.warn("Meta alerts: the Notification module is not configured, so alerts only show on the Meta overview")
    return new StepResponse<SentAlerts>({ sent: 0, emailed: 0, skipped: "no notification module" })
  }
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const adminUrl = container.resolve<MetaModuleService>(META_MODULE).getOptions().adminUrl
  let sent = 0
  let emailed = 0
  for (const alert of unsent) {
    const data = { title: alert.title, description: alert.description, link: alert.link, url: `${adminUrl}${alert.link}`, kind: alert.kind }
    const base = { template: `meta-alert-${alert.kind}`, data, trigger_type: "meta.alert", resource_id: alert.id, resource_type: "meta_alert" }
    const [feed] = await notifications.createNotifications([{ ...base, to: "", channel: "feed", idempotency_key: `meta-alert:${alert.id}` }])
    await overview.markAlertSent(alert.id, feed.id)
    sent++
    for (const to of input.settings.email_recipients) {
      try {
        await notifications.createNotifications([{ ...base, to, channel: "email", idempotency_key: `meta-alert:${alert.id}:${to}` }])
        emailed++
      } catch (error) {
        logger.warn(`Meta alerts: e-mail to ${to} not sent (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`)
      }
    }
  }
  return new StepResponse<SentAlerts>({ sent, emailed })
})
