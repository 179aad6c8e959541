import { classifyPublishError, type PublishErrorAction } from "../publish-errors"

const action = (input: Parameters<typeof classifyPublishError>[0]) => classifyPublishError(input).action

describe("classifyPublishError: Meta's Instagram error table", () => {
  it.each<[number, number, PublishErrorAction]>([
    [-2, 2207003, "retry"],
    [-2, 2207020, "new_container"],
    [-1, 2207001, "retry"],
    [-1, 2207032, "retry"],
    [-1, 2207053, "new_container"],
    [1, 2207057, "fail"],
    [4, 2207051, "fail"],
    [9, 2207042, "wait_quota"],
    [24, 2207006, "new_container"],
    [24, 2207008, "retry"],
    [25, 2207050, "fail"],
    [100, 2207023, "fail"],
    [100, 2207028, "fail"],
    [100, 2207035, "fail"],
    [100, 2207036, "fail"],
    [100, 2207037, "fail"],
    [100, 2207040, "fail"],
    [352, 2207026, "fail"],
    [9004, 2207052, "fail"],
    [9007, 2207027, "wait_not_ready"],
    [36000, 2207004, "fail"],
    [36001, 2207005, "fail"],
    [36003, 2207009, "fail"],
    [36004, 2207010, "fail"],
  ])("%i / %i → %s", (code, subcode, expected) => {
    expect(action({ code, subcode, httpStatus: 400, category: "invalid" })).toBe(expected)
  })

  it("lets the subcode win over a code family (4 is a throttle, 4/2207051 is spam; 1 is transient, 1/2207057 is not)", () => {
    expect(action({ code: 4, subcode: 2207051, category: "throttled" })).toBe("fail")
    expect(action({ code: 1, subcode: 2207057, category: "transient" })).toBe("fail")
  })

  it("gives specific hints", () => {
    expect(classifyPublishError({ code: 9004, subcode: 2207052 }).hint).toMatch(/publicly reachable/)
    expect(classifyPublishError({ code: 25, subcode: 2207050 }).hint).toMatch(/Open the Instagram app/)
    expect(classifyPublishError({ code: 36001, subcode: 2207005 }).hint).toMatch(/JPEG/)
    expect(classifyPublishError({ code: 36003, subcode: 2207009 }).hint).toMatch(/4:5.*1\.91:1/)
    expect(classifyPublishError({ code: 9, subcode: 2207042 }).hint).toMatch(/24 hours/)
  })

  it("reads the container's status subcode alone (status_code ERROR)", () => {
    expect(action({ subcode: 2207026, message: "ERROR" })).toBe("fail")
    expect(action({ subcode: 2207020 })).toBe("new_container")
  })
})

describe("classifyPublishError: Facebook Pages", () => {
  it.each<[number, PublishErrorAction]>([
    [1366046, "fail"],
    [1390008, "retry"],
    [1346003, "fail"],
    [1404078, "fail"],
    [1366051, "fail"],
    [1609008, "fail"],
    [1363047, "retry"],
    [1609010, "retry"],
    [4854002, "fail"],
    [1404102, "fail"],
  ])("subcode %i → %s", (subcode, expected) => {
    expect(action({ code: 100, subcode, httpStatus: 400 })).toBe(expected)
  })

  it("names Page Publishing Authorization", () => {
    expect(classifyPublishError({ code: 100, subcode: 1404078 }).hint).toMatch(/Page Publishing Authorization/)
  })

  it("knows duplicate posts and policy blocks", () => {
    expect(action({ code: 506 })).toBe("fail")
    expect(action({ code: 368 })).toBe("fail")
  })
})

describe("classifyPublishError: codes without a known subcode", () => {
  it.each<[number, PublishErrorAction]>([
    [9007, "wait_not_ready"],
    [9, "wait_quota"],
    [190, "reconnect"],
    [102, "reconnect"],
    [10, "reconnect"],
    [200, "reconnect"],
    [210, "reconnect"],
    [299, "reconnect"],
    [4, "retry"],
    [17, "retry"],
    [32, "retry"],
    [341, "retry"],
    [613, "retry"],
    [80000, "retry"],
    [80004, "retry"],
    [80014, "retry"],
    [1, "retry"],
    [2, "retry"],
    [-1, "retry"],
    [-2, "retry"],
    [24, "new_container"],
    [25, "fail"],
    [352, "fail"],
    [9004, "fail"],
    [36000, "fail"],
    [36001, "fail"],
    [36003, "fail"],
    [36004, "fail"],
    [100, "fail"],
    [80015, "fail"],
    [300, "fail"],
  ])("code %i → %s", (code, expected) => {
    expect(action({ code, httpStatus: 400 })).toBe(expected)
  })

  it("reconnects on 190 whatever the subcode (460 password changed, 463 expired)", () => {
    expect(action({ code: 190, subcode: 460 })).toBe("reconnect")
    expect(action({ code: 190, subcode: 463 })).toBe("reconnect")
  })

  it("retries an undocumented subcode of a transient code", () => {
    expect(action({ code: -1, subcode: 2207077 })).toBe("retry")
  })

  it("reads the code from Graph's '(#code)' message prefix and a subcode from the text", () => {
    expect(action({ message: "(#9007) Media ID is not available" })).toBe("wait_not_ready")
    expect(action({ message: "(#190) Error validating access token" })).toBe("reconnect")
    expect(action({ message: "Error 2207052: media fetch failed" })).toBe("fail")
    expect(action({ message: "The media is not ready 22070271" })).toBe("retry")
  })

  it("accepts numeric strings", () => {
    expect(action({ code: "9007" as unknown as number })).toBe("wait_not_ready")
    expect(action({ code: 100, subcode: "2207042" as unknown as number })).toBe("wait_quota")
  })
})

describe("classifyPublishError: HTTP status and category", () => {
  it.each<[Parameters<typeof classifyPublishError>[0], PublishErrorAction]>([
    [{ httpStatus: 500 }, "retry"],
    [{ httpStatus: 503, message: "Service Unavailable" }, "retry"],
    [{ httpStatus: 500, code: 100 }, "fail"],
    [{ httpStatus: 429 }, "retry"],
    [{ httpStatus: 401 }, "reconnect"],
    [{ httpStatus: 403 }, "reconnect"],
    [{ httpStatus: 400 }, "fail"],
    [{ httpStatus: 404 }, "fail"],
    [{ category: "auth" }, "reconnect"],
    [{ category: "permission" }, "reconnect"],
    [{ category: "throttled" }, "retry"],
    [{ category: "transient" }, "retry"],
    [{ category: "invalid" }, "fail"],
    [{ category: "something-new" }, "retry"],
    [{ category: "something-new", httpStatus: 400 }, "fail"],
    [{ code: 12345 }, "fail"],
    [{}, "retry"],
  ])("%j → %s", (input, expected) => {
    expect(action(input)).toBe(expected)
  })

  it("survives garbage", () => {
    expect(() => classifyPublishError(undefined as never)).not.toThrow()
    expect(() => classifyPublishError(null as never)).not.toThrow()
    expect(action({ code: Number.NaN, subcode: 1.5, httpStatus: Infinity, message: 42 as never, category: 7 as never })).toBe("retry")
  })

  it("always gives a hint", () => {
    for (const input of [{}, { code: 100 }, { code: 190 }, { subcode: 2207027 }, { httpStatus: 500 }]) {
      expect(classifyPublishError(input).hint.length).toBeGreaterThan(20)
    }
  })
})
