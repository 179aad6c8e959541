/**
 * Where the insights screens link to, in one place: the Meta pages may move under one sidebar entry, and then
 * only these paths change.
 */
export const INSIGHTS_PATH = "/meta/insights"
export const PUBLISHING_PATH = "/meta/publishing"
/** The Publishing page opens its accounts drawer on `?accounts=open`. */
export const PUBLISHING_ACCOUNTS_PATH = `${PUBLISHING_PATH}?accounts=open`

/** The Insights page of an account, optionally with a publication's drawer open. */
export const insightsPath = (accountId: string, publicationId?: string) => {
  const params = new URLSearchParams({ account_id: accountId })
  if (publicationId) params.set("publication_id", publicationId)
  return `${INSIGHTS_PATH}?${params.toString()}`
}
