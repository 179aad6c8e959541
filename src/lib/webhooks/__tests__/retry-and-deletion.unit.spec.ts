import { CONFIRMATION_CODE, newConfirmationCode, renderDeletionStatusPage } from "../deletion-status"
import { FIRST_RETRY_MS, MAX_PROCESSING_ATTEMPTS, MAX_RETRY_DELAY_MS, nextAttemptAt } from "../retry-schedule"

describe("nextAttemptAt", () => {
  const now = 1_700_000_000_000
  it.each([
    [1, undefined, FIRST_RETRY_MS],
    [2, undefined, 2 * FIRST_RETRY_MS],
    [4, undefined, 8 * FIRST_RETRY_MS],
    [9, undefined, 256 * FIRST_RETRY_MS],
    [10, undefined, MAX_RETRY_DELAY_MS],
    [1, 5 * 60_000, 5 * 60_000],
    [3, 1000, 4 * FIRST_RETRY_MS],
  ])("after attempt %i (retry-after %s) waits %i ms", (attempts, retryAfter, wait) => {
    expect(nextAttemptAt(attempts, now, retryAfter)?.getTime()).toBe(now + wait)
  })
  it("gives up after the last attempt", () => {
    expect(nextAttemptAt(MAX_PROCESSING_ATTEMPTS, now)).toBeNull()
  })
})

describe("data deletion status", () => {
  it("issues unguessable codes of a fixed shape", () => {
    const codes = new Set(Array.from({ length: 50 }, newConfirmationCode))
    expect(codes.size).toBe(50)
    for (const code of codes) expect(code).toMatch(CONFIRMATION_CODE)
  })
  it("renders a human-readable page that states the status", () => {
    const html = renderDeletionStatusPage({ confirmation_code: "abc", status: "completed", requested_at: "2026-11-22T00:00:00Z", completed_at: "2026-11-22T00:00:01Z" })
    expect(html).toContain("has been deleted")
    expect(html).toContain("<code>abc</code>")
  })
  it("escapes what it prints and says when a code is unknown", () => {
    const html = renderDeletionStatusPage({ confirmation_code: "<b>x</b>", status: "pending", requested_at: "t", completed_at: null }, "<Shop>")
    expect(html).not.toContain("<b>x</b>")
    expect(html).toContain("&#60;Shop&#62;")
    expect(renderDeletionStatusPage(null)).toContain("No deletion request has this confirmation code")
  })
})
