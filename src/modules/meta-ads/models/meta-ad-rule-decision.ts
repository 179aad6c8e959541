import { model } from "@medusajs/framework/utils"
import { MetaAdRule } from "./meta-ad-rule"

/**
 * What a rule decided about one object in one evaluation — acted or skipped, the numbers behind it, the
 * state before and the absolute state after — and the audit-log change that carried it out, if any.
 */
export const MetaAdRuleDecision = model
  .define("meta_ad_rule_decision", {
    id: model.id({ prefix: "metaaddec" }).primaryKey(),
    evaluation_id: model.text(),
    object_type: model.text(),
    object_meta_id: model.text(),
    acted: model.boolean(),
    action: model.text(),
    skip_code: model.text().nullable(),
    skipped_reason: model.text().nullable(),
    note: model.text().nullable(),
    lookback: model.text(),
    numbers: model.json(),
    before: model.json(),
    after: model.json(),
    dry_run: model.boolean().default(false),
    change_id: model.text().nullable(),
    evaluated_at: model.dateTime(),
    rule: model.belongsTo(() => MetaAdRule, { mappedBy: "decisions" }),
  })
  .indexes([
    { on: ["rule_id", "evaluated_at"] },
    { on: ["object_meta_id", "evaluated_at"] },
    // The overview's "rule decisions this week" (all and acted) from the index alone.
    { on: ["evaluated_at", "acted"] },
    { on: ["evaluation_id", "object_meta_id"], unique: true, where: "deleted_at IS NULL" },
  ])
