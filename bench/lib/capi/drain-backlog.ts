/**
 * `medusa exec` script for bench/capi.bench.ts: queues $BENCH_BACKLOG pending Purchase events for pixel
 * 60001 straight into the outbox (as an outage would leave them), then times the flush workflow until
 * nothing is due, and writes the figures as JSON to $BENCH_DRAIN_OUT.
 */
import { writeFileSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { buildPurchaseEvent } from "../../../src/lib/capi"
import { META_MODULE } from "../../../src/modules/meta"
import type MetaModuleService from "../../../src/modules/meta/service"
import { flushMetaCapiEventsWorkflow } from "../../../src/workflows/capi"

const CHUNK = 5000

export default async function drainBacklog({ container }: ExecArgs) {
  const total = Number(process.env.BENCH_BACKLOG ?? 100_000)
  const svc = container.resolve<MetaModuleService>(META_MODULE)
  const createdAt = new Date(Date.now() - 60 * 60 * 1000)
  const due = new Date(Date.now() - 1000)
  const insertStarted = performance.now()
  for (let start = 0; start < total; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, total - start) }, (_, k) => {
      const id = `order_backlog_${String(start + k).padStart(6, "0")}`
      const payload = buildPurchaseEvent(
        {
          id,
          created_at: createdAt,
          currency_code: "eur",
          total: 44.8,
          email: `shopper${start + k}@example.com`,
          shipping_address: { first_name: "Zoë", last_name: "D'Arcy", phone: "0221 123456", city: "Köln", postal_code: "50667", country_code: "de" },
          items: [{ quantity: 2, unit_price: 19.95, variant_sku: "TSHIRT-M" }],
        },
        { eventSourceUrl: "https://shop.example.com/checkout", clientIpAddress: "203.0.113.42", clientUserAgent: "Mozilla/5.0 bench" }
      )
      return {
        pixel_id: "60001",
        event_name: "Purchase",
        event_id: id,
        subject_id: id,
        status: "pending" as const,
        attempts: 0,
        next_attempt_at: due,
        event_time: createdAt,
        payload: payload as unknown as Record<string, unknown>,
      }
    })
    await svc.createMetaCapiEvents(rows)
  }
  const insertMs = performance.now() - insertStarted

  const started = performance.now()
  const runs: unknown[] = []
  for (let run = 0; run < 5; run++) {
    const { result } = await flushMetaCapiEventsWorkflow(container).run({ input: {} })
    runs.push(result)
    if (!result.selected) break
  }
  const drainMs = performance.now() - started
  const [, sent] = await svc.listAndCountMetaCapiEvents({ status: "sent", event_name: "Purchase", pixel_id: "60001" }, { take: 1 })
  const [, pending] = await svc.listAndCountMetaCapiEvents({ status: "pending" }, { take: 1 })
  writeFileSync(process.env.BENCH_DRAIN_OUT!, JSON.stringify({ insertMs, drainMs, runs, sent, pending }))
}
