import { webhookChangeLabel } from "../change-label"

describe("webhookChangeLabel", () => {
  it.each([
    [{ object: "page", field: "leadgen", payload: { leadgen_id: "1" } }, "Lead-form submission"],
    [{ object: "page", field: "feed", payload: { item: "comment" } }, "Comment on your Facebook Page"],
    [{ object: "instagram", field: "comments", payload: {} }, "Comment on Instagram"],
    [{ object: "instagram", field: "mentions", payload: {} }, "Mention on Instagram"],
    [{ object: "permissions", field: "leads_retrieval", payload: { verb: "revoked" } }, "Permission change (leads_retrieval)"],
    [{ object: "page", field: "feed", payload: { item: "reaction" } }, "Other update (page / feed)"],
    [{ object: "page", field: "feed", payload: null }, "Other update (page / feed)"],
  ])("%j → %p", (change, label) => {
    expect(webhookChangeLabel(change)).toBe(label)
  })
})
