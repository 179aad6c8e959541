import { presentUsage } from "../present-usage"

const at = Date.UTC(2026, 10, 22, 12)
const entry = (type: string, callCount: number, regain = 0) => ({
  type,
  callCount,
  totalCputime: 1,
  totalTime: 2,
  estimatedTimeToRegainAccessMinutes: regain,
})

const assets = [
  { type: "page", meta_id: "30001", name: "Acme Store" },
  { type: "instagram_account", meta_id: "17841400000000001", name: "acme.store" },
  { type: "ad_account", meta_id: "act_50001", name: "Acme Ads" },
  { type: "catalog", meta_id: "70001", name: "Acme Catalog" },
]

describe("presentUsage", () => {
  it("is empty before any call", () => {
    expect(presentUsage({ app: null, businessUseCase: {}, adAccounts: {} })).toEqual({ app: null, objects: [] })
  })

  it("flattens per-object entries, busiest first, with ISO dates", () => {
    const view = presentUsage({
      app: { callCount: 12, totalCputime: 3, totalTime: 4, updatedAt: at },
      businessUseCase: { "30001": { updatedAt: at, entries: [entry("pages", 20), entry("instagram", 101, 7)] } },
      adAccounts: { act_50001: { accIdUtilPct: 55.5, resetTimeDurationSec: 30, updatedAt: at } },
    })
    expect(view.app).toEqual({ call_count: 12, total_cputime: 3, total_time: 4, updated_at: "2026-11-22T12:00:00.000Z" })
    expect(view.objects.map((o) => [o.id, o.type, o.call_count, o.regain_access_minutes])).toEqual([
      ["30001", "instagram", 101, 7],
      ["act_50001", "ad_account", 55.5, 0],
      ["30001", "pages", 20, 0],
    ])
  })

  it("names each budget after the asset it belongs to", () => {
    const view = presentUsage(
      {
        app: null,
        businessUseCase: {
          "30001": { updatedAt: at, entries: [entry("pages", 30)] },
          "17841400000000001": { updatedAt: at, entries: [entry("instagram", 20)] },
          "70001": { updatedAt: at, entries: [entry("catalog_management", 10)] },
        },
        adAccounts: { act_50001: { accIdUtilPct: 5, resetTimeDurationSec: 0, updatedAt: at } },
      },
      assets
    )
    expect(view.objects.map((o) => [o.label, o.name])).toEqual([
      ["Page calls of the Page “Acme Store”", "Acme Store"],
      ["Instagram calls of the Instagram account “acme.store”", "acme.store"],
      ["Catalog calls of the catalog “Acme Catalog”", "Acme Catalog"],
      ["Ad account calls of the ad account “Acme Ads”", "Acme Ads"],
    ])
  })

  it("matches ad accounts with or without the act_ prefix on either side", () => {
    const bare = [{ type: "ad_account", meta_id: "50001", name: "Bare Ads" }]
    const fromBare = presentUsage(
      { app: null, businessUseCase: {}, adAccounts: { act_50001: { accIdUtilPct: 1, resetTimeDurationSec: 0, updatedAt: at } } },
      bare
    )
    expect(fromBare.objects[0].name).toBe("Bare Ads")
    const fromPrefixed = presentUsage(
      { app: null, businessUseCase: { "50001": { updatedAt: at, entries: [entry("ads_management", 1)] } }, adAccounts: {} },
      assets.concat({ type: "ad_account", meta_id: "act_50001", name: "Acme Ads" })
    )
    expect(fromPrefixed.objects[0].label).toBe("Ads management calls of the ad account “Acme Ads”")
  })

  it("says what an unknown object probably is and keeps its id, instead of a bare number", () => {
    const view = presentUsage(
      {
        app: null,
        businessUseCase: {
          "99999": { updatedAt: at, entries: [entry("pages", 3)] },
          "88888": { updatedAt: at, entries: [entry("whatsapp_business_management", 2)] },
        },
        adAccounts: { act_1: { accIdUtilPct: 1, resetTimeDurationSec: 0, updatedAt: at } },
      },
      assets
    )
    expect(view.objects.map((o) => [o.label, o.name])).toEqual([
      ["Page calls of a Page with id 99999", null],
      ["Whatsapp business management calls of a Meta object with id 88888", null],
      ["Ad account calls of an ad account with id act_1", null],
    ])
  })

  it("does not take a Page's name for an Instagram account that shares no id with it", () => {
    const view = presentUsage(
      { app: null, businessUseCase: { "17841400000000002": { updatedAt: at, entries: [entry("instagram", 1)] } }, adAccounts: {} },
      assets
    )
    expect(view.objects[0].label).toBe("Instagram calls of an Instagram account with id 17841400000000002")
  })
})
