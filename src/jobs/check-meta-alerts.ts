import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkMetaAlertsWorkflow } from "../workflows/overview"

/**
 * Development and tests only: META_ALERTS_CHECK_INTERVAL_MS (at least 1000) checks that often instead of every
 * 10 minutes, and claims a round that often (else one round per 5 minutes across processes), so the browser test
 * (`npm run test:browser`) sees an alert reach the bell within seconds. Ignored when NODE_ENV is production.
 */
function devCheckIntervalMs(): number | null {
  if (process.env.NODE_ENV === "production") return null
  const ms = Number(process.env.META_ALERTS_CHECK_INTERVAL_MS)
  return Number.isInteger(ms) && ms >= 1000 ? ms : null
}

const devInterval = devCheckIntervalMs()

/**
 * Every 10 minutes: alerts the admins (Medusa's notification feed, e-mail where configured) about what went
 * wrong with Meta — once per cause. The round is claimed in PostgreSQL, so the job may run on every worker.
 */
export default async function checkMetaAlertsJob(container: MedusaContainer) {
  const { result } = await checkMetaAlertsWorkflow(container).run({ input: devInterval ? { claim_interval_ms: devInterval - 500 } : {} })
  if (result.fired || result.resolved) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`Meta alerts: ${result.fired} new, ${result.resolved} resolved, ${result.sent} notification(s) sent`)
  }
}

export const config = {
  name: "meta-check-alerts",
  schedule: devInterval ? { interval: devInterval } : "*/10 * * * *",
}
