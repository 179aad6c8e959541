import { model } from "@medusajs/framework/utils"
import { MetaAdRuleDecision } from "./meta-ad-rule-decision"

/**
 * An automated rule the plugin evaluates (conditions on Meta's metrics and the store's own truth, an
 * action, guards). `definition` is the rule as src/lib/ads validates it; `last_evaluated_at` doubles as the
 * claim, so one process evaluates a rule per round.
 */
export const MetaAdRule = model.define("meta_ad_rule", {
  id: model.id({ prefix: "metaadrule" }).primaryKey(),
  name: model.text(),
  enabled: model.boolean().default(true),
  /** The template it was made from, if any. */
  template: model.text().nullable(),
  definition: model.json(),
  last_evaluated_at: model.dateTime().nullable(),
  decisions: model.hasMany(() => MetaAdRuleDecision, { mappedBy: "rule" }),
})
