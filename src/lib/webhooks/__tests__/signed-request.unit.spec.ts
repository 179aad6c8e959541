import { createHmac } from "node:crypto"
import { buildSignedRequest, encodeBase64Url, parseSignedRequest } from "../signed-request"

const SECRET = "sandbox-app-secret"

function sign(payload: string, secret = SECRET): string {
  const encoded = encodeBase64Url(payload)
  return `${encodeBase64Url(createHmac("sha256", secret).update(encoded).digest())}.${encoded}`
}

describe("parseSignedRequest", () => {
  it("accepts Meta's example payload and reads the app-scoped user id", () => {
    const request = sign('{"algorithm":"HMAC-SHA256","issued_at":1291836800,"expires":1291840400,"user_id":"218471"}')
    expect(parseSignedRequest(request, SECRET)).toEqual({
      ok: true,
      payload: { algorithm: "HMAC-SHA256", issued_at: 1291836800, expires: 1291840400, user_id: "218471" },
    })
  })

  it("round-trips what buildSignedRequest makes", () => {
    const result = parseSignedRequest(buildSignedRequest({ user_id: "10001", issued_at: 1 }, SECRET), SECRET)
    expect(result).toEqual({ ok: true, payload: expect.objectContaining({ user_id: "10001" }) })
  })

  it("accepts padded base64url and a numeric user id", () => {
    const [sig, payload] = sign('{"algorithm":"HMAC-SHA256","user_id":10001}').split(".")
    const padded = `${sig}${"=".repeat((4 - (sig.length % 4)) % 4)}.${payload}`
    expect(parseSignedRequest(padded, SECRET)).toEqual({ ok: true, payload: expect.objectContaining({ user_id: "10001" }) })
  })

  const valid = sign('{"algorithm":"HMAC-SHA256","user_id":"10001"}')
  it.each([
    ["not a string", 12345, "malformed"],
    ["empty", "", "malformed"],
    ["one part", valid.split(".")[1], "malformed"],
    ["three parts", `${valid}.x`, "malformed"],
    ["standard base64 characters", valid.replace(/-/g, "+").replace(/_/g, "/").replace(/^([^.]*)/, "$1+/"), "malformed"],
    ["a payload that is not JSON", sign("not json"), "malformed"],
    ["a JSON array payload", sign("[1,2]"), "malformed"],
    ["a huge value", "a".repeat(9000) + ".b", "malformed"],
    ["no algorithm", sign('{"user_id":"10001"}'), "unsupported_algorithm"],
    ["algorithm none", sign('{"algorithm":"none","user_id":"10001"}'), "unsupported_algorithm"],
    ["algorithm HMAC-SHA1", sign('{"algorithm":"HMAC-SHA1","user_id":"10001"}'), "unsupported_algorithm"],
    ["signed with another secret", sign('{"algorithm":"HMAC-SHA256","user_id":"10001"}', "other-secret"), "bad_signature"],
    ["a tampered payload", `${valid.split(".")[0]}.${encodeBase64Url('{"algorithm":"HMAC-SHA256","user_id":"10002"}')}`, "bad_signature"],
    ["a truncated signature", `${valid.split(".")[0].slice(0, 20)}.${valid.split(".")[1]}`, "bad_signature"],
    ["no user id", sign('{"algorithm":"HMAC-SHA256"}'), "missing_user"],
    ["a user id that is not an id", sign('{"algorithm":"HMAC-SHA256","user_id":"../../etc"}'), "missing_user"],
  ] as const)("refuses %s", (_, input, reason) => {
    expect(parseSignedRequest(input, SECRET)).toEqual({ ok: false, reason })
  })
})
