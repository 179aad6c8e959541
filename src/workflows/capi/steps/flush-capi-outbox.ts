import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { claimDueRows, deliverRows, type FlushReport } from "../outbox"

/** One flush claims at most this many rows per round (10 requests of 1,000), keeping memory bounded. */
export const FLUSH_ROUND_SIZE = 10_000

/** Delivers every due pending row, round after round, until none is due or Meta asks us to wait. */
export const flushCapiOutboxStep = createStep(
  "flush-meta-capi-outbox",
  async (input: { max_rounds?: number }, { container }) => {
    const total: FlushReport = { selected: 0, sent: 0, failed: 0, expired: 0, retry: 0, calls: 0 }
    for (let round = 0; round < (input.max_rounds ?? 20); round++) {
      const rows = await claimDueRows(container, FLUSH_ROUND_SIZE)
      if (!rows.length) break
      const report = await deliverRows(container, rows)
      for (const key of Object.keys(total) as Array<keyof FlushReport>) total[key] += report[key]
      if (report.retry > 0) break
    }
    return new StepResponse(total)
  }
)
