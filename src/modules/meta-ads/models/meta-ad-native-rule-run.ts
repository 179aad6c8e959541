import { model } from "@medusajs/framework/utils"
import { MetaAdNativeRule } from "./meta-ad-native-rule"

/**
 * One evaluation of a safety-net rule that changed something, mirrored from the rule's history at Meta: when it
 * ran, Meta's results and the objects it paused. Meta's history entries have no id; a rule runs at most once at
 * a time, so (rule, time) names an entry and a second mirror pass adds nothing.
 */
export const MetaAdNativeRuleRun = model
  .define("meta_ad_native_rule_run", {
    id: model.id({ prefix: "metaadnrr" }).primaryKey(),
    meta_rule_id: model.text(),
    ran_at: model.dateTime(),
    is_manual: model.boolean().default(false),
    /** Meta's results: [{ object_id, object_type, actions: [{ action, field, old_value, new_value }] }]. */
    results: model.json(),
    /** The objects the run changed, once each. */
    object_ids: model.array().default([]),
    exception_code: model.number().nullable(),
    exception_message: model.text().nullable(),
    rule: model.belongsTo(() => MetaAdNativeRule, { mappedBy: "runs" }),
  })
  .indexes([
    { on: ["meta_rule_id", "ran_at"], unique: true, where: "deleted_at IS NULL" },
    { on: ["rule_id", "ran_at"] },
  ])
