import { categorizeGraphError, extractMetaError, GraphError, graphErrorFromMetaError, isGraphError } from "../graph-error"

describe("categorizeGraphError", () => {
  it.each([
    [{ code: 190 }, "auth"],
    [{ code: 190, subcode: 460 }, "auth"],
    [{ code: 190, subcode: 463, httpStatus: 400 }, "auth"],
    [{ code: 102 }, "auth"],
    [{ code: 102, subcode: 458 }, "auth"],
    // an auth failure stays auth even when Meta marks it transient or answers 5xx
    [{ code: 190, isTransient: true, httpStatus: 500 }, "auth"],
    [{ code: 10 }, "permission"],
    [{ code: 200 }, "permission"],
    [{ code: 210 }, "permission"],
    [{ code: 299 }, "permission"],
    [{ code: 300 }, "invalid"],
    [{ code: 199 }, "invalid"],
    [{ code: 4 }, "throttled"],
    [{ code: 17 }, "throttled"],
    [{ code: 32 }, "throttled"],
    [{ code: 341 }, "throttled"],
    [{ code: 613 }, "throttled"],
    [{ code: 80000 }, "throttled"],
    [{ code: 80004 }, "throttled"],
    [{ code: 80014 }, "throttled"],
    [{ code: 80015 }, "invalid"],
    [{ code: 79999 }, "invalid"],
    [{ code: 4, isTransient: true }, "throttled"],
    [{ code: 1 }, "transient"],
    [{ code: 2 }, "transient"],
    [{ code: 100, isTransient: true }, "transient"],
    [{ httpStatus: 500 }, "transient"],
    [{ httpStatus: 503 }, "transient"],
    [{ httpStatus: 500, code: 999 }, "transient"],
    [{ httpStatus: 500, code: 100 }, "invalid"],
    [{ httpStatus: 429 }, "throttled"],
    [{ httpStatus: 429, code: 100 }, "invalid"],
    [{ code: 100 }, "invalid"],
    [{ code: 100, subcode: 33 }, "invalid"],
    [{ code: 3 }, "invalid"],
    [{ code: 368 }, "invalid"],
    [{ code: 506 }, "invalid"],
    [{ code: 803 }, "invalid"],
    [{ code: 2635 }, "invalid"],
    [{ httpStatus: 400 }, "invalid"],
    [{ httpStatus: 404 }, "invalid"],
    [{ isTransient: false, httpStatus: 400, code: 1 }, "transient"],
    [{}, "invalid"],
  ] as const)("%j → %s", (input, expected) => {
    expect(categorizeGraphError(input)).toBe(expected)
  })
})

describe("GraphError", () => {
  it("derives its category and transience when not given", () => {
    const e = new GraphError({ message: "m", code: 2, httpStatus: 500 })
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe("GraphError")
    expect(e.category).toBe("transient")
    expect(e.isTransient).toBe(true)
    expect(isGraphError(e)).toBe(true)
    expect(isGraphError(new Error("x"))).toBe(false)
  })

  it("keeps an explicit category", () => {
    expect(new GraphError({ message: "m", code: 190, category: "invalid" }).category).toBe("invalid")
  })
})

describe("extractMetaError", () => {
  it("finds Meta's error object and ignores other shapes", () => {
    expect(extractMetaError({ error: { message: "x", code: 1 } })).toEqual({ message: "x", code: 1 })
    expect(extractMetaError({ error: "string" })).toBeUndefined()
    expect(extractMetaError({ error: null })).toBeUndefined()
    expect(extractMetaError({ error: [1] })).toBeUndefined()
    expect(extractMetaError({ data: [] })).toBeUndefined()
    expect(extractMetaError(null)).toBeUndefined()
    expect(extractMetaError("error")).toBeUndefined()
  })
})

describe("graphErrorFromMetaError", () => {
  const redact = (s: string) => s.replace("SECRET", "[redacted]")

  it("maps every documented field and redacts the free texts", () => {
    const e = graphErrorFromMetaError(
      {
        message: "bad SECRET",
        type: "OAuthException",
        code: 190,
        error_subcode: 460,
        error_user_title: "Title SECRET",
        error_user_msg: "Msg SECRET",
        fbtrace_id: "trace",
        is_transient: false,
      },
      { httpStatus: 400, redact, method: "GET", path: "/v25.0/me" }
    )
    expect(e).toMatchObject({
      message: "bad [redacted]",
      category: "auth",
      code: 190,
      subcode: 460,
      type: "OAuthException",
      fbtraceId: "trace",
      userTitle: "Title [redacted]",
      userMessage: "Msg [redacted]",
      httpStatus: 400,
      isTransient: false,
      method: "GET",
      path: "/v25.0/me",
    })
  })

  it("accepts numeric strings, tolerates junk and falls back to a generic message", () => {
    const e = graphErrorFromMetaError(
      { code: "80004", error_subcode: "2446079", message: 42, is_transient: "yes", fbtrace_id: 7 },
      { httpStatus: 400, redact }
    )
    expect(e.code).toBe(80004)
    expect(e.subcode).toBe(2446079)
    expect(e.message).toBe("Graph API error #80004")
    expect(e.fbtraceId).toBeUndefined()
    expect(e.category).toBe("throttled")
    const bare = graphErrorFromMetaError({}, { redact })
    expect(bare.message).toBe("Graph API error")
    expect(bare.category).toBe("invalid")
  })

  it("asks for retryAfterMs with the computed category", () => {
    const seen: string[] = []
    const e = graphErrorFromMetaError({ code: 17, message: "slow down" }, {
      redact,
      retryAfterMs: (category) => {
        seen.push(category)
        return 1234
      },
    })
    expect(seen).toEqual(["throttled"])
    expect(e.retryAfterMs).toBe(1234)
  })
})
