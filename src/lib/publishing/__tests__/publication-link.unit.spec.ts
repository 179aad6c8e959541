import { isPublicationId, publicationIdFromLanding, publicationLink } from "../publication-link"

const ID = "metapub_01JABCDEF0123456789XYZ"
const TAGS = `utm_source=instagram&utm_medium=social&utm_campaign=meta_publishing&utm_content=${ID}`

describe("publicationLink", () => {
  it.each([
    ["https://shop.example/products/tee", `https://shop.example/products/tee?${TAGS}`],
    ["https://shop.example/products/tee?variant=42", `https://shop.example/products/tee?variant=42&${TAGS}`],
    ["https://shop.example/products/tee#reviews", `https://shop.example/products/tee?${TAGS}#reviews`],
    ["https://shop.example/products/tee?a=1#top", `https://shop.example/products/tee?a=1&${TAGS}#top`],
    ["https://shop.example/products/tee?", `https://shop.example/products/tee?${TAGS}`],
    ["https://shop.example/products/tee?&&a=1&", `https://shop.example/products/tee?a=1&${TAGS}`],
    ["https://shop.example", `https://shop.example/?${TAGS}`],
    ["  https://shop.example/p  ", `https://shop.example/p?${TAGS}`],
    ["https://SHOP.example:443/p", `https://shop.example/p?${TAGS}`],
  ])("%p → %p", (input, expected) => {
    expect(publicationLink(input, { publicationId: ID, platform: "instagram" })).toBe(expected)
  })

  it("replaces any utm parameter already there, whatever its case or encoding", () => {
    const out = publicationLink(
      "https://shop.example/p?utm_source=newsletter&color=blue&UTM_Campaign=xmas&utm%5Fmedium=email&utm_term=tee&size=m",
      { publicationId: ID, platform: "facebook" }
    )
    expect(out).toBe(
      `https://shop.example/p?color=blue&size=m&utm_source=facebook&utm_medium=social&utm_campaign=meta_publishing&utm_content=${ID}`
    )
  })

  it("keeps other parameters exactly as encoded, flags and repeats included", () => {
    expect(publicationLink("https://shop.example/p?q=a%20b&q=c+d&flag&x=%E2%82%AC", { publicationId: ID, platform: "instagram" })).toBe(
      `https://shop.example/p?q=a%20b&q=c+d&flag&x=%E2%82%AC&${TAGS}`
    )
  })

  it("does not mistake a parameter that merely contains utm_ for one", () => {
    expect(publicationLink("https://shop.example/p?not_utm_source=1", { publicationId: ID, platform: "instagram" })).toBe(
      `https://shop.example/p?not_utm_source=1&${TAGS}`
    )
  })

  it("encodes the id", () => {
    expect(publicationLink("https://shop.example/p", { publicationId: "a b&c", platform: "instagram" })).toMatch(/utm_content=a%20b%26c$/)
  })

  it("is idempotent", () => {
    const once = publicationLink("https://shop.example/p?a=1", { publicationId: ID, platform: "instagram" })
    expect(publicationLink(once, { publicationId: ID, platform: "instagram" })).toBe(once)
  })

  it("keeps relative links relative", () => {
    expect(publicationLink("/products/tee?a=1#x", { publicationId: ID, platform: "instagram" })).toBe(`/products/tee?a=1&${TAGS}#x`)
    expect(publicationLink("products/tee", { publicationId: ID, platform: "instagram" })).toBe(`products/tee?${TAGS}`)
  })

  it("returns what is no URL unchanged", () => {
    expect(publicationLink("", { publicationId: ID, platform: "instagram" })).toBe("")
    expect(publicationLink("http://", { publicationId: ID, platform: "instagram" })).toBe("http://")
    expect(publicationLink(undefined as unknown as string, { publicationId: ID, platform: "instagram" })).toBeUndefined()
  })
})

describe("publicationIdFromLanding", () => {
  it("reads back what publicationLink wrote", () => {
    for (const platform of ["instagram", "facebook"] as const) {
      expect(publicationIdFromLanding(publicationLink("https://shop.example/p?a=1#x", { publicationId: ID, platform }))).toBe(ID)
    }
  })

  it.each([
    [`https://shop.example/p?${TAGS}`, ID],
    [`/p?${TAGS}`, ID],
    [`?${TAGS}`, ID],
    [TAGS, ID],
    [`${TAGS}#frag`, ID],
    [`shop.example/p?${TAGS}`, ID],
    [`utm_campaign=META_PUBLISHING&UTM_CONTENT=${ID}`, ID],
    [`utm_campaign=meta_publishing&utm_content=%20${ID}%20`, ID],
    [`utm_campaign=meta_publishing&utm_content=${ID}&utm_content=metapub_other`, ID],
    ["utm_campaign=xmas&utm_content=metapub_01J", null],
    ["utm_campaign=meta_publishing&utm_content=order_01J", null],
    ["utm_campaign=meta_publishing&utm_content=metapub_", null],
    ["utm_campaign=meta_publishing&utm_content=metapub_01J%3Cscript%3E", null],
    [`utm_campaign=meta_publishing&utm_content=metapub_${"a".repeat(65)}`, null],
    ["utm_campaign=meta_publishing", null],
    [`utm_content=${ID}`, null],
    ["https://shop.example/p", null],
    ["", null],
    ["   ", null],
    ["%%%", null],
    ["not a url at all", null],
  ])("%p → %p", (input, expected) => {
    expect(publicationIdFromLanding(input)).toBe(expected)
  })

  it.each([
    [{ utm_campaign: "meta_publishing", utm_content: ID }, ID],
    [{ UTM_CAMPAIGN: "meta_publishing", Utm_Content: ID }, ID],
    [{ utm_campaign: ["meta_publishing", "x"], utm_content: [ID] }, ID],
    [{ utm_campaign: "meta_publishing", utm_content: [5, ID] }, ID],
    [{ utm_campaign: "meta_publishing", utm_content: 42 }, null],
    [{ utm_campaign: "meta_publishing", utm_content: { nested: ID } }, null],
    [{ utm_campaign: "other", utm_content: ID }, null],
    [{}, null],
  ])("reads the parsed query %j", (query, expected) => {
    expect(publicationIdFromLanding(query)).toBe(expected)
  })

  it.each([null, undefined, 42, true, [], ["utm_campaign=meta_publishing"]])("returns null for %p", (input) => {
    expect(publicationIdFromLanding(input as never)).toBeNull()
  })
})

describe("isPublicationId", () => {
  it("knows our ids", () => {
    expect(isPublicationId(ID)).toBe(true)
    expect(isPublicationId("metapub_x")).toBe(true)
    expect(isPublicationId("metapub")).toBe(false)
    expect(isPublicationId("METAPUB_01J")).toBe(false)
    expect(isPublicationId(null)).toBe(false)
  })
})
