import { isSecretParam, REDACTED, redactSecrets } from "../redact-secrets"

describe("redactSecrets", () => {
  it("removes literal secrets and their URL-encoded form", () => {
    const appToken = "123|my-app-secret"
    const out = redactSecrets(`a ${appToken} b ${encodeURIComponent(appToken)} c my-app-secret`, [appToken, "my-app-secret"])
    expect(out).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`)
  })

  it("redacts credential query parameters in any URL, whatever the value", () => {
    const url =
      "https://graph.facebook.com/v25.0/oauth/access_token?client_id=1&client_secret=s3cr3t&code=AQDx&redirect_uri=x" +
      "&fb_exchange_token=tok&input_token=in&access_token=at&appsecret_proof=ab12"
    const out = redactSecrets(url)
    for (const value of ["s3cr3t", "AQDx", "=tok", "=in&", "=at&", "ab12"]) expect(out).not.toContain(value)
    expect(out).toContain("client_id=1")
    expect(out).toContain("redirect_uri=x")
    expect(out).toContain(`access_token=${REDACTED}`)
  })

  it("redacts credentials written as key=value in prose, case-insensitively", () => {
    expect(redactSecrets("sent ACCESS_TOKEN=abc123 to Meta")).toBe(`sent ACCESS_TOKEN=${REDACTED} to Meta`)
  })

  it("redacts anything shaped like a Meta user/page token", () => {
    expect(redactSecrets("Malformed access token EAAGm0PX4ZCpsBAOZBZCabcdef1234567890xyz.")).toBe(
      `Malformed access token ${REDACTED}.`
    )
  })

  it("ignores empty and very short secrets so ordinary text survives", () => {
    expect(redactSecrets("id 1 is fine", ["", undefined, "1"])).toBe("id 1 is fine")
  })

  it("redacts overlapping secrets whole (longest first)", () => {
    expect(redactSecrets("tok 999|abcdefgh", ["abcdefgh", "999|abcdefgh"])).toBe(`tok ${REDACTED}`)
  })

  it("knows which parameter names carry credentials", () => {
    expect(isSecretParam("access_token")).toBe(true)
    expect(isSecretParam("Client_Secret")).toBe(true)
    expect(isSecretParam("fields")).toBe(false)
  })
})
