import { randomUUID } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AD_URL_TAGS } from "../../../lib/ads"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_PUBLISHING_MODULE } from "../../../modules/meta-publishing"
import type MetaPublishingModuleService from "../../../modules/meta-publishing/service"
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

export type MetaBoostObjective = "OUTCOME_ENGAGEMENT" | "OUTCOME_TRAFFIC"

export type CreateMetaBoostInput = {
  /** A published publication of the plugin… */
  publication_id?: string
  /** …or a post of a connected account: the Instagram media id, or the Facebook post id "{page_id}_{post_id}". */
  post_id?: string
  objective: MetaBoostObjective
  /** Decimal in the ad account currency's main unit; exactly one of the two. */
  daily_budget?: string | number
  lifetime_budget?: string | number
  duration_days: number
  audience: { countries: string[]; age_min?: number; age_max?: number; genders?: ("male" | "female")[] }
  name?: string
  actor: string
  idempotency_key?: string | null
}

type BoostSource = {
  platform: "facebook" | "instagram"
  /** The Facebook post id "{page_id}_{post_id}", or the Instagram media id. */
  post_id: string
  /** The Instagram account that posted it. */
  instagram_user_id: string | null
  caption: string | null
  link_url: string | null
  product_ids: string[]
}

/**
 * Per objective: what the ad set optimises for and where the result happens (ODAX outcome / optimization_goal
 * pairs, https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#fields `optimization_goal`,
 * `destination_type`). Both are billed on impressions, which every goal allows.
 */
const OBJECTIVE_SETUP: Record<MetaBoostObjective, { optimization_goal: string; destination_type: string }> = {
  OUTCOME_ENGAGEMENT: { optimization_goal: "POST_ENGAGEMENT", destination_type: "ON_POST" },
  OUTCOME_TRAFFIC: { optimization_goal: "LINK_CLICKS", destination_type: "WEBSITE" },
}

/** Meta's targeting genders: 1 = men, 2 = women; both is the same as none (https://developers.facebook.com/docs/marketing-api/audiences/reference/basic-targeting). */
const GENDER_CODES = { male: 1, female: 2 } as const

const DAY_MS = 24 * 60 * 60 * 1000

async function boostSource(publishing: MetaPublishingModuleService, input: CreateMetaBoostInput): Promise<BoostSource> {
  const field = input.publication_id !== undefined ? "publication_id" : "post_id"
  const [publication] = input.publication_id
    ? await publishing.listMetaPublications({ id: input.publication_id }, { relations: ["account"] })
    : await publishing.listMetaPublications({ meta_post_id: input.post_id, status: "published" }, { relations: ["account"], take: 1 })
  if (publication) {
    if (publication.status !== "published" || !publication.meta_post_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: the publication is ${publication.status}; only a published post can be boosted`)
    }
    const account = publication.account
    const platform = account.platform as BoostSource["platform"]
    const pageId = account.page_meta_id ?? account.meta_id
    return {
      platform,
      post_id: platform === "facebook" && !publication.meta_post_id.includes("_") ? `${pageId}_${publication.meta_post_id}` : publication.meta_post_id,
      instagram_user_id: platform === "instagram" ? account.meta_id : null,
      caption: publication.caption,
      link_url: publication.link_url,
      product_ids: (publication.product_ids as string[] | null) ?? [],
    }
  }
  if (input.publication_id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `publication_id: no publication with id ${input.publication_id}`)
  // A post made outside the plugin, as the account's post listing mirrors it.
  const [post] = await publishing.listMetaAccountPosts({ meta_id: input.post_id }, { relations: ["account"], take: 1 })
  if (!post) throw new MedusaError(MedusaError.Types.NOT_FOUND, `post_id: ${input.post_id} is not a known post of a connected Page or Instagram account`)
  const platform = post.account.platform as BoostSource["platform"]
  return {
    platform,
    post_id: post.meta_id,
    instagram_user_id: platform === "instagram" ? post.account.meta_id : null,
    caption: null,
    link_url: null,
    product_ids: [],
  }
}

/**
 * Plans the boost of a published post: a campaign with the engagement or traffic objective (no campaign
 * budget, so `is_adset_budget_sharing_enabled` is sent false, as required from v24), an ad set with the
 * budget in Meta's units, the audience basics and the schedule (now → now + duration), a creative that
 * points at the post itself — `object_story_id` "{page_id}_{post_id}" for Facebook,
 * `source_instagram_media_id` with `instagram_user_id` for Instagram (never `instagram_actor_id`, which it
 * replaced) — and an ad. Reads only; nothing is created here.
 * https://developers.facebook.com/docs/marketing-api/reference/ad-creative (object_story_id, source_instagram_media_id, instagram_user_id)
 */
export const createMetaBoostPlanStep = createStep("create-meta-boost-plan", async (input: CreateMetaBoostInput, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const publishing = container.resolve<MetaPublishingModuleService>(META_PUBLISHING_MODULE)
  const live = await liveAdAccount(meta)
  const source = await boostSource(publishing, input)
  const setup = OBJECTIVE_SETUP[input.objective]
  if (input.objective === "OUTCOME_TRAFFIC" && source.platform === "instagram" && !source.link_url) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "objective: OUTCOME_TRAFFIC sends people to a link, and this Instagram post has none (compose it from a product to give it one); boost it with OUTCOME_ENGAGEMENT instead"
    )
  }
  const account = await readAdAccountBudgets(meta.getGraphClient(), live.token, live.account_id)
  const budget = checkedBudget({
    daily_budget: input.daily_budget,
    lifetime_budget: input.lifetime_budget,
    currency: account.currency,
    minimum_budgets: account.minimum_budgets,
    optimization_goal: setup.optimization_goal,
    duration_days: input.duration_days,
  })

  const { audience } = input
  const genders = [...new Set(audience.genders ?? [])]
  // The merchant's age or gender choice is a hard limit only with Advantage+ audience off; with countries
  // alone Meta may widen the audience (targeting_automation.advantage_audience, explicit from v23).
  const explicit = audience.age_min !== undefined || audience.age_max !== undefined || genders.length === 1
  const targeting = {
    geo_locations: { countries: audience.countries },
    ...(audience.age_min !== undefined ? { age_min: audience.age_min } : {}),
    ...(audience.age_max !== undefined ? { age_max: audience.age_max } : {}),
    ...(genders.length === 1 ? { genders: [GENDER_CODES[genders[0]]] } : {}),
    targeting_automation: { advantage_audience: explicit ? 0 : 1 },
  }
  const start = Date.now()
  // url_tags name the ad on every click to the store, so the order can be credited to it (src/lib/ads/ad-landing.ts):
  // https://developers.facebook.com/docs/marketing-api/reference/ad-creative/ (url_tags)
  const creative =
    source.platform === "facebook"
      ? { object_story_id: source.post_id, url_tags: AD_URL_TAGS }
      : {
          source_instagram_media_id: source.post_id,
          instagram_user_id: source.instagram_user_id,
          ...(input.objective === "OUTCOME_TRAFFIC" && source.link_url ? { call_to_action: { type: "SHOP_NOW", value: { link: source.link_url } } } : {}),
          url_tags: AD_URL_TAGS,
        }
  const name = shortName(input.name ?? `Boost: ${source.caption ? shortName(source.caption, 40) : `${source.platform === "instagram" ? "Instagram" : "Facebook"} post ${source.post_id}`}`, 80)
  const sourceField = input.publication_id !== undefined ? "publication_id" : "post_id"
  const { actor: _actor, idempotency_key, ...request } = input
  const plan: MetaAdCreationPlan = {
    key: `create:${idempotency_key ?? randomUUID()}`,
    fingerprint: requestFingerprint({ kind: "boost", ...request }),
    action: "create_boost",
    actor: input.actor,
    account_id: live.account_id,
    campaign: {
      name,
      params: {
        objective: input.objective,
        status: PAUSED,
        special_ad_categories: NO_SPECIAL_AD_CATEGORIES,
        buying_type: "AUCTION",
        is_adset_budget_sharing_enabled: false,
      },
    },
    ad_set: {
      name,
      params: {
        status: PAUSED,
        [budget.field]: budget.meta_units,
        bid_strategy: "LOWEST_COST_WITHOUT_CAP",
        billing_event: "IMPRESSIONS",
        optimization_goal: setup.optimization_goal,
        destination_type: setup.destination_type,
        targeting,
        start_time: new Date(start).toISOString(),
        end_time: new Date(start + input.duration_days * DAY_MS).toISOString(),
      },
    },
    creative: { name, params: creative },
    ad: { name, params: { status: PAUSED } },
    product_ids: source.product_ids,
    warnings: budget.warnings,
    request_fields: {
      [budget.field]: budget.field,
      "targeting.geo_locations": "audience.countries",
      "targeting.age_min": "audience.age_min",
      "targeting.age_max": "audience.age_max",
      "targeting.genders": "audience.genders",
      start_time: "duration_days",
      end_time: "duration_days",
      object_story_id: sourceField,
      source_instagram_media_id: sourceField,
      instagram_user_id: sourceField,
    },
  }
  return new StepResponse(plan)
})
