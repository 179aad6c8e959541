import type { MetaPublicationKind } from "../../../types/http/publishing"
import {
  defaultTagPositions,
  kindTakesProductTags,
  planProductTags,
  productTagIssues,
  productTagsParam,
  resolveProductTags,
  type CatalogMatch,
  type ProductTagDraft,
} from "../product-tags"
import { validatePublication } from "../validate-publication"

const draft = (over: Partial<ProductTagDraft> = {}): ProductTagDraft => ({
  kind: "instagram_image",
  mediaTypes: ["image"],
  product_ids: ["prod_a", "prod_b"],
  product_tags: [],
  ...over,
})
const errors = (d: ProductTagDraft) => productTagIssues(d).filter((i) => i.severity === "error")
const warnings = (d: ProductTagDraft) => productTagIssues(d).filter((i) => i.severity === "warning")

describe("kindTakesProductTags", () => {
  it.each<[MetaPublicationKind, boolean]>([
    ["instagram_image", true],
    ["instagram_carousel", true],
    ["instagram_reel", true],
    ["instagram_story", false],
    ["facebook_photo", false],
    ["facebook_post", false],
  ])("%s → %s", (kind, expected) => expect(kindTakesProductTags(kind)).toBe(expected))
})

describe("productTagIssues", () => {
  it("accepts placed, unplaced and edge-of-image tags", () => {
    expect(productTagIssues(draft({ product_tags: [{ product_id: "prod_a", x: 0, y: 1 }, { product_id: "prod_b" }] }))).toEqual([])
    expect(productTagIssues(draft({ product_tags: null }))).toEqual([])
    expect(productTagIssues(draft({ product_tags: undefined }))).toEqual([])
  })

  it("refuses a sixth tag on one image, naming product_tags", () => {
    const ids = ["p1", "p2", "p3", "p4", "p5", "p6"]
    const found = errors(draft({ product_ids: ids, product_tags: ids.map((product_id, i) => ({ product_id, x: i / 10, y: 0.5 })) }))
    expect(found).toEqual([expect.objectContaining({ field: "product_tags", message: expect.stringContaining("at most 5") })])
  })

  it("counts per slide in a carousel: 5 + 5 is fine, 6 on slide 2 is not", () => {
    const ids = ["p1", "p2", "p3", "p4", "p5", "p6"]
    const tags = (media_index: number, n: number) => ids.slice(0, n).map((product_id) => ({ product_id, media_index }))
    expect(errors(draft({ kind: "instagram_carousel", mediaTypes: ["image", "image"], product_ids: ids, product_tags: [...tags(0, 5), ...tags(1, 5)] }))).toEqual([])
    const six = errors(draft({ kind: "instagram_carousel", mediaTypes: ["image", "image"], product_ids: ids, product_tags: tags(1, 6) }))
    expect(six[0].message).toContain("slide 2 has 6")
  })

  it("refuses the same product twice on one image, but allows it on two slides", () => {
    expect(errors(draft({ product_tags: [{ product_id: "prod_a", x: 0.1, y: 0.1 }, { product_id: "prod_a", x: 0.9, y: 0.9 }] }))).toEqual([
      expect.objectContaining({ field: "product_tags.1.product_id", message: expect.stringContaining("twice") }),
    ])
    expect(
      errors(draft({ kind: "instagram_carousel", mediaTypes: ["image", "image"], product_tags: [{ product_id: "prod_a", media_index: 0 }, { product_id: "prod_a", media_index: 1 }] }))
    ).toEqual([])
  })

  it.each<[string, Record<string, unknown>, string]>([
    ["x above 1", { product_id: "prod_a", x: 1.5, y: 0.5 }, "product_tags.0.x"],
    ["y below 0", { product_id: "prod_a", x: 0.5, y: -0.001 }, "product_tags.0.y"],
    ["x NaN", { product_id: "prod_a", x: Number.NaN, y: 0.5 }, "product_tags.0.x"],
    ["x Infinity", { product_id: "prod_a", x: Infinity, y: 0.5 }, "product_tags.0.x"],
    ["x as a string", { product_id: "prod_a", x: "0.5", y: 0.5 }, "product_tags.0.x"],
    ["only x", { product_id: "prod_a", x: 0.5 }, "product_tags.0.y"],
    ["only y", { product_id: "prod_a", y: 0.5 }, "product_tags.0.x"],
    ["no product", { x: 0.5, y: 0.5 }, "product_tags.0.product_id"],
    ["a blank product", { product_id: "  ", x: 0.5, y: 0.5 }, "product_tags.0.product_id"],
    ["a product not shown", { product_id: "prod_z", x: 0.5, y: 0.5 }, "product_tags.0.product_id"],
    ["media_index past the media", { product_id: "prod_a", media_index: 1 }, "product_tags.0.media_index"],
    ["a negative media_index", { product_id: "prod_a", media_index: -1 }, "product_tags.0.media_index"],
    ["a fractional media_index", { product_id: "prod_a", media_index: 0.5 }, "product_tags.0.media_index"],
  ])("refuses %s, naming the field", (_, tag, field) => {
    expect(errors(draft({ product_tags: [tag] })).map((i) => i.field)).toContain(field)
  })

  it("refuses entries that are not tags, and a product_tags that is not a list", () => {
    expect(errors(draft({ product_tags: [null, "prod_a", 7] })).map((i) => i.field)).toEqual(["product_tags.0", "product_tags.1", "product_tags.2"])
    expect(errors(draft({ product_tags: "prod_a" as never }))).toEqual([expect.objectContaining({ field: "product_tags" })])
  })

  it("refuses tags on Facebook posts and warns that stories drop them", () => {
    expect(errors(draft({ kind: "facebook_photo", product_tags: [{ product_id: "prod_a" }] }))[0].message).toContain("Instagram feature")
    const story = productTagIssues(draft({ kind: "instagram_story", product_tags: [{ product_id: "prod_a", x: 0.5, y: 0.5 }] }))
    expect(story).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("stories") })])
  })

  it("warns that a position on a video is not sent", () => {
    expect(warnings(draft({ kind: "instagram_reel", mediaTypes: ["video"], product_tags: [{ product_id: "prod_a", x: 0.5, y: 0.5 }] }))).toEqual([
      expect.objectContaining({ field: "product_tags.0.x" }),
    ])
  })

  it("is part of validatePublication", () => {
    const issues = validatePublication(
      {
        kind: "instagram_image",
        media: [{ url: "https://cdn.example.com/a.jpg", probe: { type: "image", mime: "image/jpeg", width: 1080, height: 1080, bytes: 1000 } }],
        product_ids: ["prod_a"],
        product_tags: [{ product_id: "prod_a", x: 2, y: 0.5 }],
      },
      { now: new Date("2026-12-01T12:00:00Z") }
    )
    expect(issues.filter((i) => i.severity === "error").map((i) => i.field)).toEqual(["product_tags.0.x"])
  })
})

describe("defaultTagPositions", () => {
  it("spreads spots along the middle, inside the image, rounded", () => {
    expect(defaultTagPositions(1)).toEqual([{ x: 0.5, y: 0.5 }])
    expect(defaultTagPositions(3)).toEqual([{ x: 0.25, y: 0.5 }, { x: 0.5, y: 0.5 }, { x: 0.75, y: 0.5 }])
    expect(defaultTagPositions(0)).toEqual([])
    expect(defaultTagPositions(-2)).toEqual([])
  })

  it("never puts two spots on one another, nor on a placed tag", () => {
    for (let n = 1; n <= 5; n++) {
      const taken = [{ x: 0.5, y: 0.5 }]
      const spots = defaultTagPositions(n, taken)
      expect(spots).toHaveLength(n)
      const all = [...taken, ...spots]
      for (const s of spots) {
        expect(s.x).toBeGreaterThanOrEqual(0)
        expect(s.x).toBeLessThanOrEqual(1)
        expect(all.filter((o) => Math.abs(o.x - s.x) <= 0.05 && Math.abs(o.y - s.y) <= 0.05)).toHaveLength(1)
      }
    }
  })
})

describe("planProductTags", () => {
  it("keeps placed spots and gives unplaced products shown default spots on the first image", () => {
    const plan = planProductTags(draft({ product_ids: ["prod_a", "prod_b", "prod_c"], product_tags: [{ product_id: "prod_b", x: 0.2, y: 0.8 }] }))
    expect(plan.media[0]).toEqual([
      { product_id: "prod_b", x: 0.2, y: 0.8 },
      { product_id: "prod_a", x: expect.any(Number), y: expect.any(Number) },
      { product_id: "prod_c", x: expect.any(Number), y: expect.any(Number) },
    ])
    expect(plan.issues).toEqual([])
  })

  it("tags every product shown even with no placements", () => {
    expect(planProductTags(draft({ product_tags: undefined })).media).toEqual([[{ product_id: "prod_a", x: 0.333, y: 0.5 }, { product_id: "prod_b", x: 0.667, y: 0.5 }]])
  })

  it("puts carousel tags on their slides, videos without spots, and overflows to the next slide with room", () => {
    const ids = ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    const plan = planProductTags(
      draft({ kind: "instagram_carousel", mediaTypes: ["image", "video"], product_ids: ids, product_tags: [{ product_id: "p7", media_index: 1, x: 0.3, y: 0.3 }] })
    )
    expect(plan.media[0].map((t) => t.product_id)).toEqual(["p1", "p2", "p3", "p4", "p5"])
    expect(plan.media[1]).toEqual([{ product_id: "p7" }, { product_id: "p6" }])
  })

  it("leaves products off with a warning once every media has 5 tags", () => {
    const ids = ["p1", "p2", "p3", "p4", "p5", "p6"]
    const plan = planProductTags(draft({ product_ids: ids }))
    expect(plan.media[0]).toHaveLength(5)
    expect(plan.issues).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("p6") })])
  })

  it("plans nothing for stories, Facebook or a post without media, and ignores tags of products not shown", () => {
    expect(planProductTags(draft({ kind: "instagram_story" })).media).toEqual([[]])
    expect(planProductTags(draft({ kind: "facebook_photo" })).media).toEqual([[]])
    expect(planProductTags(draft({ mediaTypes: [] })).media).toEqual([])
    expect(planProductTags(draft({ product_ids: ["prod_a"], product_tags: [{ product_id: "prod_x", x: 0.1, y: 0.1 }] })).media).toEqual([[{ product_id: "prod_a", x: 0.5, y: 0.5 }]])
  })

  it("dedupes products shown twice", () => {
    expect(planProductTags(draft({ product_ids: ["prod_a", "prod_a"] })).media[0]).toHaveLength(1)
  })
})

describe("resolveProductTags", () => {
  const matches = new Map<string, CatalogMatch>([
    ["prod_a", { status: "found", meta_product_id: "9001", review_status: "approved" }],
    ["prod_b", { status: "not_synced" }],
    ["prod_c", { status: "not_found" }],
    ["prod_d", { status: "found", meta_product_id: "9004", review_status: "rejected" }],
    ["prod_e", { status: "found", meta_product_id: "9005", review_status: "pending" }],
    ["prod_f", { status: "found", meta_product_id: "9001", review_status: "approved" }],
  ])
  const titles = new Map([["prod_b", "Canvas Tote"]])

  it("swaps in Meta ids and leaves off what Meta cannot tag, each with a warning naming the product", () => {
    const planned = [[
      { product_id: "prod_a", x: 0.1, y: 0.2 },
      { product_id: "prod_b", x: 0.3, y: 0.3 },
      { product_id: "prod_c", x: 0.4, y: 0.4 },
      { product_id: "prod_d", x: 0.5, y: 0.5 },
      { product_id: "prod_e", x: 0.6, y: 0.6 },
    ]]
    const out = resolveProductTags(planned, { block: null, matches, productTitles: titles })
    expect(out.media).toEqual([[{ product_id: "9001", x: 0.1, y: 0.2 }, { product_id: "9005", x: 0.6, y: 0.6 }]])
    const messages = out.issues.map((i) => i.message)
    expect(messages[0]).toMatch(/^“Canvas Tote” is not in the synced Meta catalog/)
    expect(messages[1]).toMatch(/^Product prod_c is not in the catalog of this account's Instagram Shop/)
    expect(messages[2]).toContain("rejected")
    expect(messages[3]).toContain("review")
    expect(out.issues.every((i) => i.severity === "warning" && i.field === "product_tags")).toBe(true)
  })

  it("warns once per product across slides, and sends one Meta product once per media", () => {
    const out = resolveProductTags([[{ product_id: "prod_b" }, { product_id: "prod_a" }, { product_id: "prod_f" }], [{ product_id: "prod_b" }]], { block: null, matches })
    expect(out.media).toEqual([[{ product_id: "9001" }], []])
    expect(out.issues).toHaveLength(1)
  })

  it.each(["not_eligible", "no_permission", "no_shop_catalog", "catalog_not_in_shop", "unavailable"] as const)("a %s block leaves every tag off with one warning", (block) => {
    const out = resolveProductTags([[{ product_id: "prod_a", x: 0.5, y: 0.5 }], [{ product_id: "prod_a" }]], { block, matches })
    expect(out.media).toEqual([[], []])
    expect(out.issues).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringContaining("without product tags") })])
  })

  it("says nothing when nothing was to be tagged, block or not", () => {
    expect(resolveProductTags([[], []], { block: "not_eligible", matches })).toEqual({ media: [[], []], issues: [] })
  })
})

describe("productTagsParam", () => {
  it("is a JSON list with spots only where given, none for no tags", () => {
    expect(productTagsParam([{ product_id: "1", x: 0.5, y: 0.25 }, { product_id: "2" }])).toBe('[{"product_id":"1","x":0.5,"y":0.25},{"product_id":"2"}]')
    expect(productTagsParam([])).toBeUndefined()
  })
})
