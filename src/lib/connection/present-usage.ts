import type { MetaApiUsage } from "../../types/http/connection"
import type { GraphUsageSnapshot } from "../graph"

/**
 * The last rate-limit figures Meta reported (X-App-Usage, X-Business-Use-Case-Usage,
 * X-Ad-Account-Usage), for the admin. Percentages of the budget; Meta throttles at 100.
 */
export function presentUsage(snapshot: GraphUsageSnapshot): MetaApiUsage {
  const objects: MetaApiUsage["objects"] = []
  for (const [id, usage] of Object.entries(snapshot.businessUseCase)) {
    for (const entry of usage.entries) {
      objects.push({
        id,
        type: entry.type,
        call_count: entry.callCount,
        total_cputime: entry.totalCputime,
        total_time: entry.totalTime,
        regain_access_minutes: entry.estimatedTimeToRegainAccessMinutes,
        updated_at: new Date(usage.updatedAt).toISOString(),
      })
    }
  }
  for (const [id, usage] of Object.entries(snapshot.adAccounts)) {
    objects.push({
      id,
      type: "ad_account",
      call_count: usage.accIdUtilPct,
      total_cputime: 0,
      total_time: 0,
      regain_access_minutes: 0,
      updated_at: new Date(usage.updatedAt).toISOString(),
    })
  }
  return {
    app: snapshot.app
      ? {
          call_count: snapshot.app.callCount,
          total_cputime: snapshot.app.totalCputime,
          total_time: snapshot.app.totalTime,
          updated_at: new Date(snapshot.app.updatedAt).toISOString(),
        }
      : null,
    objects: objects.sort((a, b) => b.call_count - a.call_count),
  }
}
