import type { MetaAdSyncState } from "../../../../types/http/ads"

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** A meta_ad_sync row as the admin reads it (the unfinished pass's bookkeeping stays inside). */
export function presentSyncState(row: Record<string, any>): MetaAdSyncState {
  return {
    state: row.state,
    reason: row.reason ?? null,
    resumes_at: iso(row.resumes_at),
    calls: Number(row.calls ?? 0),
    completed_at: iso(row.completed_at),
  }
}
