import type { MetaAd, MetaAdSet, MetaCampaign } from "../../../../types/http/ads"
import { findAdObject, namesByMetaId, patchAdObject, withoutChildren } from "../campaign-tree"

const base = { metrics: {}, synced_at: null, status: "ACTIVE" as const, effective_status: "ACTIVE" }
const budget = { daily_budget: null, daily_budget_minor: null, lifetime_budget: null, lifetime_budget_minor: null }

const ad = (id: string, adSetId: string): MetaAd => ({
  ...base,
  id,
  meta_id: `m_${id}`,
  name: `Ad ${id}`,
  ad_set_id: adSetId,
  creative: { id: null, object_story_id: null, source_instagram_media_id: null, product_set_id: null },
  review_feedback: null,
  product_ids: [],
})

const adSet = (id: string, campaignId: string, ads?: MetaAd[]): MetaAdSet => ({
  ...base,
  ...budget,
  id,
  meta_id: `m_${id}`,
  name: `Ad set ${id}`,
  campaign_id: campaignId,
  optimization_goal: null,
  billing_event: null,
  bid_strategy: null,
  targeting: null,
  start_time: null,
  end_time: null,
  ...(ads ? { ads } : {}),
})

const campaign = (id: string, adSets?: MetaAdSet[]): MetaCampaign => ({
  ...base,
  ...budget,
  id,
  meta_id: `m_${id}`,
  name: `Campaign ${id}`,
  ad_account_id: "acc",
  objective: "OUTCOME_SALES",
  bid_strategy: null,
  special_ad_categories: [],
  start_time: null,
  stop_time: null,
  ...(adSets ? { ad_sets: adSets } : {}),
})

const tree = () => [
  campaign("c1", [adSet("s1", "c1", [ad("a1", "s1"), ad("a2", "s1")]), adSet("s2", "c1")]),
  campaign("c2", [adSet("s3", "c2")]),
]

describe("patchAdObject", () => {
  it("changes a campaign and keeps its ad sets", () => {
    const before = tree()
    const after = patchAdObject(before, "campaign", "c1", { status: "PAUSED" })
    expect(after[0].status).toBe("PAUSED")
    expect(after[0].ad_sets).toBe(before[0].ad_sets)
    expect(after[1]).toBe(before[1])
  })

  it("changes an ad set or an ad deep in the tree, and nothing else", () => {
    const before = tree()
    const adSetPatched = patchAdObject(before, "ad_set", "s2", { daily_budget: "50.00" })
    expect(adSetPatched[0].ad_sets?.[1].daily_budget).toBe("50.00")
    expect(adSetPatched[0].ad_sets?.[0]).toBe(before[0].ad_sets?.[0])
    expect(adSetPatched[1]).toBe(before[1])

    const adPatched = patchAdObject(before, "ad", "a2", { status: "PAUSED", effective_status: "PAUSED" })
    expect(adPatched[0].ad_sets?.[0].ads?.[1]).toMatchObject({ status: "PAUSED", effective_status: "PAUSED" })
    expect(adPatched[0].ad_sets?.[0].ads?.[0]).toBe(before[0].ad_sets?.[0].ads?.[0])
  })

  it("returns the same array when the object is not there", () => {
    const before = tree()
    expect(patchAdObject(before, "ad", "nope", { status: "PAUSED" })).toBe(before)
    expect(patchAdObject(before, "campaign", "s1", { status: "PAUSED" })).toBe(before)
  })
})

describe("findAdObject", () => {
  it("finds an object at its level only", () => {
    expect(findAdObject(tree(), "ad_set", "s3")?.name).toBe("Ad set s3")
    expect(findAdObject(tree(), "ad", "a1")?.name).toBe("Ad a1")
    expect(findAdObject(tree(), "campaign", "s3")).toBeUndefined()
  })
})

describe("withoutChildren", () => {
  it("drops the nested lists a change's answer may carry", () => {
    const patch = withoutChildren(campaign("c1", [adSet("s1", "c1")]))
    expect(patch).not.toHaveProperty("ad_sets")
    expect(patch).toMatchObject({ id: "c1", status: "ACTIVE" })
  })
})

describe("namesByMetaId", () => {
  it("names every object of the tree by Meta's id", () => {
    const names = namesByMetaId(tree())
    expect(names.get("m_c2")).toBe("Campaign c2")
    expect(names.get("m_s1")).toBe("Ad set s1")
    expect(names.get("m_a2")).toBe("Ad a2")
  })
})
