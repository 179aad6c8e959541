import { model } from "@medusajs/framework/utils"
import { SAFETY_NET_KINDS } from "../../../lib/ads/safety-net"
import { MetaAdNativeRuleRun } from "./meta-ad-native-rule-run"

/**
 * One of Meta's own automated rules the plugin made for the safety net (adrules_library): which guard it is, the
 * rule's id at Meta, the body sent (so the same values twice send nothing), the merchant's threshold and whether
 * the rule is enabled at Meta. One rule per guard and ad account.
 */
export const MetaAdNativeRule = model
  .define("meta_ad_native_rule", {
    id: model.id({ prefix: "metaadnr" }).primaryKey(),
    /** "act_…" */
    ad_account_meta_id: model.text(),
    kind: model.enum([...SAFETY_NET_KINDS]),
    meta_rule_id: model.text(),
    /** The rule as sent to Meta: { name, evaluation_spec, execution_spec, schedule_spec, status }. */
    spec: model.json(),
    /** The spend cap in the account currency's main unit ("50.00"), or the frequency ("3.5"). */
    threshold: model.text(),
    status: model.enum(["ENABLED", "DISABLED"]).default("ENABLED"),
    /** The last mirror pass that read the rule's history. */
    history_synced_at: model.dateTime().nullable(),
    runs: model.hasMany(() => MetaAdNativeRuleRun, { mappedBy: "rule" }),
  })
  .indexes([
    { on: ["ad_account_meta_id", "kind"], unique: true, where: "deleted_at IS NULL" },
    { on: ["meta_rule_id"], unique: true, where: "deleted_at IS NULL" },
  ])
