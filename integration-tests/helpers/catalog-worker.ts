import type { MedusaContainer } from "@medusajs/framework/types"
import { syncMetaCatalogWorkflow } from "../../src/workflows/catalog"

/**
 * The catalog worker driven by the test (specs set META_CATALOG_WORKER=off): `tick` runs one pass (flush
 * due items, poll handles), forced so no quiet window is waited for; `eventually` ticks until a check
 * passes, since Medusa delivers events asynchronously (no fixed sleeps).
 */
export function catalogWorker(getContainer: () => MedusaContainer) {
  const tick = () => syncMetaCatalogWorkflow(getContainer()).run({ input: { force: true } }).then((r) => r.result)

  async function eventually(check: () => void | Promise<void>, ticks = 40): Promise<void> {
    let last: unknown
    for (let i = 0; i < ticks; i++) {
      await tick()
      try {
        await check()
        return
      } catch (error) {
        last = error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    throw last
  }

  return { tick, eventually }
}
