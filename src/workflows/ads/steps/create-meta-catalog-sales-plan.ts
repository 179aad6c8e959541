import { randomUUID } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AD_URL_TAGS } from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import {
  checkedBudget,
  liveAdAccount,
  NO_SPECIAL_AD_CATEGORIES,
  PAUSED,
  readAdAccountBudgets,
  requestFingerprint,
  shortName,
  type MetaAdCreationPlan,
} from "../meta-ad-creation-plan"

export type CreateMetaCatalogSalesInput = {
  /** The plugin's product set (metaps_…, from the catalog sync) or its id at Meta. */
  product_set_id: string
  /** Decimal in the ad account currency's main unit: the campaign's daily budget. */
  daily_budget: string | number
  countries: string[]
  name?: string
  actor: string
  idempotency_key?: string | null
}

/** The ad set optimises for purchases the pixel reports (AdPromotedObject pixel_id + custom_event_type). */
const OPTIMIZATION_GOAL = "OFFSITE_CONVERSIONS"

/**
 * Plans a catalog sales campaign for a product set of the synced catalog, valid for v25: the OUTCOME_SALES
 * objective (PRODUCT_CATALOG_SALES is refused for new campaigns from v21) with the catalog as the campaign's
 * `promoted_object {product_catalog_id}`; no `smart_promotion_type` (Advantage+ shopping campaigns can't be
 * created from v25) — Advantage+ comes from the campaign budget, an Advantage+ audience (countries as the only
 * hard limit) and no placement restrictions; an ad set promoting the product set with the pixel's PURCHASE
 * event; a catalog template creative on the product set; an ad. Reads only; nothing is created here.
 * https://developers.facebook.com/docs/marketing-api/advantage-catalog-ads/get-started,
 * https://developers.facebook.com/docs/marketing-api/advantage-campaigns,
 * https://developers.facebook.com/docs/marketing-api/marketing-api-changelog/version21.0
 */
export const createMetaCatalogSalesPlanStep = createStep("create-meta-catalog-sales-plan", async (input: CreateMetaCatalogSalesInput, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const live = await liveAdAccount(meta)
  const { connection } = live
  if (!connection.catalog_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "catalog_id: the connection has no catalog; choose or create one in Settings → Meta and sync it.")
  if (!connection.pixel_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "pixel_id: the connection has no pixel; catalog sales ads optimise for the pixel's purchases, choose one in Settings → Meta.")
  if (!connection.page_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "page_id: the connection has no Facebook Page; catalog ads run in a Page's name, choose one in Settings → Meta.")
  const storefront = meta.getOptions().storefrontUrl
  if (!storefront) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "storefrontUrl: catalog ads link to the storefront; set the storefrontUrl plugin option (or META_STOREFRONT_URL).")

  const byId = input.product_set_id.startsWith("metaps_")
  const [set] = await meta.listMetaCatalogProductSets(byId ? { id: input.product_set_id } : { meta_product_set_id: input.product_set_id }, { take: 1 })
  if (!set) throw new MedusaError(MedusaError.Types.NOT_FOUND, `product_set_id: no product set ${input.product_set_id} in the synced catalog`)
  if (!set.meta_product_set_id || set.status !== "synced") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_set_id: the product set ${set.name ?? set.id} is ${set.status} at Meta, not synced; run a catalog sync first`)
  }
  if (set.catalog_id !== connection.catalog_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_set_id: the product set belongs to the catalog ${set.catalog_id}, not the connection's catalog ${connection.catalog_id}`)
  }

  const account = await readAdAccountBudgets(meta.getGraphClient(), live.token, live.account_id)
  const budget = checkedBudget({ daily_budget: input.daily_budget, currency: account.currency, minimum_budgets: account.minimum_budgets, optimization_goal: OPTIMIZATION_GOAL })

  const retailerIds = (set.retailer_ids as string[] | null) ?? []
  // The catalog items the set holds, by the retailer ids Meta knows them by: their products are what the ad shows.
  const items = retailerIds.length ? await meta.listMetaCatalogItems({ retailer_id: retailerIds }, { select: ["product_id"], take: null }) : []
  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]

  const name = shortName(input.name ?? `Catalog sales: ${set.name ?? set.meta_product_set_id}`, 80)
  const { actor: _actor, idempotency_key, ...request } = input
  const plan: MetaAdCreationPlan = {
    key: `create:${idempotency_key ?? randomUUID()}`,
    fingerprint: requestFingerprint({ kind: "catalog_sales", ...request }),
    action: "create_catalog_sales",
    actor: input.actor,
    account_id: live.account_id,
    campaign: {
      name,
      params: {
        objective: "OUTCOME_SALES",
        status: PAUSED,
        special_ad_categories: NO_SPECIAL_AD_CATEGORIES,
        buying_type: "AUCTION",
        // Advantage+ campaign budget: the budget and bid strategy on the campaign, none on the ad set.
        daily_budget: budget.meta_units,
        bid_strategy: "LOWEST_COST_WITHOUT_CAP",
        promoted_object: { product_catalog_id: connection.catalog_id },
      },
    },
    ad_set: {
      name,
      params: {
        status: PAUSED,
        billing_event: "IMPRESSIONS",
        optimization_goal: OPTIMIZATION_GOAL,
        promoted_object: { product_set_id: set.meta_product_set_id, pixel_id: connection.pixel_id, custom_event_type: "PURCHASE" },
        targeting: { geo_locations: { countries: input.countries }, targeting_automation: { advantage_audience: 1 } },
        start_time: new Date().toISOString(),
      },
    },
    creative: {
      name,
      params: {
        product_set_id: set.meta_product_set_id,
        // Every product link carries the ad's ids, so the order can be credited to it (src/lib/ads/ad-landing.ts):
        // https://developers.facebook.com/docs/marketing-api/reference/ad-creative/ (url_tags)
        url_tags: AD_URL_TAGS,
        // A catalog template: Meta fills in each product's name, price and link from the catalog.
        // https://developers.facebook.com/docs/marketing-api/advantage-catalog-ads/get-started (template_data)
        object_story_spec: {
          page_id: connection.page_id,
          ...(connection.instagram_account_id ? { instagram_user_id: connection.instagram_account_id } : {}),
          template_data: {
            link: storefront,
            name: "{{product.name}}",
            description: "{{product.price}}",
            message: "{{product.description}}",
            call_to_action: { type: "SHOP_NOW" },
          },
        },
      },
    },
    ad: { name, params: { status: PAUSED } },
    product_ids: productIds,
    warnings: budget.warnings,
    request_fields: {
      daily_budget: "daily_budget",
      "targeting.geo_locations": "countries",
      product_set_id: "product_set_id",
      "promoted_object.product_set_id": "product_set_id",
    },
  }
  return new StepResponse(plan)
})
