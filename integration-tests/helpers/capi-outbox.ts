import type { MedusaContainer } from "@medusajs/framework/types"
import flushMetaCapiEventsJob from "../../src/jobs/flush-meta-capi-events"
import { META_MODULE } from "../../src/modules/meta"
import type MetaModuleService from "../../src/modules/meta/service"

/** Makes every pending outbox row due now (as if its lease or backoff had passed), then runs the flush job. */
export async function flushCapiOutboxNow(container: MedusaContainer): Promise<void> {
  const svc = container.resolve<MetaModuleService>(META_MODULE)
  const rows = await svc.listMetaCapiEvents({ status: "pending" }, { take: null })
  if (rows.length) {
    await svc.updateMetaCapiEvents({ selector: { id: rows.map((r) => r.id) }, data: { next_attempt_at: new Date(Date.now() - 1000) } })
  }
  await flushMetaCapiEventsJob(container)
}
