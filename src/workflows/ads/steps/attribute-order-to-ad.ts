import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { orderAdAttribution } from "../../../lib/ads"
import { minorToDecimalString, toMinorUnits, type AmountLike } from "../../../lib/capi"
import { publicationIdFromLanding } from "../../../lib/publishing/publication-link"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"
import { metaService } from "../../../modules/meta/resolve-meta-service"

export type OrderAdAttributionResult =
  | { attributed: false; reason: string }
  | { attributed: true; source: "landing" | "fbclid"; ad_meta_id: string | null; ad_set_meta_id: string | null; campaign_meta_id: string | null }

type OrderRow = { id: string; currency_code: string; total: AmountLike; created_at: Date | string; cart?: { id: string } | null }

const skipped = (reason: string) => new StepResponse<OrderAdAttributionResult, string | null>({ attributed: false, reason }, null)

/**
 * An order placed from a cart whose shopper came from a Meta ad — the cart context's landing URL names the ad
 * (its url_tags), or only a Meta click id from the last 7 days does, the ad unknown — is credited to that ad,
 * once per order. Nothing without the shopper's consent.
 */
export const attributeOrderToAdStep = createStep(
  "attribute-order-to-meta-ad",
  async (input: { order_id: string }, { container }) => {
    const meta = metaService(container)
    if (!meta.featureFlags(await meta.retrieveLiveConnection()).ads.enabled) return skipped("the ads feature is off")
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    // The order's cart and placement time first: most orders come from no ad, and computing an order's
    // total (items, shipping, adjustments, taxes) is the expensive read — only a credited order needs it.
    const { data: heads } = await query.graph({ entity: "order", fields: ["id", "created_at", "cart.id"], filters: { id: input.order_id } })
    const head = heads[0] as Pick<OrderRow, "id" | "created_at" | "cart"> | undefined
    if (!head) return skipped("order not found")
    const [context] = head.cart?.id ? await meta.listMetaCartContexts({ cart_id: head.cart.id }, { take: 1 }) : []
    const placedAt = new Date(head.created_at)
    const credit = orderAdAttribution({
      consent: context?.consent,
      landing_url: context?.landing_url,
      fbc: context?.fbc,
      placed_at: placedAt,
      isPublicationLanding: (url) => publicationIdFromLanding(url) !== null,
    })
    if (!credit) return skipped(context?.consent === false ? "the shopper declined tracking" : "the shopper did not come from a Meta ad")
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "total", "created_at", "cart.id"],
      filters: { id: input.order_id },
    })
    const order = data[0] as OrderRow | undefined
    if (!order) return skipped("order not found")
    const minor = toMinorUnits(order.total, order.currency_code)
    if (minor === null) return skipped("the order has no readable total")
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const saved = await ads.recordAdAttribution({
      order_id: order.id,
      cart_id: order.cart?.id ?? null,
      source: credit.source,
      ad_meta_id: credit.ad_id,
      ad_set_meta_id: credit.ad_set_id,
      campaign_meta_id: credit.campaign_id,
      currency_code: order.currency_code,
      total: minorToDecimalString(minor, order.currency_code),
      placed_at: placedAt,
    })
    if (!saved.created) return skipped("already attributed")
    return new StepResponse<OrderAdAttributionResult, string | null>(
      {
        attributed: true,
        source: credit.source,
        ad_meta_id: saved.ad_meta_id,
        ad_set_meta_id: saved.ad_set_meta_id,
        campaign_meta_id: saved.campaign_meta_id,
      },
      order.id
    )
  },
  async (orderId, { container }) => {
    if (!orderId) return
    const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
    const rows = await ads.listMetaAdAttributions({ order_id: orderId }, { select: ["id"] })
    if (rows.length) await ads.deleteMetaAdAttributions(rows.map((r) => r.id))
  }
)
