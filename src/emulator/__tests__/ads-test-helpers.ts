import type { GraphEmulator } from "../index"
import { graphGet, graphSend, type GraphAnswer } from "./emulator-test-client"

/** Marketing API calls of the ads specs: a sales campaign → ad set → creative → ad built through Graph. */

export const ACT = "act_50001"
export const PAGE = "30001"
export const IG = "40001"
export const PIXEL = "60001"
/** 2026-12-02 10:00 in Los Angeles (act_50001's zone). */
export const START = Date.parse("2026-12-02T18:00:00Z")
export const HOUR = 3600 * 1000
export const DAY = 24 * HOUR

export type Ads = {
  get(path: string, params?: Record<string, string>): Promise<GraphAnswer>
  post(path: string, body?: Record<string, unknown>): Promise<GraphAnswer>
  del(path: string): Promise<GraphAnswer>
  campaign(overrides?: Record<string, unknown>): Promise<string>
  adSet(campaignId: string, overrides?: Record<string, unknown>): Promise<string>
  creative(overrides?: Record<string, unknown>): Promise<string>
  ad(adSetId: string, creativeId?: string, overrides?: Record<string, unknown>): Promise<string>
  /** A campaign with one ad set (daily budget) and one ad, all ACTIVE unless told otherwise. */
  tree(options?: { status?: string; dailyBudget?: number; act?: string }): Promise<{ campaignId: string; adSetId: string; adId: string; creativeId: string }>
}

function created(answer: GraphAnswer, what: string): string {
  if (answer.status !== 200 || typeof answer.body?.id !== "string") throw new Error(`${what} not created: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.id
}

export function adsClient(emulator: GraphEmulator, token: () => string): Ads {
  const client: Ads = {
    get: (path, params = {}) => graphGet(emulator, path, token(), params),
    post: (path, body = {}) => graphSend(emulator, "POST", path, token(), body),
    del: (path) => graphSend(emulator, "DELETE", path, token()),
    campaign: async (overrides = {}) =>
      created(
        await client.post(`${String(overrides.act ?? ACT)}/campaigns`, {
          name: "Winter sale",
          objective: "OUTCOME_SALES",
          status: "ACTIVE",
          special_ad_categories: [],
          is_adset_budget_sharing_enabled: false,
          ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== "act")),
        }),
        "campaign"
      ),
    adSet: async (campaignId, overrides = {}) =>
      created(
        await client.post(`${String(overrides.act ?? ACT)}/adsets`, {
          name: "US buyers",
          campaign_id: campaignId,
          daily_budget: 5000,
          billing_event: "IMPRESSIONS",
          optimization_goal: "OFFSITE_CONVERSIONS",
          bid_strategy: "LOWEST_COST_WITHOUT_CAP",
          promoted_object: { pixel_id: PIXEL, custom_event_type: "PURCHASE" },
          targeting: { geo_locations: { countries: ["US"] }, targeting_automation: { advantage_audience: 0 } },
          status: "ACTIVE",
          ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== "act")),
        }),
        "ad set"
      ),
    creative: async (overrides = {}) =>
      created(
        await client.post(`${String(overrides.act ?? ACT)}/adcreatives`, {
          name: "Tee",
          object_story_spec: { page_id: PAGE, link_data: { link: "https://shop.example/tee", message: "New tee" } },
          ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== "act")),
        }),
        "creative"
      ),
    ad: async (adSetId, creativeId, overrides = {}) =>
      created(
        await client.post(`${String(overrides.act ?? ACT)}/ads`, {
          name: "Tee ad",
          adset_id: adSetId,
          creative: { creative_id: creativeId ?? (await client.creative({ act: overrides.act ?? ACT })) },
          status: "ACTIVE",
          ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== "act")),
        }),
        "ad"
      ),
    tree: async ({ status = "ACTIVE", dailyBudget = 5000, act = ACT } = {}) => {
      const campaignId = await client.campaign({ status, act })
      const adSetId = await client.adSet(campaignId, { status, daily_budget: dailyBudget, act })
      const creativeId = await client.creative({ act })
      const adId = await client.ad(adSetId, creativeId, { status, act })
      return { campaignId, adSetId, adId, creativeId }
    },
  }
  return client
}

/** Meta's error object of a refused call, with the blamed fields parsed out of error_data. */
export function refusal(answer: GraphAnswer): { code: number; subcode?: number; title?: string; message: string; userMessage?: string; blame: string[] } {
  const error = answer.body?.error
  if (!error) throw new Error(`expected an error, got ${answer.status} ${JSON.stringify(answer.body)}`)
  const data = typeof error.error_data === "string" ? JSON.parse(error.error_data) : error.error_data
  return {
    code: error.code,
    subcode: error.error_subcode,
    title: error.error_user_title,
    message: error.message,
    userMessage: error.error_user_msg,
    blame: (data?.blame_field_specs ?? []).map((f: string[]) => f.join(".")),
  }
}
