import {
  classifyChange,
  permissionChangeEffect,
  planWebhookChange,
  readCommentNotice,
  readLeadgenNotice,
  readPermissionNotice,
} from "../classify-change"

describe("classifyChange", () => {
  it.each([
    ["page", "leadgen", {}, "leadgen"],
    ["page", "feed", { item: "comment", verb: "add" }, "page_comment"],
    ["page", "feed", { item: "reaction" }, "ignored"],
    ["page", "feed", { item: "post" }, "ignored"],
    ["page", "feed", null, "ignored"],
    ["instagram", "comments", {}, "instagram_comment"],
    ["instagram", "mentions", {}, "instagram_mention"],
    ["instagram", "story_insights", {}, "ignored"],
    ["permissions", "leads_retrieval", { verb: "revoked" }, "permissions"],
    ["user", "email", {}, "ignored"],
    ["page", "comments", {}, "ignored"],
  ] as const)("%s/%s %j → %s", (object, field, value, kind) => {
    expect(classifyChange(object, field, value)).toBe(kind)
  })
})

describe("readLeadgenNotice", () => {
  it("reads Meta's leadgen value", () => {
    expect(
      readLeadgenNotice({ ad_id: "1", adgroup_id: "2", form_id: "3", leadgen_id: "4", created_time: 1440120384, page_id: "5" }, "5")
    ).toEqual({ leadgen_id: "4", page_id: "5", form_id: "3", ad_id: "1", adgroup_id: "2", created_time: 1440120384 })
  })
  it.each([
    [{}, null],
    [{ leadgen_id: "abc" }, null],
    [{ leadgen_id: "1; DROP" }, null],
    [null, null],
    [{ leadgen_id: 444 }, { leadgen_id: "444", page_id: "30001", form_id: null, ad_id: null, adgroup_id: null, created_time: null }],
  ])("%j → %j (page from the entry when absent)", (value, expected) => {
    expect(readLeadgenNotice(value, "30001")).toEqual(expected)
  })
})

describe("readCommentNotice", () => {
  it("reads a Page feed comment", () => {
    const notice = readCommentNotice(
      "page_comment",
      { item: "comment", verb: "add", post_id: "30001_7", comment_id: "7_9", parent_id: "30001_7", from: { id: "555", name: "Sam" }, message: "Love it", created_time: 1700000000 },
      null
    )
    expect(notice).toEqual({
      comment_id: "7_9", platform: "facebook", kind: "comment", verb: "add", media_id: "30001_7", parent_id: "30001_7",
      author_id: "555", author_name: "Sam", text: "Love it", created_at: new Date(1700000000 * 1000),
    })
  })
  it("reads an Instagram comment, dated by its entry", () => {
    const notice = readCommentNotice(
      "instagram_comment",
      { id: "17865799348089039", text: "Nice", from: { id: "777", username: "fan" }, media: { id: "18000", media_product_type: "FEED" } },
      1700000100
    )
    expect(notice).toEqual(expect.objectContaining({ comment_id: "17865799348089039", platform: "instagram", media_id: "18000", author_name: "fan", text: "Nice", created_at: new Date(1700000100000) }))
  })
  it("reads an Instagram mention in a comment and in a caption", () => {
    expect(readCommentNotice("instagram_mention", { media_id: "18001", comment_id: "17001" }, 1)).toEqual(expect.objectContaining({ comment_id: "17001", kind: "mention", media_id: "18001" }))
    expect(readCommentNotice("instagram_mention", { media_id: "18001" }, 1)).toEqual(expect.objectContaining({ comment_id: "media:18001" }))
  })
  it.each([
    ["page_comment", { item: "comment" }],
    ["page_comment", { item: "comment", comment_id: "<script>" }],
    ["instagram_comment", { text: "no id" }],
    ["instagram_mention", {}],
    ["leadgen", { comment_id: "1" }],
    ["page_comment", "not an object"],
  ] as const)("%s %j → null", (kind, value) => {
    expect(readCommentNotice(kind, value, null)).toBeNull()
  })
  it("keeps edited/remove verbs and truncates huge text", () => {
    const notice = readCommentNotice("page_comment", { item: "comment", verb: "remove", comment_id: "1_2", message: "x".repeat(10_000) }, null)
    expect(notice?.verb).toBe("remove")
    expect(notice?.text).toHaveLength(8000)
  })
})

describe("permission changes", () => {
  it.each([
    ["leads_retrieval", { verb: "revoked", target_ids: [] }, "10001", { user_id: "10001", permission: "leads_retrieval", verb: "revoked" }],
    ["email", { verb: "granted" }, "10001", { user_id: "10001", permission: "email", verb: "granted" }],
    ["email", { verb: "changed" }, "10001", null],
    ["Bad Name", { verb: "revoked" }, "10001", null],
    ["email", { verb: "revoked" }, "me", null],
  ] as const)("%s %j from %s", (field, value, entry, expected) => {
    expect(readPermissionNotice(field, value, entry)).toEqual(expected)
  })

  it.each([
    [["a", "b"], ["a"], "a", "revoked", ["b"], true],
    [["a", "b"], ["a"], "b", "revoked", ["a"], false],
    [["a"], ["a"], "c", "revoked", ["a"], false],
    [["a"], ["a"], "b", "granted", ["a", "b"], false],
    [["a"], ["a"], "a", "granted", ["a"], false],
  ] as const)("granted %j, required %j, %s %s → %j revoke=%s", (granted, required, permission, verb, scopes, revoke) => {
    expect(
      permissionChangeEffect({ granted: [...granted], required: [...required], notice: { user_id: "1", permission, verb } })
    ).toEqual({ granted_scopes: scopes, revoke })
  })
})

describe("planWebhookChange", () => {
  const base = { entry_id: "30001", entry_time: "2026-12-01T10:00:00.000Z" }
  const setOf = (plan: ReturnType<typeof planWebhookChange>) =>
    (["lead", "comment", "permission", "ignored"] as const).filter((k) => plan[k] !== null)

  it("a leadgen change carries its notice to the lead branch", () => {
    const plan = planWebhookChange({ ...base, object: "page", field: "leadgen", payload: { leadgen_id: "123456", page_id: "30001" } })
    expect(plan.kind).toBe("leadgen")
    expect(plan.lead).toMatchObject({ leadgen_id: "123456" })
    expect(setOf(plan)).toEqual(["lead"])
  })

  it("a Page comment carries its notice with created_at as ISO text (it crosses the workflow engine as JSON)", () => {
    const plan = planWebhookChange({ ...base, object: "page", field: "feed", payload: { item: "comment", verb: "add", comment_id: "111_222", post_id: "30001_9", message: "Love it", from: { id: "77", name: "Ana" } } })
    expect(plan.kind).toBe("page_comment")
    expect(plan.comment).toMatchObject({ comment_id: "111_222", text: "Love it" })
    expect(plan.comment!.created_at === null || typeof plan.comment!.created_at === "string").toBe(true)
    expect(setOf(plan)).toEqual(["comment"])
  })

  it("a permission revoked carries the user and the permission", () => {
    const plan = planWebhookChange({ ...base, entry_id: "555", object: "permissions", field: "ads_management", payload: { verb: "revoked" } })
    expect(plan.permission).toEqual({ meta_user_id: "555", permission: { user_id: "555", permission: "ads_management", verb: "revoked" } })
    expect(setOf(plan)).toEqual(["permission"])
  })

  it.each([
    [{ object: "page", field: "leadgen", payload: {} }, "ignored: leadgen change without a leadgen_id"],
    [{ object: "page", field: "feed", payload: { item: "comment" } }, "ignored: page comment without an id"],
    [{ object: "permissions", field: "ads_management", payload: { verb: "maybe" } }, "ignored: permissions change without a verb"],
    [{ object: "page", field: "feed", payload: { item: "reaction" } }, "ignored: page/feed is not acted on"],
    [{ object: "user", field: "email", payload: null }, "ignored: user/email is not acted on"],
  ])("%j is ignored with the reason", (change, reason) => {
    const plan = planWebhookChange({ ...base, ...change })
    expect(plan.ignored).toBe(reason)
    expect(setOf(plan)).toEqual(["ignored"])
  })

  it("an entry time that is missing or not a date does not break the plan", () => {
    for (const entry_time of [null, "not a date"]) {
      const plan = planWebhookChange({ entry_id: "30001", entry_time, object: "instagram", field: "comments", payload: { id: "1789", text: "hi", media: { id: "1790" } } })
      expect(plan.kind).toBe("instagram_comment")
      expect(setOf(plan)).toEqual(["comment"])
    }
  })
})
