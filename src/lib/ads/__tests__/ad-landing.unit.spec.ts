import { AD_ATTRIBUTION_WINDOW_MS, AD_URL_TAGS, adFromLanding, fbcClickTime, isAdLanding, isMetaSource, orderAdAttribution } from "../ad-landing"
import { publicationIdFromLanding } from "../../publishing/publication-link"

const SHOP = "https://shop.example.com/products/tote"
/** What Meta makes of AD_URL_TAGS at click time for ad 120200000000003 in ad set …02 of campaign …01. */
const TAGGED = `${SHOP}?utm_source=facebook&utm_medium=paid&utm_campaign=120200000000001&utm_term=120200000000002&utm_content=120200000000003`
const FULL = { ad_id: "120200000000003", ad_set_id: "120200000000002", campaign_id: "120200000000001" }
const NONE = { ad_id: null, ad_set_id: null, campaign_id: null }

describe("AD_URL_TAGS", () => {
  it("are Meta's dynamic parameters for campaign, ad set and ad, with a Meta source and a paid medium", () => {
    const params = new URLSearchParams(AD_URL_TAGS)
    expect(Object.fromEntries(params)).toEqual({
      utm_source: "facebook",
      utm_medium: "paid",
      utm_campaign: "{{campaign.id}}",
      utm_term: "{{adset.id}}",
      utm_content: "{{ad.id}}",
    })
  })

  it("filled in by Meta, read back as the ad, ad set and campaign", () => {
    const filled = AD_URL_TAGS.replace("{{campaign.id}}", "11").replace("{{adset.id}}", "22").replace("{{ad.id}}", "33")
    expect(adFromLanding(`${SHOP}?${filled}`)).toEqual({ ad_id: "33", ad_set_id: "22", campaign_id: "11" })
  })

  it("left unresolved (an ad preview), still a landing from a Meta ad with the ad unknown", () => {
    expect(adFromLanding(`${SHOP}?${AD_URL_TAGS}`)).toEqual(NONE)
  })
})

describe("adFromLanding", () => {
  it.each<[string, string | null | undefined, ReturnType<typeof adFromLanding>]>([
    ["the plugin's tags", TAGGED, FULL],
    ["a path with a query", "/products/tote?utm_source=facebook&utm_content=42", { ...NONE, ad_id: "42" }],
    ["a bare query string", "?utm_source=instagram&utm_content=42", { ...NONE, ad_id: "42" }],
    ["a bare query string without ?", "utm_source=ig&utm_content=42&utm_term=7", { ...NONE, ad_id: "42", ad_set_id: "7" }],
    ["a merchant's own ad_id, no utm at all", `${SHOP}?ad_id=120200000000009`, { ...NONE, ad_id: "120200000000009" }],
    ["ad_id beats utm_content", `${SHOP}?utm_source=facebook&utm_content=1&ad_id=2`, { ...NONE, ad_id: "2" }],
    ["plain adset_id and campaign_id", `${SHOP}?adset_id=5&campaign_id=6`, { ...NONE, ad_set_id: "5", campaign_id: "6" }],
    ["ad_set_id spelled out", `${SHOP}?ad_set_id=5`, { ...NONE, ad_set_id: "5" }],
    ["utm_id as the campaign (GA4)", `${SHOP}?utm_source=facebook&utm_medium=paid&utm_id=77`, { ...NONE, campaign_id: "77" }],
    ["utm_campaign beats utm_id", `${SHOP}?utm_source=facebook&utm_campaign=76&utm_id=77`, { ...NONE, campaign_id: "76" }],
    ["a named campaign falls back to utm_id", `${SHOP}?utm_source=facebook&utm_campaign=summer_sale&utm_id=77`, { ...NONE, campaign_id: "77" }],
    ["keys in capitals", `${SHOP}?UTM_SOURCE=Facebook&UTM_CONTENT=42`, { ...NONE, ad_id: "42" }],
    ["percent-encoded keys and values", `${SHOP}?utm%5Fsource=facebook&utm_content=%34%32`, { ...NONE, ad_id: "42" }],
    ["values with spaces around (+)", `${SHOP}?utm_source=+facebook+&utm_content=+42+`, { ...NONE, ad_id: "42" }],
    ["a fragment after the query", `${SHOP}?utm_source=facebook&utm_content=42#reviews`, { ...NONE, ad_id: "42" }],
    ["a fragment in a bare query", "utm_source=facebook&utm_content=42#ad_id=99", { ...NONE, ad_id: "42" }],
    ["utm_source Facebook_Ads", `${SHOP}?utm_source=Facebook_Ads&utm_content=42`, { ...NONE, ad_id: "42" }],
    ["utm_source an (Audience Network)", `${SHOP}?utm_source=an&utm_content=42`, { ...NONE, ad_id: "42" }],
    ["utm_source messenger", `${SHOP}?utm_source=messenger&utm_content=42`, { ...NONE, ad_id: "42" }],
    // duplicates: Meta appends url_tags after the link's own parameters, so the last one counts
    ["a duplicated utm_content: the last wins", `${SHOP}?utm_source=facebook&utm_content=1&utm_content=2`, { ...NONE, ad_id: "2" }],
    [
      "a boosted publication's link with the ad's tags appended",
      `${SHOP}?utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=metapub_01J9&${"utm_source=facebook&utm_medium=paid&utm_campaign=11&utm_term=22&utm_content=33"}`,
      { ad_id: "33", ad_set_id: "22", campaign_id: "11" },
    ],
    ["a later unresolved macro hides an earlier id", `${SHOP}?utm_source=facebook&utm_medium=paid&utm_content=42&utm_content={{ad.id}}`, NONE],
    ["a duplicated utm_source: the last decides", `${SHOP}?utm_source=facebook&utm_source=newsletter&utm_content=42`, null],
    // no id
    ["an unresolved macro, encoded", `${SHOP}?utm_source=facebook&utm_medium=paid&utm_content=%7B%7Bad.id%7D%7D`, NONE],
    ["a double-encoded macro", `${SHOP}?utm_source=facebook&utm_medium=paid&utm_content=%257B%257Bad.id%257D%257D`, NONE],
    ["a literal macro in ad_id", `${SHOP}?ad_id={{ad.id}}`, null],
    ["ad names instead of ids, medium paid", `${SHOP}?utm_source=facebook&utm_medium=cpc&utm_campaign=Summer&utm_content=Blue+tote`, NONE],
    ["Meta source, organic medium, no ids", `${SHOP}?utm_source=facebook&utm_medium=social&utm_campaign=spring`, null],
    ["a numeric utm_content from a newsletter", `${SHOP}?utm_source=newsletter&utm_content=42`, null],
    ["a numeric utm_content without any source", `${SHOP}?utm_content=42`, null],
    ["metadata is not meta", `${SHOP}?utm_source=metadata&utm_content=42`, null],
    ["our own publication link", `${SHOP}?utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=metapub_01J9`, null],
    ["ids only in the fragment (hash router)", `${SHOP}#/?utm_source=facebook&utm_content=42&ad_id=42`, null],
    // non-numeric ids
    ["a negative id", `${SHOP}?ad_id=-42`, null],
    ["a decimal id", `${SHOP}?ad_id=42.5`, null],
    ["an exponent", `${SHOP}?ad_id=4e2`, null],
    ["hex", `${SHOP}?ad_id=0x2A`, null],
    ["a leading zero", `${SHOP}?ad_id=042`, null],
    ["zero", `${SHOP}?ad_id=0`, null],
    ["full-width digits", `${SHOP}?ad_id=４２`, null],
    ["an id with a letter", `${SHOP}?ad_id=42a`, null],
    ["an id too long for Meta", `${SHOP}?ad_id=${"9".repeat(26)}`, null],
    ["an empty ad_id", `${SHOP}?ad_id=`, null],
    ["an act_ prefixed id", `${SHOP}?campaign_id=act_42`, null],
    // not URLs
    ["no query", SHOP, null],
    ["empty", "", null],
    ["blank", "   ", null],
    ["null", null, null],
    ["undefined", undefined, null],
    ["a broken absolute URL", "https://[::1/?ad_id=42", null],
    ["a malformed percent escape", `${SHOP}?utm_source=facebook&utm_content=%E0%A4%A&ad_id=7`, { ...NONE, ad_id: "7" }],
  ])("%s", (_, url, expected) => {
    expect(adFromLanding(url)).toEqual(expected)
    expect(isAdLanding(url)).toBe(expected !== null)
  })

  it("is not fooled by a non-string", () => {
    expect(adFromLanding(42 as unknown as string)).toBeNull()
    expect(adFromLanding({ ad_id: "42" } as unknown as string)).toBeNull()
  })
})

describe("isMetaSource", () => {
  it.each([
    ["facebook", true],
    ["Facebook", true],
    ["fb", true],
    ["ig", true],
    ["instagram_stories", true],
    ["paid-facebook", true],
    ["threads", true],
    ["meta", true],
    ["audience_network", true],
    ["google", false],
    ["fbx", false],
    ["metamask", false],
    ["", false],
  ])("%s → %s", (source, expected) => {
    expect(isMetaSource(source)).toBe(expected)
  })
  it("null and undefined are no source", () => {
    expect(isMetaSource(null)).toBe(false)
    expect(isMetaSource(undefined)).toBe(false)
  })
})

describe("fbcClickTime", () => {
  it.each<[string | null | undefined, number | null]>([
    ["fb.1.1596403881668.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk", 1596403881668],
    ["fb.0.1596403881668.abc.Bg", 1596403881668],
    ["fb.1.1596403881.IwAR_seconds", 1596403881000],
    ["fb.3.1596403881668.abc", null],
    ["fb.1.15964.abc", null],
    ["fb.1.1596403881668.", null],
    ["fbc", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%s → %s", (fbc, expected) => {
    expect(fbcClickTime(fbc)).toBe(expected)
  })
})

describe("orderAdAttribution", () => {
  const placed = Date.UTC(2026, 5, 10, 12)
  const fbcAt = (ms: number) => `fb.1.${ms}.IwAR_click_from_meta`
  const isPublicationLanding = (url: string) => publicationIdFromLanding(url) !== null
  const base = { consent: true, landing_url: null, fbc: null, placed_at: new Date(placed), isPublicationLanding }

  it("credits the ad of the landing", () => {
    expect(orderAdAttribution({ ...base, landing_url: TAGGED, fbc: fbcAt(placed - 1000) })).toEqual({ source: "landing", ...FULL })
  })

  it("credits nothing without consent, even with an ad landing", () => {
    expect(orderAdAttribution({ ...base, consent: false, landing_url: TAGGED })).toBeNull()
    expect(orderAdAttribution({ ...base, consent: null, landing_url: TAGGED })).toBeNull()
    expect(orderAdAttribution({ ...base, consent: undefined, fbc: fbcAt(placed - 1000) })).toBeNull()
  })

  it("marks an order with only a recent Meta click as from Meta ads, ad unknown", () => {
    expect(orderAdAttribution({ ...base, fbc: fbcAt(placed - 3 * 86_400_000) })).toEqual({ source: "fbclid", ...NONE })
    expect(orderAdAttribution({ ...base, fbc: fbcAt(placed - AD_ATTRIBUTION_WINDOW_MS) })).toEqual({ source: "fbclid", ...NONE })
  })

  it("ignores a click older than 7 days, or stamped well after the order", () => {
    expect(orderAdAttribution({ ...base, fbc: fbcAt(placed - AD_ATTRIBUTION_WINDOW_MS - 1) })).toBeNull()
    expect(orderAdAttribution({ ...base, fbc: fbcAt(placed + 2 * 60 * 60 * 1000) })).toBeNull()
    expect(orderAdAttribution({ ...base, fbc: fbcAt(placed + 30 * 60 * 1000) })).toEqual({ source: "fbclid", ...NONE })
  })

  it("does not read a click from one of our organic publications as an ad", () => {
    const publication = `${SHOP}?utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=metapub_01J9`
    expect(orderAdAttribution({ ...base, landing_url: publication, fbc: fbcAt(placed - 1000) })).toBeNull()
  })

  it("a landing that is neither leaves the click to decide", () => {
    expect(orderAdAttribution({ ...base, landing_url: `${SHOP}?utm_source=newsletter`, fbc: fbcAt(placed - 1000) })).toEqual({ source: "fbclid", ...NONE })
    expect(orderAdAttribution({ ...base, landing_url: `${SHOP}?utm_source=newsletter` })).toBeNull()
  })

  it("a malformed click id or order time credits nothing", () => {
    expect(orderAdAttribution({ ...base, fbc: "fb.1.abc.def" })).toBeNull()
    expect(orderAdAttribution({ ...base, placed_at: Number.NaN, fbc: fbcAt(placed) })).toBeNull()
  })
})
