import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { afterShopperResponse } from "../lib/after-shopper-response"
import { coalesce } from "../lib/coalesce"
import { markMetaCatalogItemsDirtyWorkflow } from "../workflows/catalog"
import type { CatalogChange } from "../catalog-sync/mark-changes-dirty"

const KIND_BY_EVENT: Record<string, CatalogChange["kind"]> = {
  "product.created": "products",
  "product.updated": "products",
  "product.deleted": "products",
  "product-variant.created": "variants",
  "product-variant.updated": "variants",
  "product-variant.deleted": "variants",
  // Renaming an option or a value emits no product or variant event (Medusa 2.21 product-option routes).
  "product-option.updated": "product_options",
  "product-option-value.updated": "product_option_values",
  "product-option-value.deleted": "product_option_values",
  "inventory-level.created": "inventory_levels",
  "inventory-level.updated": "inventory_levels",
  "inventory-level.deleted": "inventory_levels",
  "inventory-item.updated": "inventory_items",
  // Reserved stock is not for sale. Medusa emits these for every reservation an order flow makes, moves
  // or frees (cart completion, cancel, edits, claims, exchanges, fulfillments) and for the admin's own
  // reservations, so order.placed / order.canceled are not needed on top.
  "reservation-item.created": "reservations",
  "reservation-item.updated": "reservations",
  "reservation-item.deleted": "reservations",
}

type MarkDirty = (ids: string[]) => Promise<void>

/**
 * On the local event bus, reservations are marked after the shopper's checkout answer has gone out, and
 * the one event per reservation that an order emits is gathered into a single workflow run (an order of
 * five lines: one run, not five). On a queued bus (Redis) the subscriber runs on a worker and marks at
 * once. One gatherer per container.
 */
const reservationMarkers = new WeakMap<MedusaContainer, MarkDirty>()

function markReservationsDirty(container: MedusaContainer): MarkDirty {
  let mark = reservationMarkers.get(container)
  if (!mark) {
    const eventBus = container.resolve(Modules.EVENT_BUS)
    mark = coalesce<string>(() => afterShopperResponse(eventBus), async (ids) => {
      await markMetaCatalogItemsDirtyWorkflow(container).run({ input: { kind: "reservations", ids } })
    })
    reservationMarkers.set(container, mark)
  }
  return mark
}

/** Thin: only marks the affected variants dirty; the catalog worker does the sending. */
export default async function metaCatalogChanges({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const kind = KIND_BY_EVENT[event.name]
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d?.id).filter((id): id is string => !!id)
  if (!kind || !ids.length) return
  if (kind === "reservations") return markReservationsDirty(container)(ids)
  await markMetaCatalogItemsDirtyWorkflow(container).run({ input: { kind, ids } })
}

export const config: SubscriberConfig = {
  event: Object.keys(KIND_BY_EVENT),
  context: { subscriberId: "meta-catalog-changes" },
}
