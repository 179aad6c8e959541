/**
 * After a publish call whose answer was lost, the post may be live. These find it among the account's
 * newest posts: same caption (or message), created no earlier than shortly before the call.
 */

/** Meta's clocks and ours differ by seconds; a minute of slack is generous and still specific. */
const CLOCK_SLACK_MS = 60_000

export type RecentPost = { id: string; caption?: string | null; message?: string | null; timestamp?: string; created_time?: string; permalink?: string; permalink_url?: string }

const normalize = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim()

/** Graph timestamps read "2026-12-02T10:00:00+0000" (no colon in the offset). */
export function parseGraphTime(value: string | undefined): number {
  if (!value) return Number.NaN
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
}

export function findPublishedPost(
  posts: RecentPost[],
  expected: { text: string | null; requestedAt: Date | string; excludeIds?: string[] }
): RecentPost | null {
  const text = normalize(expected.text)
  const since = new Date(expected.requestedAt).getTime() - CLOCK_SLACK_MS
  const matches = posts.filter((post) => {
    if (expected.excludeIds?.includes(post.id)) return false
    const at = parseGraphTime(post.timestamp ?? post.created_time)
    return at >= since && normalize(post.caption ?? post.message) === text
  })
  // Oldest first: if two matched (a second post made by hand), ours came right after the call.
  matches.sort((a, b) => parseGraphTime(a.timestamp ?? a.created_time) - parseGraphTime(b.timestamp ?? b.created_time))
  return matches[0] ?? null
}
