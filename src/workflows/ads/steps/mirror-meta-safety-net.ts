import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { parseRuleHistoryEntry, type MetaRuleHistoryEntry } from "../../../lib/ads"
import { GraphError } from "../../../lib/graph"
import { META_MODULE } from "../../../modules/meta"
import type MetaModuleService from "../../../modules/meta/service"
import { META_ADS_MODULE } from "../../../modules/meta-ads"
import type { NativeRuleRunRow } from "../../../modules/meta-ads/native-rule-repository"
import type MetaAdsModuleService from "../../../modules/meta-ads/service"

export type MirroredSafetyNet = { rules: number; new_runs: number; removed: number; error?: string }

/** History entries read per rule and pass at most: a rule evaluated every 30 minutes makes 48 a day. */
const MAX_ENTRIES_PER_PASS = 2000
const PAGE = 100

/**
 * Mirrors the safety net's rules as Meta holds them: their status (a merchant may switch them in Ads Manager; a
 * rule deleted there is dropped, so the next save makes it again) and their history — the evaluations that
 * changed something (`hide_no_changes`), newest first down to the newest already mirrored, each kept once.
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/adrules_library/#Reading and
 * https://developers.facebook.com/docs/marketing-api/reference/ad-rule/history/
 * No call at all while the account has no safety net. A mirror only: nothing to compensate. Meta failing here
 * does not fail the ads sync before it: the pass is logged and the next one reads on from the newest run kept.
 */
export const mirrorMetaSafetyNetStep = createStep("mirror-meta-safety-net", async (_: void, { container }) => {
  const meta = container.resolve<MetaModuleService>(META_MODULE)
  const ads = container.resolve<MetaAdsModuleService>(META_ADS_MODULE)
  const none: MirroredSafetyNet = { rules: 0, new_runs: 0, removed: 0 }
  const live = await meta.getConnectionToken()
  const act = live ? (await meta.retrieveLiveConnection())?.ad_account_id : undefined
  if (!live || !act) return new StepResponse(none)
  const rows = await ads.listMetaAdNativeRules({ ad_account_meta_id: act })
  if (!rows.length) return new StepResponse(none)
  const graph = meta.getGraphClient()
  const token = live.token
  try {
    const atMeta = new Map(
      (await graph.listAll<{ id: string; status?: string }>(`${act}/adrules_library`, { token, params: { fields: "id,status" }, pageSize: 500 })).map((r) => [r.id, r])
    )
    const gone = rows.filter((row) => !atMeta.has(row.meta_rule_id) || atMeta.get(row.meta_rule_id)?.status === "DELETED")
    const kept = rows.filter((row) => !gone.includes(row))

    let newRuns = 0
    for (const row of kept) {
      const newest = await ads.newestNativeRuleRunAt(row.meta_rule_id)
      const runs: NativeRuleRunRow[] = []
      const entries = graph.paginate<MetaRuleHistoryEntry>(`${row.meta_rule_id}/history`, { token, params: { hide_no_changes: true }, pageSize: PAGE, maxItems: MAX_ENTRIES_PER_PASS })
      for await (const entry of entries) {
        const run = parseRuleHistoryEntry(entry)
        if (!run) continue
        if (newest && run.ran_at.getTime() <= newest.getTime()) break
        runs.push({ rule_id: row.id, meta_rule_id: row.meta_rule_id, ...run })
      }
      newRuns += await ads.saveNativeRuleRuns(runs)
    }

    const now = new Date()
    const updates = kept.map((row) => {
      const status = atMeta.get(row.meta_rule_id)?.status
      return { id: row.id, history_synced_at: now, ...(status === "ENABLED" || status === "DISABLED" ? { status: status as "ENABLED" | "DISABLED" } : {}) }
    })
    if (updates.length) await ads.updateMetaAdNativeRules(updates)
    if (gone.length) await ads.softDeleteMetaAdNativeRules(gone.map((row) => row.id))
    return new StepResponse<MirroredSafetyNet>({ rules: kept.length, new_runs: newRuns, removed: gone.length })
  } catch (error) {
    if (!(error instanceof GraphError)) throw error
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Meta safety net: its rules could not be mirrored this pass: ${error.message}`)
    return new StepResponse<MirroredSafetyNet>({ ...none, error: error.message })
  }
})
