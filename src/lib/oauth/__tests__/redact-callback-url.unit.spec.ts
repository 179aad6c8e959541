import { redactOAuthCallbackUrl } from "../redact-callback-url"

describe("redactOAuthCallbackUrl", () => {
  it("hides the code and the state, keeps the path", () => {
    expect(redactOAuthCallbackUrl("/meta/oauth/callback?code=AQBx-secret_123&state=v1.abc.def")).toBe(
      "/meta/oauth/callback?code=[redacted]&state=[redacted]"
    )
  })

  it("keeps Meta's error parameters readable", () => {
    expect(
      redactOAuthCallbackUrl("/meta/oauth/callback?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=s1")
    ).toBe("/meta/oauth/callback?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=[redacted]")
  })

  it("redacts repeated, empty and percent-encoded keys", () => {
    expect(redactOAuthCallbackUrl("/cb?code=a&code=b&%73tate=c&code")).toBe("/cb?code=[redacted]&code=[redacted]&%73tate=[redacted]&code=[redacted]")
  })

  it("drops a fragment after the query (Meta appends #_=_)", () => {
    expect(redactOAuthCallbackUrl("/cb?code=a#_=_")).toBe("/cb?code=[redacted]")
  })

  it("leaves URLs without a query, and other parameters, alone", () => {
    expect(redactOAuthCallbackUrl("/meta/oauth/callback")).toBe("/meta/oauth/callback")
    expect(redactOAuthCallbackUrl("/cb?codes=1&xstate=2")).toBe("/cb?codes=1&xstate=2")
  })

  it("does not choke on a malformed percent escape", () => {
    expect(redactOAuthCallbackUrl("/cb?%E0%A4%A=1&code=x")).toBe("/cb?%E0%A4%A=1&code=[redacted]")
  })
})
