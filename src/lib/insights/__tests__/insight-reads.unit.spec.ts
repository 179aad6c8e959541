import {
  MAX_BATCH_REQUESTS,
  planInsightBatches,
  readBatchAnswer,
  readBatchAnswers,
  type InsightReadItem,
} from "../insight-reads"
import { REASON_NOT_ENOUGH_VIEWERS, REASON_RECONNECT, REASON_STORY_EXPIRED, REASON_TOO_NEW } from "../parse-insights"

const NOW = new Date("2026-09-10T12:00:00Z")
const METRICS = ["views", "reach", "total_interactions"]

function items(n: number, token: (i: number) => string = () => "PAGE_TOKEN_A"): InsightReadItem[] {
  return Array.from({ length: n }, (_, i) => ({
    publicationId: `pub_${i}`,
    mediaId: `1789000000${String(i).padStart(7, "0")}`,
    token: token(i),
    metrics: METRICS,
  }))
}

describe("planInsightBatches", () => {
  it("packs 1,000 publications into 20 calls of 50", () => {
    const batches = planInsightBatches(items(1000))
    expect(batches).toHaveLength(20)
    expect(batches.every((b) => b.requests.length === MAX_BATCH_REQUESTS)).toBe(true)
    expect(batches.flatMap((b) => b.items.map((i) => i.publicationId))).toEqual(items(1000).map((i) => i.publicationId))
  })

  it.each([
    [0, 0],
    [1, 1],
    [50, 1],
    [51, 2],
    [100, 2],
    [101, 3],
  ])("%i publications → %i batches", (n, expected) => {
    expect(planInsightBatches(items(n))).toHaveLength(expected)
  })

  it("writes one GET per publication, relative to the version the client adds", () => {
    const [batch] = planInsightBatches([
      { publicationId: "p1", mediaId: "17890000000000001", token: "T", metrics: ["views", "reach", "views"] },
      { publicationId: "p2", mediaId: "30001_40002", token: "T", metrics: ["post_media_view"] },
      { publicationId: "p3", mediaId: "50003", token: "T", metrics: ["total_video_views"], edge: "video_insights" },
    ])
    expect(batch.token).toBe("T")
    expect(batch.requests).toEqual([
      { method: "GET", relative_url: "17890000000000001/insights?metric=views,reach" },
      { method: "GET", relative_url: "30001_40002/insights?metric=post_media_view" },
      { method: "GET", relative_url: "50003/video_insights?metric=total_video_views" },
    ])
  })

  it("packs across accounts: each batch's most used token goes top-level, the others ride on their sub-requests", () => {
    // 20 publications of account B (i = 0, 3, …) and 40 of account A, interleaved
    const mixed = items(60, (i) => (i % 3 === 0 ? "TOKEN_B" : "TOKEN_A"))
    const batches = planInsightBatches(mixed)
    expect(batches).toHaveLength(2)
    // ordered by token (first seen first): the 20 B's, then the 40 A's
    expect(batches[0].token).toBe("TOKEN_A")
    expect(batches[0].requests.filter((r) => r.token === undefined)).toHaveLength(30)
    expect(batches[0].requests.filter((r) => r.token === "TOKEN_B")).toHaveLength(20)
    expect(batches[1].token).toBe("TOKEN_A")
    expect(batches[1].requests).toHaveLength(10)
    expect(batches[1].requests.every((r) => r.token === undefined)).toBe(true)
    // sub-request i always reads items[i], and every publication is read exactly once
    for (const batch of batches) {
      batch.requests.forEach((r, i) => expect(r.relative_url.startsWith(`${batch.items[i].mediaId}/`)).toBe(true))
    }
    const read = batches.flatMap((b) => b.items.map((i) => i.publicationId)).sort()
    expect(read).toEqual(mixed.map((i) => i.publicationId).sort())
  })

  it("keeps one token per batch when asked (packAcrossTokens: false)", () => {
    const mixed = items(60, (i) => (i % 3 === 0 ? "TOKEN_B" : "TOKEN_A"))
    const batches = planInsightBatches(mixed, 50, { packAcrossTokens: false })
    expect(batches.map((b) => [b.token, b.requests.length])).toEqual([
      ["TOKEN_B", 20],
      ["TOKEN_A", 40],
    ])
    expect(batches.every((b) => b.requests.every((r) => r.token === undefined))).toBe(true)
  })

  it("many accounts with a few posts each still take ceil(n / 50) calls", () => {
    const batches = planInsightBatches(items(120, (i) => `TOKEN_${i % 37}`))
    expect(batches).toHaveLength(3)
    expect(batches.map((b) => b.requests.length)).toEqual([50, 50, 20])
  })

  it("honours a smaller max and refuses one above Meta's 50", () => {
    expect(planInsightBatches(items(25), 10)).toHaveLength(3)
    expect(() => planInsightBatches(items(1), 51)).toThrow(/from 1 to 50/)
    expect(() => planInsightBatches(items(1), 0)).toThrow(/from 1 to 50/)
    expect(() => planInsightBatches(items(1), 2.5)).toThrow(/from 1 to 50/)
  })

  it("refuses ids that could rewrite the path, duplicates, empty tokens and metric lists", () => {
    const ok = { publicationId: "p", mediaId: "123", token: "T", metrics: ["reach"] }
    for (const mediaId of ["", "123/../me", "123?fields=access_token", "123&x=1", "me/accounts", " 123", "123#", "1.2", "_1"]) {
      expect(() => planInsightBatches([{ ...ok, mediaId }])).toThrow(/no usable Meta id/)
    }
    expect(() => planInsightBatches([ok, { ...ok }])).toThrow("planInsightBatches: publication p is listed twice")
    expect(() => planInsightBatches([{ ...ok, token: "" }])).toThrow(/no access token/)
    expect(() => planInsightBatches([{ ...ok, metrics: [] }])).toThrow(/asks for no metrics/)
    expect(() => planInsightBatches([{ ...ok, metrics: ["reach,impressions"] }])).toThrow(/invalid metric name/)
    expect(() => planInsightBatches([{ ...ok, metrics: ["Reach"] }])).toThrow(/invalid metric name/)
    expect(() => planInsightBatches([{ ...ok, publicationId: "" }])).toThrow(/publicationId/)
    expect(() => planInsightBatches([{ ...ok, edge: "feed" as never }])).toThrow(/unknown insights edge/)
  })
})

describe("readBatchAnswers", () => {
  const plan = (extra: Partial<InsightReadItem>[] = []) =>
    planInsightBatches(
      extra.map((e, i) => ({ publicationId: `p${i}`, mediaId: String(100 + i), token: "T", metrics: METRICS, ...e }))
    )[0]
  const body = (value: unknown) => JSON.stringify(value)

  it("maps each raw sub-answer back to its publication", () => {
    const batch = plan([{}, {}, { publishedAt: new Date(NOW.getTime() - 3_600_000) }, {}])
    const reads = readBatchAnswers(
      batch,
      [
        { code: 200, body: body({ data: [{ name: "reach", values: [{ value: 120 }] }, { name: "views", values: [{ value: "300" }] }] }) },
        { code: 400, body: body({ error: { message: "(#10) Not enough viewers for the media to show insights", code: 10 } }) },
        { code: 200, body: body({ data: [] }) },
        { code: 400, body: body({ error: { message: "Error validating access token", code: 190, error_subcode: 460 } }) },
      ],
      NOW
    )
    expect(reads.map((r) => r.publicationId)).toEqual(["p0", "p1", "p2", "p3"])
    expect(reads[0]).toMatchObject({ outcome: "figures", metrics: { reach: 120, views: 300 }, reason: null, mediaId: "100" })
    expect(reads[1]).toMatchObject({ outcome: "no_figures_yet", reason: REASON_NOT_ENOUGH_VIEWERS, metrics: {} })
    expect(reads[2]).toMatchObject({ outcome: "no_figures_yet", reason: REASON_TOO_NEW, retry: true })
    expect(reads[3]).toMatchObject({ outcome: "reconnect", reason: REASON_RECONNECT, error: { code: 190, subcode: 460, httpStatus: 400 } })
  })

  it("reads GraphClient.batch items (parsed body, typed error)", () => {
    const batch = plan([{}, { kind: "instagram_story", publishedAt: "2026-09-08T00:00:00Z" }])
    const reads = readBatchAnswers(
      batch,
      [
        { code: 200, body: { data: [{ name: "total_interactions", total_value: { value: 7 } }] } },
        { code: 400, body: undefined, error: { code: 100, message: "(#100) Object does not exist", category: "invalid", httpStatus: 400 } },
      ],
      NOW
    )
    expect(reads[0]).toMatchObject({ outcome: "figures", metrics: { total_interactions: 7 } })
    expect(reads[1]).toMatchObject({ outcome: "unavailable", reason: REASON_STORY_EXPIRED })
  })

  it("asks again for sub-requests Meta did not run (null) or did not answer at all", () => {
    const batch = plan([{}, {}, {}])
    const reads = readBatchAnswers(batch, [null, { code: 200, body: body({ data: [{ name: "reach", values: [{ value: 1 }] }] }) }], NOW)
    expect(reads[0]).toMatchObject({ outcome: "retry", retry: true, metrics: {} })
    expect(reads[1].outcome).toBe("figures")
    expect(reads[2]).toMatchObject({ outcome: "retry", retry: true })
  })

  it("handles bodies that are not JSON, 5xx without an error object and odd codes", () => {
    const batch = plan([{}, {}, {}, {}])
    const reads = readBatchAnswers(
      batch,
      [
        { code: 200, body: "<html>oops</html>" },
        { code: 502, body: "" },
        { code: 429, body: "" },
        { code: null, body: body({ data: [] }) },
      ],
      NOW
    )
    expect(reads[0].outcome).toBe("error")
    expect(reads[0].reason).toMatch(/not JSON/)
    expect(reads[1]).toMatchObject({ outcome: "retry", retry: true })
    expect(reads[2]).toMatchObject({ outcome: "retry", retry: true })
    expect(reads[3].outcome).toBe("error")
  })

  it("flags a refused metric so the caller can drop it", () => {
    const read = readBatchAnswer(
      { publicationId: "p", mediaId: "1", kind: "instagram_carousel", publishedAt: null },
      { code: 400, body: body({ error: { code: 100, message: "(#100) The Media Insights API does not support the follows metric for this media product type" } }) },
      NOW
    )
    expect(read).toMatchObject({ outcome: "invalid_metric", metrics_refused: ["follows"], retry: false })
  })

  it("reads a story's 'only available for 24 hours' answer as expired, not as a reconnect", () => {
    const read = readBatchAnswer(
      { publicationId: "p", mediaId: "1", kind: "instagram_story", publishedAt: "2026-09-09T13:00:00Z" },
      {
        code: 400,
        body: body({
          error: {
            code: 10,
            message: "(#10) Application does not have permission for this action",
            error_user_title: "Story insights expired",
            error_user_msg: "Story media metrics are only available for 24 hours after the story was published.",
          },
        }),
      },
      NOW
    )
    expect(read).toMatchObject({ outcome: "unavailable", reason: REASON_STORY_EXPIRED, retry: false })
  })

  it("takes an error code sent as a string", () => {
    const read = readBatchAnswer(
      { publicationId: "p", mediaId: "1", kind: null, publishedAt: null },
      { code: 400, body: body({ error: { code: "190", message: "expired" } }) },
      NOW
    )
    expect(read.outcome).toBe("reconnect")
  })
})
