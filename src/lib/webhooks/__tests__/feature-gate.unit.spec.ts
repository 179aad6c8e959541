import { classifyChange } from "../classify-change"
import { isGovernedByWebhooksFeature } from "../feature-gate"

describe("isGovernedByWebhooksFeature", () => {
  it.each([
    ["a lead", "page", "leadgen", {}, true],
    ["a Page comment", "page", "feed", { item: "comment" }, true],
    ["an Instagram comment", "instagram", "comments", {}, true],
    ["an Instagram mention", "instagram", "mentions", {}, true],
    ["a permission change (protects the connection)", "permissions", "leads_retrieval", { verb: "revoked" }, false],
    ["a reaction (ignored anyway)", "page", "feed", { item: "reaction" }, false],
  ])("%s → %p", (_, object, field, value, governed) => {
    expect(isGovernedByWebhooksFeature(classifyChange(object, field, value))).toBe(governed)
  })
})
