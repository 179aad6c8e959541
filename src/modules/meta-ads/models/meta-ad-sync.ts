import { model } from "@medusajs/framework/utils"

/**
 * Where the mirror of an ad account stands. A pass (account, listings, insights per level and range) may
 * take several runs of the job: Meta's rate limits stop it early (and say when to come back), a report
 * run may still be in preparation. `progress` is what the unfinished pass has done, so the next run
 * carries on from there; `resumes_at` is the time before which no call is made at all.
 */
export const MetaAdSync = model
  .define("meta_ad_sync", {
    id: model.id({ prefix: "metaadsync" }).primaryKey(),
    /** "act_…" */
    ad_account_meta_id: model.text(),
    /** complete: the last pass finished; partial: a pass is under way; waiting: stopped until resumes_at. */
    state: model.enum(["complete", "partial", "waiting"]).default("partial"),
    /** Why the last run stopped short. */
    reason: model.text().nullable(),
    resumes_at: model.dateTime().nullable(),
    /** The unfinished pass: { started_at, done, counts, account_id, report_runs }. */
    progress: model.json().nullable(),
    /** Graph calls the last run made. */
    calls: model.number().default(0),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["ad_account_meta_id"], unique: true, where: "deleted_at IS NULL" }])
