import { appendGraphParams, encodeGraphValue, normalizeGraphPath, parsePagingNextUrl } from "../graph-path"

describe("normalizeGraphPath", () => {
  it.each([
    ["me", "me"],
    ["/me", "me"],
    ["/me//accounts/", "me/accounts"],
    ["v25.0/me", "me"],
    ["/v25.0/act_1/campaigns", "act_1/campaigns"],
    ["", ""],
    ["  me  ", "me"],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeGraphPath(raw, "v25.0").path).toBe(expected)
  })

  it("keeps a query written into the path", () => {
    const { path, query } = normalizeGraphPath("me?fields=id,name&limit=2", "v25.0")
    expect(path).toBe("me")
    expect(query.get("fields")).toBe("id,name")
    expect(query.get("limit")).toBe("2")
  })

  it("refuses another version, absolute URLs and dot segments", () => {
    expect(() => normalizeGraphPath("v24.0/me", "v25.0")).toThrow(/v24\.0/)
    expect(() => normalizeGraphPath("https://graph.facebook.com/v25.0/me", "v25.0")).toThrow(/absolute/)
    expect(() => normalizeGraphPath("javascript:alert(1)", "v25.0")).toThrow(/absolute/)
    expect(() => normalizeGraphPath("//evil/me", "v25.0")).toThrow(/absolute/)
    expect(() => normalizeGraphPath("me/../x", "v25.0")).toThrow()
    expect(() => normalizeGraphPath("./me", "v25.0")).toThrow()
  })
})

describe("encodeGraphValue / appendGraphParams", () => {
  it("encodes scalars, JSON-encodes arrays and objects, dates as unix seconds, skips null/undefined", () => {
    expect(encodeGraphValue("a b")).toBe("a b")
    expect(encodeGraphValue(0)).toBe("0")
    expect(encodeGraphValue(false)).toBe("false")
    expect(encodeGraphValue(10n)).toBe("10")
    expect(encodeGraphValue(["x", 1])).toBe('["x",1]')
    expect(encodeGraphValue({ a: { b: [1] } })).toBe('{"a":{"b":[1]}}')
    expect(encodeGraphValue(new Date("2026-01-01T00:00:00Z"))).toBe("1767225600")
    expect(encodeGraphValue(null)).toBeUndefined()
    expect(encodeGraphValue(undefined)).toBeUndefined()
  })

  it("overwrites earlier values", () => {
    const q = new URLSearchParams("limit=1")
    appendGraphParams(q, { limit: 2, x: undefined })
    expect(q.toString()).toBe("limit=2")
  })
})

describe("parsePagingNextUrl", () => {
  it("extracts path and parameters, dropping the URL's credentials", () => {
    expect(
      parsePagingNextUrl(
        "https://graph.facebook.com/v25.0/30001/insights?metric=views&offset=25&access_token=x&appsecret_proof=y",
        "https://graph.facebook.com",
        "v25.0"
      )
    ).toEqual({ path: "30001/insights", params: { metric: "views", offset: "25" } })
  })

  it("accepts a next URL with a different version (Meta may answer with its own) and a base path", () => {
    expect(parsePagingNextUrl("http://127.0.0.1:9/graph/v24.0/me/accounts?after=Q", "http://127.0.0.1:9/graph", "v25.0")).toEqual({
      path: "me/accounts",
      params: { after: "Q" },
    })
  })

  it("refuses other origins (scheme, host or port) and garbage", () => {
    expect(() => parsePagingNextUrl("https://evil.example/v25.0/me", "https://graph.facebook.com", "v25.0")).toThrow(/refusing/)
    expect(() => parsePagingNextUrl("http://graph.facebook.com/v25.0/me", "https://graph.facebook.com", "v25.0")).toThrow(/refusing/)
    expect(() => parsePagingNextUrl("https://graph.facebook.com:8443/v25.0/me", "https://graph.facebook.com", "v25.0")).toThrow(/refusing/)
    expect(() => parsePagingNextUrl("not a url", "https://graph.facebook.com", "v25.0")).toThrow(/not a valid URL/)
  })
})
