/** Query parameters of Meta's OAuth redirect that must not reach a log: the one-time code and our signed state. */
const SECRET_PARAMS = ["code", "state"]

/**
 * The callback URL as request logs may show it: `code` and `state` replaced by "[redacted]", everything
 * else (path, error, error_reason, error_description) kept so a failed sign-in can still be read.
 * A value is redacted however it is spelled in the query (repeated, empty, percent-encoded key).
 */
export function redactOAuthCallbackUrl(url: string): string {
  const queryAt = url.indexOf("?")
  if (queryAt < 0) return url
  const hashAt = url.indexOf("#", queryAt)
  const query = url.slice(queryAt + 1, hashAt < 0 ? undefined : hashAt)
  const redacted = query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=")
      const rawKey = eq < 0 ? pair : pair.slice(0, eq)
      let key: string
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, " "))
      } catch {
        key = rawKey
      }
      return SECRET_PARAMS.includes(key) ? `${rawKey}=[redacted]` : pair
    })
    .join("&")
  return `${url.slice(0, queryAt)}?${redacted}`
}
