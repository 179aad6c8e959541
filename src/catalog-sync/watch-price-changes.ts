import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readPriceChangesSince } from "../medusa-tables"
import { metaService } from "../modules/meta/resolve-meta-service"
import { knexSqlExecutor } from "../modules/meta/sql-executor"

/**
 * Medusa 2.21 emits no event when a price or a price list changes (prices edited through price lists,
 * imports or the pricing module directly), and core-flows offers no workflow hook on the price-list
 * workflows. So the catalog worker reads every price and price list changed since a watermark, maps them
 * to variants through the variant ↔ price set link and marks those dirty. Run every few seconds, this
 * keeps price edits well within the one-minute promise.
 */
export async function watchPriceChanges(container: MedusaContainer): Promise<{ variants: number }> {
  const service = metaService(container)
  const position = await service.readPriceWatermark()
  // First run: a full sync sends everything anyway; from now on only changes matter.
  if (position === null) return { variants: 0 }
  const changes = await readPriceChangesSince(knexSqlExecutor(container.resolve(ContainerRegistrationKeys.PG_CONNECTION)), position)
  const variants = await service.markCatalogItemsDirty(changes.variants)
  // The newest change seen (not "now"): a change committed while we read is picked up next time. Moved
  // only after the variants are dirty, so a crash in between marks them again rather than losing them.
  if (changes.newest) await service.advancePriceWatermark(changes.newest)
  return { variants }
}
