import { canonicalJson, flattenWebhookEnvelope, idempotencyKey, MAX_CHANGES_PER_DELIVERY } from "../flatten-changes"

const lead = { leadgen_id: "90001", page_id: "30001", form_id: "80001", created_time: 1700000000 }

describe("flattenWebhookEnvelope", () => {
  it("turns every change of every entry into its own row", () => {
    const result = flattenWebhookEnvelope({
      object: "page",
      entry: [
        { id: "30001", time: 1700000001, changes: [{ field: "leadgen", value: lead }, { field: "feed", value: { item: "comment", comment_id: "1_2" } }] },
        { id: "30002", time: 1700000002, changes: [{ field: "feed", value: { item: "comment", comment_id: "3_4" } }] },
      ],
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.changes.map((c) => [c.entry_id, c.field, c.entry_time])).toEqual([
      ["30001", "leadgen", 1700000001],
      ["30001", "feed", 1700000001],
      ["30002", "feed", 1700000002],
    ])
    expect(new Set(result.changes.map((c) => c.idempotency_key)).size).toBe(3)
  })

  it("gives a redelivered change the same key, whatever the key order or batch time", () => {
    const a = flattenWebhookEnvelope({ object: "page", entry: [{ id: "30001", time: 1, changes: [{ field: "leadgen", value: lead }] }] })
    const reordered = Object.fromEntries(Object.entries(lead).reverse())
    const b = flattenWebhookEnvelope({ object: "page", entry: [{ id: "30001", time: 2, changes: [{ value: reordered, field: "leadgen" }] }] })
    expect(a.ok && b.ok && a.changes[0].idempotency_key === b.changes[0].idempotency_key).toBe(true)
  })

  it("collapses the same change twice in one delivery", () => {
    const change = { field: "leadgen", value: lead }
    const result = flattenWebhookEnvelope({ object: "page", entry: [{ id: "30001", changes: [change, change] }] })
    expect(result.ok && result.changes).toHaveLength(1)
  })

  it("reads Messenger-style messaging entries and numeric entry ids", () => {
    const result = flattenWebhookEnvelope({ object: "instagram", entry: [{ id: 40001, time: 5, messaging: [{ mid: "m1" }] }] })
    expect(result.ok && result.changes.map((c) => [c.entry_id, c.field])).toEqual([["40001", "messaging"]])
  })

  it("accepts an empty entry list (nothing to store)", () => {
    expect(flattenWebhookEnvelope({ object: "page", entry: [] })).toEqual({ ok: true, object: "page", changes: [] })
  })

  it.each([
    ["null", null, "body must be a JSON object"],
    ["an array", [], "body must be a JSON object"],
    ["a string", "page", "body must be a JSON object"],
    ["no object", { entry: [] }, "object must be a non-empty string"],
    ["an empty object name", { object: "", entry: [] }, "object must be a non-empty string"],
    ["entry not an array", { object: "page", entry: {} }, "entry must be an array"],
    ["an entry that is not an object", { object: "page", entry: [5] }, "entry[0] must be an object"],
    ["an entry without id", { object: "page", entry: [{ changes: [] }] }, "entry[0].id must be a Meta object id"],
    ["an entry with an object id", { object: "page", entry: [{ id: {}, changes: [] }] }, "entry[0].id must be a Meta object id"],
    ["changes not an array", { object: "page", entry: [{ id: "1", changes: "x" }] }, "entry[0].changes must be an array"],
    ["a change without field", { object: "page", entry: [{ id: "1", changes: [{ value: {} }] }] }, "entry[0].changes[0].field must be a non-empty string"],
    ["a null change", { object: "page", entry: [{ id: "1", changes: [null] }] }, "entry[0].changes[0].field must be a non-empty string"],
    ["messaging not an array", { object: "page", entry: [{ id: "1", messaging: 1 }] }, "entry[0].messaging must be an array"],
  ] as const)("refuses %s", (_, body, reason) => {
    expect(flattenWebhookEnvelope(body)).toEqual({ ok: false, reason })
  })

  it("refuses more changes than Meta ever batches", () => {
    const changes = Array.from({ length: MAX_CHANGES_PER_DELIVERY + 1 }, (_, i) => ({ field: "feed", value: { i } }))
    expect(flattenWebhookEnvelope({ object: "page", entry: [{ id: "1", changes }] }).ok).toBe(false)
  })
})

describe("canonicalJson / idempotencyKey", () => {
  it.each([
    [{ b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    ["x", '"x"'],
    [null, "null"],
    [undefined, "null"],
  ])("canonicalJson(%j)", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected)
  })

  it("separates object, entry, field and value", () => {
    const keys = [
      idempotencyKey("page", "1", "feed", { a: 1 }),
      idempotencyKey("instagram", "1", "feed", { a: 1 }),
      idempotencyKey("page", "2", "feed", { a: 1 }),
      idempotencyKey("page", "1", "leadgen", { a: 1 }),
      idempotencyKey("page", "1", "feed", { a: 2 }),
    ]
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/)
  })
})
