import { startGraphEmulator, type GraphEmulator } from "../index"
import { publishingOf } from "../routes/publishing-store"
import { graphGet, graphSend, proofFor, type GraphAnswer } from "./emulator-test-client"
import { ACT, adsClient, IG, PAGE, PIXEL, refusal, START, type Ads } from "./ads-test-helpers"

const SALES_AD_SET = (campaignId: string) => ({
  name: "US buyers",
  campaign_id: campaignId,
  daily_budget: 5000,
  billing_event: "IMPRESSIONS",
  optimization_goal: "OFFSITE_CONVERSIONS",
  bid_strategy: "LOWEST_COST_WITHOUT_CAP",
  promoted_object: { pixel_id: PIXEL, custom_event_type: "PURCHASE" },
  targeting: { geo_locations: { countries: ["US"] }, targeting_automation: { advantage_audience: 0 } },
})

describe("Graph emulator: Marketing API objects", () => {
  let emulator: GraphEmulator
  let token: string
  let ads: Ads
  const clock = START

  beforeAll(async () => {
    emulator = await startGraphEmulator({ now: () => clock })
    ads = adsClient(emulator, () => token)
  })
  afterAll(async () => emulator.close())
  beforeEach(() => {
    emulator.reset()
    // The default development tier allows 20 writes per 5 minutes; these specs make more.
    emulator.ads.configure({ accessTier: "standard_access" })
    token = emulator.createSystemUserToken()
  })

  /** A call at another Graph version (the client helpers call v25.0). */
  async function postAt(version: string, path: string, body: Record<string, unknown>): Promise<GraphAnswer> {
    const response = await fetch(new URL(`/${version}/${path}`, emulator.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: token, appsecret_proof: proofFor(token), ...body }),
    })
    return { status: response.status, body: await response.json(), headers: response.headers }
  }

  describe("ad accounts", () => {
    it("reads currency, time zone, status, spend, spend cap, business and the minimum budgets", async () => {
      const account = await ads.get(ACT, {
        fields: "id,account_id,name,currency,timezone_name,timezone_offset_hours_utc,account_status,amount_spent,spend_cap,business",
      })
      expect(account.body).toEqual({
        id: ACT,
        account_id: "50001",
        name: "Acme Ads",
        currency: "USD",
        timezone_name: "America/Los_Angeles",
        timezone_offset_hours_utc: -8,
        account_status: 1,
        amount_spent: "0",
        spend_cap: "0",
        business: { id: "20001", name: "Acme Commerce" },
      })
      expect((await ads.get(ACT)).body).toEqual({ account_id: "50001", id: ACT })
      expect((await ads.get(`${ACT}/minimum_budgets`)).body).toEqual({
        data: [{ currency: "USD", min_daily_budget_imp: 100, min_daily_budget_high_freq: 500, min_daily_budget_low_freq: 4000, min_daily_budget_video_views: 100 }],
      })
      emulator.ads.seedAccount({ id: "act_70001", currency: "COP", timezone: "America/Bogota" })
      const cop = await ads.get("act_70001/minimum_budgets")
      expect(cop.body.data[0]).toMatchObject({ currency: "COP", min_daily_budget_imp: 4000 })
      expect((await ads.get("act_70001", { fields: "timezone_offset_hours_utc" })).body.timezone_offset_hours_utc).toBe(-5)
      expect(refusal(await ads.get(ACT, { fields: "nope" })).message).toBe("(#100) Tried accessing nonexisting field (nope) on node type (AdAccount)")
    })

    it("needs ads_read or ads_management to read and ads_management to write", async () => {
      const reader = emulator.createSystemUserToken({ scopes: ["ads_read", "business_management"] })
      const none = emulator.createSystemUserToken({ scopes: ["business_management"] })
      expect((await graphGet(emulator, `${ACT}/campaigns`, reader)).status).toBe(200)
      const write = await graphSend(emulator, "POST", `${ACT}/campaigns`, reader, { name: "x", objective: "OUTCOME_SALES", special_ad_categories: [] })
      expect(refusal(write)).toMatchObject({ code: 200, message: "(#200) Requires ads_management permission to manage the object" })
      expect(refusal(await graphGet(emulator, `${ACT}/campaigns`, none))).toMatchObject({
        code: 200,
        message: "(#200) Ad account owner has NOT grant ads_management or ads_read permission",
      })
      const other = emulator.createSystemUserToken({ businessId: undefined })
      expect((await graphGet(emulator, "act_99999/campaigns", other)).body.error).toMatchObject({ code: 100, error_subcode: 33 })
    })
  })

  describe("campaign refusals", () => {
    const base = { name: "Sale", objective: "OUTCOME_SALES", special_ad_categories: [], is_adset_budget_sharing_enabled: false }

    it.each([
      ["special_ad_categories missing", { special_ad_categories: undefined }, { code: 100, message: "(#100) The parameter special_ad_categories is required", blame: ["special_ad_categories"] }],
      ["a category without special_ad_category_country", { special_ad_categories: ["HOUSING"] }, { code: 100, title: "Special Ad Category Country Required", blame: ["special_ad_category_country"] }],
      ["a legacy objective", { objective: "CONVERSIONS" }, { code: 100, title: "Objective Not Available", blame: ["objective"] }],
      ["an unknown objective", { objective: "SALES" }, { code: 100, blame: ["objective"] }],
      ["smart_promotion_type=AUTOMATED_SHOPPING_ADS", { smart_promotion_type: "AUTOMATED_SHOPPING_ADS" }, { code: 100, title: "Campaign Type No Longer Available", blame: ["smart_promotion_type"] }],
      [
        "no campaign budget and no is_adset_budget_sharing_enabled",
        { is_adset_budget_sharing_enabled: undefined },
        { code: 100, subcode: 4834011, title: "Must specify True or False in is_adset_budget_sharing_enabled field", blame: ["is_adset_budget_sharing_enabled"] },
      ],
      ["a daily and a lifetime budget", { daily_budget: 5000, lifetime_budget: 50000, stop_time: "2026-12-30T00:00:00+0000" }, { code: 100, blame: ["lifetime_budget"] }],
      ["a lifetime budget without stop_time", { lifetime_budget: 50000 }, { code: 100, blame: ["stop_time"] }],
      ["a budget that is not an integer", { daily_budget: "50.5" }, { code: 100, blame: ["daily_budget"] }],
      ["a budget below the minimum", { daily_budget: 99 }, { code: 100, subcode: 1885272, title: "Your Budget Is Too Low", blame: ["daily_budget"] }],
      ["status ARCHIVED on create", { status: "ARCHIVED" }, { code: 100, blame: ["status"] }],
    ])("refuses %s", async (_, overrides, expected) => {
      const body = Object.fromEntries(Object.entries({ ...base, ...overrides }).filter(([, v]) => v !== undefined))
      const answer = await ads.post(`${ACT}/campaigns`, body)
      expect(answer.status).toBe(400)
      expect(refusal(answer)).toMatchObject(expected)
      expect(answer.body.error.type).toBe("OAuthException")
      expect(emulator.ads.campaigns(ACT)).toHaveLength(0)
    })

    it("accepts what Meta accepts: [] or [NONE], a category with its country, a campaign budget without the sharing flag", async () => {
      expect((await ads.post(`${ACT}/campaigns`, { ...base, special_ad_categories: ["NONE"] })).status).toBe(200)
      expect((await ads.post(`${ACT}/campaigns`, { ...base, special_ad_categories: ["HOUSING"], special_ad_category_country: ["US"] })).status).toBe(200)
      const { is_adset_budget_sharing_enabled: _flag, ...withoutFlag } = base
      const cbo = await ads.post(`${ACT}/campaigns`, { ...withoutFlag, daily_budget: 10000 })
      expect(cbo.status).toBe(200)
      const read = await ads.get(cbo.body.id, { fields: "name,objective,status,effective_status,daily_budget,bid_strategy,special_ad_categories,buying_type" })
      expect(read.body).toEqual({
        id: cbo.body.id,
        name: "Sale",
        objective: "OUTCOME_SALES",
        status: "ACTIVE",
        effective_status: "ACTIVE",
        daily_budget: "10000",
        bid_strategy: "LOWEST_COST_WITHOUT_CAP",
        special_ad_categories: [],
        buying_type: "AUCTION",
      })
    })

    it("follows the version: legacy objectives before v21, smart_promotion_type before v25, the sharing flag from v24", async () => {
      expect((await postAt("v20.0", `${ACT}/campaigns`, { ...base, objective: "CONVERSIONS" })).status).toBe(200)
      expect((await postAt("v24.0", `${ACT}/campaigns`, { ...base, smart_promotion_type: "AUTOMATED_SHOPPING_ADS" })).status).toBe(200)
      expect((await postAt("v23.0", `${ACT}/campaigns`, { ...base, is_adset_budget_sharing_enabled: undefined })).status).toBe(200)
      expect(refusal(await postAt("v24.0", `${ACT}/campaigns`, { name: "x", objective: "OUTCOME_SALES", special_ad_categories: [] })).subcode).toBe(4834011)
    })
  })

  describe("ad set refusals", () => {
    let campaignId: string
    beforeEach(async () => {
      campaignId = await ads.campaign()
    })
    const adSet = (overrides: Record<string, unknown>) =>
      ads.post(`${ACT}/adsets`, Object.fromEntries(Object.entries({ ...SALES_AD_SET(campaignId), ...overrides }).filter(([, v]) => v !== undefined)))

    it.each([
      ["targeting missing", { targeting: undefined }, { message: "(#100) The parameter targeting is required", blame: ["targeting"] }],
      ["targeting without a location", { targeting: { age_min: 18, targeting_automation: { advantage_audience: 0 } } }, { title: "Missing Target Audience Location", blame: ["targeting.geo_locations"] }],
      ["no Advantage+ audience choice (v23+)", { targeting: { geo_locations: { countries: ["US"] } } }, { subcode: 1870227, title: "Advantage Audience Flag Required" }],
      [
        "Advantage+ audience with age_max under 65",
        { targeting: { geo_locations: { countries: ["US"] }, age_max: 40, targeting_automation: { advantage_audience: 1 } } },
        { subcode: 1870189, blame: ["targeting.age_max"] },
      ],
      ["optimization_goal missing", { optimization_goal: undefined }, { message: "(#100) The parameter optimization_goal is required" }],
      ["billing_event missing", { billing_event: undefined }, { message: "(#100) The parameter billing_event is required" }],
      ["a goal the objective doesn't allow", { optimization_goal: "POST_ENGAGEMENT" }, { title: "Performance Goal Not Available", blame: ["optimization_goal"] }],
      ["a billing event that doesn't go with the goal", { billing_event: "LINK_CLICKS" }, { title: "Billing Event Not Available", blame: ["billing_event"] }],
      ["a sales ad set without promoted_object", { promoted_object: undefined }, { title: "Promoted Object Required", blame: ["promoted_object"] }],
      ["a pixel of nobody", { promoted_object: { pixel_id: "999", custom_event_type: "PURCHASE" } }, { title: "Invalid Pixel" }],
      ["a product set that doesn't exist", { promoted_object: { product_set_id: "999" } }, { title: "Invalid Product Set" }],
      ["no budget on an ad-set-budget campaign", { daily_budget: undefined }, { title: "Budget Required" }],
      ["a budget below the minimum for impressions", { daily_budget: 50 }, { subcode: 1885272, title: "Your Budget Is Too Low", blame: ["daily_budget"] }],
      ["a budget below the minimum for link clicks", { optimization_goal: "LINK_CLICKS", billing_event: "LINK_CLICKS", daily_budget: 400 }, { subcode: 1885272 }],
      ["a fractional budget", { daily_budget: 5000.5 }, { blame: ["daily_budget"] }],
      ["no bid strategy and no bid amount", { bid_strategy: undefined }, { subcode: 2490487, title: "Bid Amount Or Bid Constraints Required For Bid Strategy" }],
      ["a bid cap without bid_amount", { bid_strategy: "LOWEST_COST_WITH_BID_CAP" }, { subcode: 2490487 }],
      ["a cost cap without bid_amount", { bid_strategy: "COST_CAP" }, { subcode: 2490487 }],
      ["a lifetime budget without end_time", { daily_budget: undefined, lifetime_budget: 100000 }, { blame: ["end_time"] }],
    ])("refuses %s", async (_, overrides, expected) => {
      const answer = await adSet(overrides)
      expect(answer.status).toBe(400)
      expect(refusal(answer)).toMatchObject({ code: 100, ...expected })
      expect(emulator.ads.adSets(campaignId)).toHaveLength(0)
    })

    it("keeps the budget on one level: campaign budget + ad set budget → 1885621; a capped campaign needs bids on its ad sets", async () => {
      const cbo = await ads.campaign({ is_adset_budget_sharing_enabled: undefined, daily_budget: 20000, bid_strategy: "COST_CAP" })
      const both = await ads.post(`${ACT}/adsets`, { ...SALES_AD_SET(cbo), bid_strategy: undefined })
      expect(refusal(both)).toMatchObject({ code: 100, subcode: 1885621, blame: ["daily_budget"] })
      const { daily_budget: _b, bid_strategy: _s, ...noBudget } = SALES_AD_SET(cbo)
      expect(refusal(await ads.post(`${ACT}/adsets`, noBudget)).subcode).toBe(2490487)
      const ok = await ads.post(`${ACT}/adsets`, { ...noBudget, bid_amount: 800 })
      expect(ok.status).toBe(200)
      const read = await ads.get(ok.body.id, { fields: "daily_budget,bid_strategy,bid_amount,campaign{daily_budget}" })
      expect(read.body).toEqual({ id: ok.body.id, bid_strategy: "COST_CAP", bid_amount: 800, campaign: { id: cbo, daily_budget: "20000" } })
      expect(refusal(await ads.post(ok.body.id, { daily_budget: 3000 })).subcode).toBe(1885621)
    })

    it("accepts a COP and a JPY budget exactly as sent — including one 100× too large (Meta doesn't fix it)", async () => {
      emulator.ads.seedAccount({ id: "act_70001", currency: "COP", timezone: "America/Bogota" })
      emulator.ads.seedAccount({ id: "act_70002", currency: "JPY", timezone: "Asia/Tokyo" })
      const cop = await ads.campaign({ act: "act_70001" })
      for (const budget of [50000, 5000000]) {
        const created = await ads.post("act_70001/adsets", { ...SALES_AD_SET(cop), daily_budget: budget })
        expect(created.status).toBe(200)
        expect((await ads.get(created.body.id, { fields: "daily_budget" })).body.daily_budget).toBe(String(budget))
      }
      expect(refusal(await ads.post("act_70001/adsets", { ...SALES_AD_SET(cop), daily_budget: 3999 }))).toMatchObject({
        subcode: 1885272,
        userMessage: expect.stringContaining("COP4000"),
      })
      const jpy = await ads.campaign({ act: "act_70002" })
      const yen = await ads.post("act_70002/adsets", { ...SALES_AD_SET(jpy), daily_budget: 1000 })
      expect((await ads.get(yen.body.id, { fields: "daily_budget" })).body.daily_budget).toBe("1000")
    })

    it("a catalog ad set promotes a product set of the business's catalog", async () => {
      const catalog = await graphSend(emulator, "POST", "20001/owned_product_catalogs", token, { name: "Acme catalog" })
      const set = await graphSend(emulator, "POST", `${catalog.body.id}/product_sets`, token, { name: "All products" })
      const created = await adSet({ promoted_object: { product_set_id: set.body.id } })
      expect(created.status).toBe(200)
      const catalogCreative = await ads.post(`${ACT}/adcreatives`, {
        product_set_id: set.body.id,
        object_story_spec: { page_id: PAGE, template_data: { link: "https://shop.example", name: "{{product.name}}" } },
      })
      expect(catalogCreative.status).toBe(200)
      expect((await ads.post(`${ACT}/ads`, { name: "Catalog", adset_id: created.body.id, creative: { creative_id: catalogCreative.body.id } })).status).toBe(200)
      const pixelAdSet = await ads.adSet(campaignId)
      const mismatch = await ads.post(`${ACT}/ads`, { name: "Catalog", adset_id: pixelAdSet, creative: { creative_id: catalogCreative.body.id } })
      expect(refusal(mismatch)).toMatchObject({ code: 100, blame: ["promoted_object.product_set_id"] })
    })
  })

  describe("creatives", () => {
    async function pagePost(message: string): Promise<string> {
      const accounts = await graphGet(emulator, "me/accounts", token)
      const pageToken = accounts.body.data.find((p: { id: string }) => p.id === PAGE).access_token
      return (await graphSend(emulator, "POST", `${PAGE}/feed`, pageToken, { message })).body.id
    }

    function igMedia(igUserId: string): string {
      const id = `1789${Math.floor(Math.random() * 1e9)}`
      publishingOf(emulator.state).media.set(id, {
        id,
        igUserId,
        containerId: "0",
        mediaType: "IMAGE",
        mediaProductType: "FEED",
        shortcode: "abc",
        permalink: "https://www.instagram.com/p/abc/",
        timestamp: "2026-12-01T10:00:00+0000",
        publishedAt: START,
      })
      return id
    }

    it("boosts a post of the Page (object_story_id) and refuses posts that aren't that Page's", async () => {
      const postId = await pagePost("Winter tees are in")
      const boost = await ads.post(`${ACT}/adcreatives`, { object_story_id: postId })
      expect(boost.status).toBe(200)
      expect((await ads.get(boost.body.id, { fields: "object_story_id,effective_object_story_id,object_type" })).body).toEqual({
        id: boost.body.id,
        object_story_id: postId,
        effective_object_story_id: postId,
        object_type: "STATUS",
      })
      const [, postPart] = postId.split("_")
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_id: `30002_${postPart}` }))).toMatchObject({ title: "Invalid Post", blame: ["object_story_id"] })
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_id: `${PAGE}_123456` })).title).toBe("Invalid Post")
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_id: "99999_1" })).title).toBe("Page Not Available")
    })

    it("boosts an Instagram post of the linked account with instagram_user_id; refuses instagram_actor_id with it", async () => {
      const mediaId = igMedia(IG)
      const boost = await ads.post(`${ACT}/adcreatives`, { source_instagram_media_id: mediaId, instagram_user_id: IG })
      expect(boost.status).toBe(200)
      expect((await ads.get(boost.body.id, { fields: "source_instagram_media_id,instagram_user_id,effective_instagram_media_id" })).body).toMatchObject({
        source_instagram_media_id: mediaId,
        instagram_user_id: IG,
        effective_instagram_media_id: mediaId,
      })
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { source_instagram_media_id: mediaId })).blame).toEqual(["instagram_user_id"])
      expect(
        refusal(await ads.post(`${ACT}/adcreatives`, { source_instagram_media_id: mediaId, instagram_user_id: IG, instagram_actor_id: IG })).blame
      ).toEqual(["instagram_actor_id"])
      expect(
        refusal(
          await ads.post(`${ACT}/adcreatives`, {
            object_story_spec: { page_id: PAGE, instagram_actor_id: IG, instagram_user_id: IG, link_data: { link: "https://shop.example" } },
          })
        ).blame
      ).toEqual(["object_story_spec.instagram_actor_id"])
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { source_instagram_media_id: "17890000", instagram_user_id: IG })).title).toBe("Invalid Instagram Post")
      emulator.state.igAccounts["40002"] = { ...emulator.state.igAccounts[IG], id: "40002", pageId: "30002" }
      const otherMedia = igMedia("40002")
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { source_instagram_media_id: otherMedia, instagram_user_id: IG })).blame).toEqual([
        "source_instagram_media_id",
      ])
    })

    it("refuses a creative without content, a story spec without page, and a template without product set", async () => {
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { name: "empty" })).title).toBe("Creative Content Missing")
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_spec: { link_data: { link: "https://x.example" } } })).message).toBe(
        "(#100) The parameter object_story_spec.page_id is required"
      )
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_spec: { page_id: PAGE, template_data: { link: "https://x.example" } } })).blame).toEqual([
        "product_set_id",
      ])
      expect(refusal(await ads.post(`${ACT}/adcreatives`, { object_story_spec: { page_id: PAGE, link_data: { link: "not a url" } } })).title).toBe("Invalid Link")
    })
  })

  describe("status, updates and deletes", () => {
    it("derives effective_status from the parents, hides archived objects from lists, refuses edits of deleted ones", async () => {
      const { campaignId, adSetId, adId } = await ads.tree()
      const effective = async (id: string) => (await ads.get(id, { fields: "status,effective_status" })).body
      expect(await effective(adId)).toEqual({ id: adId, status: "ACTIVE", effective_status: "ACTIVE" })
      expect(await ads.post(campaignId, { status: "PAUSED" })).toMatchObject({ status: 200, body: { success: true } })
      expect(await effective(adId)).toEqual({ id: adId, status: "ACTIVE", effective_status: "CAMPAIGN_PAUSED" })
      expect(await effective(adSetId)).toEqual({ id: adSetId, status: "ACTIVE", effective_status: "CAMPAIGN_PAUSED" })
      await ads.post(campaignId, { status: "ACTIVE" })
      await ads.post(adSetId, { status: "PAUSED" })
      expect((await effective(adId)).effective_status).toBe("ADSET_PAUSED")
      await ads.post(adSetId, { status: "ARCHIVED" })
      expect((await ads.get(`${ACT}/adsets`)).body.data).toEqual([])
      expect((await ads.get(`${ACT}/adsets`, { effective_status: JSON.stringify(["ARCHIVED"]) })).body.data).toEqual([{ id: adSetId }])
      expect(refusal(await ads.post(adSetId, { daily_budget: 9000 })).title).toBe("Ad Set Archived")
      expect(await ads.del(campaignId)).toMatchObject({ status: 200, body: { success: true } })
      expect(await effective(adId)).toEqual({ id: adId, status: "ACTIVE", effective_status: "DELETED" })
      expect(refusal(await ads.post(campaignId, { name: "again" })).title).toBe("Campaign Deleted")
      expect(refusal(await ads.post(campaignId, { status: "BOGUS" })).blame).toEqual(["status"])
    })

    it("changes names and budgets (checked like on create), never the objective or the budget type", async () => {
      const { campaignId, adSetId } = await ads.tree()
      expect((await ads.post(adSetId, { daily_budget: 7000, name: "Scaled" })).body).toEqual({ success: true })
      expect((await ads.get(adSetId, { fields: "name,daily_budget" })).body).toEqual({ id: adSetId, name: "Scaled", daily_budget: "7000" })
      expect(refusal(await ads.post(adSetId, { daily_budget: 10 })).subcode).toBe(1885272)
      expect(refusal(await ads.post(adSetId, { lifetime_budget: 100000 })).title).toBe("Budget Type Can't Be Changed")
      expect(refusal(await ads.post(campaignId, { objective: "OUTCOME_TRAFFIC" })).title).toBe("Objective Can't Be Changed")
      expect(refusal(await ads.post(campaignId, { daily_budget: 10000 })).subcode).toBe(1885621)
    })

    it("validate_only checks a write and changes nothing; writes() logs every write without the token", async () => {
      const campaignId = await ads.campaign()
      emulator.ads.clearWrites()
      const answer = await ads.post(`${ACT}/adsets`, { ...SALES_AD_SET(campaignId), execution_options: ["validate_only"] })
      expect(answer.body).toEqual({ success: true })
      expect(emulator.ads.adSets(campaignId)).toHaveLength(0)
      await ads.post(campaignId, { status: "PAUSED", execution_options: ["validate_only"] })
      expect(emulator.ads.campaigns(ACT)[0].status).toBe("ACTIVE")
      await ads.post(`${ACT}/adsets`, { ...SALES_AD_SET(campaignId), daily_budget: 1 })
      const writes = emulator.ads.writes()
      expect(writes.map((w) => [w.method, w.path, w.outcome])).toEqual([
        ["POST", `/v25.0/${ACT}/adsets`, "validated"],
        ["POST", `/v25.0/${campaignId}`, "validated"],
        ["POST", `/v25.0/${ACT}/adsets`, "refused"],
      ])
      expect(writes[2].error).toEqual({ code: 100, subcode: 1885272 })
      expect(writes[0].params).toMatchObject({ name: "US buyers", daily_budget: 5000 })
      expect(JSON.stringify(writes)).not.toContain(token)
      await ads.get(`${ACT}/campaigns`)
      expect(emulator.ads.writes()).toHaveLength(3)
    })
  })

  describe("lists, paging and field expansion", () => {
    it("pages edges by cursor and nested edges by their own limit, with paging.next on the parent's edge", async () => {
      const seeded = emulator.ads.seedAccount({ id: ACT, campaigns: 30, adSetsPerCampaign: 3, adsPerAdSet: 2 })
      const fields = "id,name,status,effective_status,objective,daily_budget,lifetime_budget,bid_strategy,start_time,stop_time,adsets.limit(2){id,name,daily_budget,ads.limit(100){id,name,effective_status}}"
      const first = await ads.get(`${ACT}/campaigns`, { fields, summary: "total_count" })
      expect(first.body.data).toHaveLength(25)
      expect(first.body.summary).toEqual({ total_count: 30 })
      // Newest first, as Meta lists them.
      expect(first.body.data[0].id).toBe(seeded.campaignIds[29])
      const campaign = first.body.data[0]
      expect(campaign).toMatchObject({ status: "ACTIVE", effective_status: "ACTIVE", objective: "OUTCOME_SALES", start_time: expect.stringMatching(/-0800$/) })
      expect(campaign.adsets.data).toHaveLength(2)
      expect(campaign.adsets.data[0].ads.data).toHaveLength(2)
      expect(campaign.adsets.data[0].daily_budget).toBe("1000")
      const nestedNext = new URL(campaign.adsets.paging.next)
      expect(nestedNext.pathname).toBe(`/v25.0/${campaign.id}/adsets`)
      expect(nestedNext.searchParams.get("fields")).toBe("id,name,daily_budget,ads.limit(100){id,name,effective_status}")
      const rest = await (await fetch(nestedNext)).json()
      expect(rest.data).toHaveLength(1)
      expect(rest.data[0].ads.data).toHaveLength(2)
      expect(rest.paging.next).toBeUndefined()

      const second = await (await fetch(first.body.paging.next)).json()
      expect(second.data).toHaveLength(5)
      expect(second.paging.next).toBeUndefined()
      const all = [...first.body.data, ...second.data].map((c: { id: string }) => c.id)
      expect(new Set(all).size).toBe(30)

      const filtered = await ads.get(`${ACT}/ads`, {
        fields: "id,adset_id,campaign{id,name}",
        filtering: JSON.stringify([{ field: "adset.id", operator: "IN", value: [seeded.adSetIds[0]] }]),
      })
      expect(filtered.body.data).toHaveLength(2)
      expect(filtered.body.data[0]).toMatchObject({ adset_id: seeded.adSetIds[0], campaign: { id: seeded.campaignIds[0], name: "Campaign 1" } })
      expect(refusal(await ads.get(`${ACT}/campaigns`, { fields: "adsets{nope}" })).message).toBe("(#100) Tried accessing nonexisting field (nope) on node type (AdSet)")
    })
  })

  describe("copies", () => {
    it("deep-copies an ad set with its ads, PAUSED, renamed, and answers copied_adset_id with ad_object_ids", async () => {
      const { adSetId, adId, creativeId } = await ads.tree()
      const second = await ads.ad(adSetId, creativeId, { name: "Second" })
      const copy = await ads.post(`${adSetId}/copies`, { deep_copy: true, status_option: "PAUSED" })
      expect(copy.status).toBe(200)
      expect(copy.body).toEqual({
        copied_adset_id: expect.stringMatching(/^\d+$/),
        ad_object_ids: [
          { ad_object_type: "ad_set", source_id: adSetId, copied_id: copy.body.copied_adset_id },
          { ad_object_type: "ad", source_id: adId, copied_id: expect.any(String) },
          { ad_object_type: "ad", source_id: second, copied_id: expect.any(String) },
        ],
      })
      const read = await ads.get(copy.body.copied_adset_id, { fields: "name,status,daily_budget,targeting,ads{name,status,creative}" })
      expect(read.body).toMatchObject({ name: "US buyers - Copy", status: "PAUSED", daily_budget: "5000", targeting: { geo_locations: { countries: ["US"] } } })
      expect(read.body.ads.data.map((a: { name: string; status: string }) => [a.name, a.status])).toEqual([
        ["Second", "PAUSED"],
        ["Tee ad", "PAUSED"],
      ])
      expect((await ads.get(`${adSetId}/copies`)).body.data).toEqual([{ id: copy.body.copied_adset_id }])

      const inherited = await ads.post(`${adSetId}/copies`, { status_option: "INHERITED_FROM_SOURCE", rename_options: { rename_strategy: "NO_RENAME" } })
      expect((await ads.get(inherited.body.copied_adset_id, { fields: "name,status" })).body).toMatchObject({ name: "US buyers", status: "ACTIVE" })
      expect(inherited.body.ad_object_ids).toHaveLength(1)
    })

    it("refuses a synchronous deep copy of more than 3 objects; the ads can be copied one by one", async () => {
      const { adSetId, creativeId } = await ads.tree()
      await ads.ad(adSetId, creativeId, { name: "Two" })
      await ads.ad(adSetId, creativeId, { name: "Three" })
      expect(refusal(await ads.post(`${adSetId}/copies`, { deep_copy: true })).title).toBe("Too Many Objects to Copy")
      const shell = await ads.post(`${adSetId}/copies`, { deep_copy: false })
      for (const ad of emulator.ads.ads(adSetId)) {
        const copied = await ads.post(`${ad.id}/copies`, { adset_id: shell.body.copied_adset_id, status_option: "PAUSED" })
        expect(copied.body).toEqual({ copied_ad_id: expect.any(String) })
      }
      expect(emulator.ads.ads(shell.body.copied_adset_id).map((a) => [a.name, a.status])).toEqual([
        ["Tee ad - Copy", "PAUSED"],
        ["Two - Copy", "PAUSED"],
        ["Three - Copy", "PAUSED"],
      ])
    })
  })
})
