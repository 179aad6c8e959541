import { fbcFromFbclid, isFbCookie, isFbclid, resolveFbc } from "../click-id"

describe("fbc and fbp", () => {
  it("builds fbc from fbclid with a millisecond timestamp and subdomain index 1", () => {
    expect(fbcFromFbclid("IwAR2xYz-_abc", 1554763741205)).toBe("fb.1.1554763741205.IwAR2xYz-_abc")
    expect(fbcFromFbclid("IwAR2xYz", 1554763741205.9)).toBe("fb.1.1554763741205.IwAR2xYz")
  })

  it.each([
    ["fb.1.1554763741205.AbCdEfGhIj", true],
    ["fb.2.1596403881668.1116446470", true],
    ["fb.1.1596403881668.1116446470.BA", true],
    ["fb.1.1596403881668.1116446470.AQYBAQIA", true],
    ["fb.1.159640388.1116446470", false],
    ["fb.3.1596403881668.1116446470", false],
    ["fb.1.1596403881668.", false],
    ["ga.1.1596403881668.1116446470", false],
    ["fb.1.1596403881668.abc def", false],
    ["", false],
  ])("cookie shape %j → %s", (value, ok) => {
    expect(isFbCookie(value)).toBe(ok)
  })

  it.each([
    ["IwAR2xYz-_abc123", true],
    ["short", false],
    ["has space inside it", false],
    ["a".repeat(501), false],
  ])("fbclid %j → %s", (value, ok) => {
    expect(isFbclid(value)).toBe(ok)
  })

  it("prefers the _fbc cookie byte for byte, falls back to fbclid, else nothing", () => {
    const cookie = "fb.1.1554763741205.AbCdEfGhIj.BA"
    expect(resolveFbc({ fbc: cookie, fbclid: "IwAR2xYzOther", clickTimeMs: 1 })).toBe(cookie)
    expect(resolveFbc({ fbc: "garbage", fbclid: "IwAR2xYzOther", clickTimeMs: 1700000000000 })).toBe(
      "fb.1.1700000000000.IwAR2xYzOther"
    )
    expect(resolveFbc({ fbc: null, fbclid: null, clickTimeMs: 1 })).toBeNull()
  })
})
