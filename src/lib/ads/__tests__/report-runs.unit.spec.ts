import { ASYNC_INSIGHTS_MIN_OBJECTS, insightsMode, isTooMuchDataError, reportPollDelayMs, reportRunState } from "../report-runs"

describe("insightsMode", () => {
  it.each([
    [0, "sync"],
    [500, "sync"],
    [ASYNC_INSIGHTS_MIN_OBJECTS, "sync"],
    [ASYNC_INSIGHTS_MIN_OBJECTS + 1, "async"],
    [10_000, "async"],
    [NaN, "sync"],
    [Infinity, "sync"],
  ])("%s objects → %s", (objects, mode) => expect(insightsMode(objects)).toBe(mode))

  it("takes another threshold", () => {
    expect(insightsMode(11, 10)).toBe("async")
    expect(insightsMode(10, 10)).toBe("sync")
  })
})

describe("reportRunState", () => {
  it.each([
    [{ async_status: "Job Not Started", async_percent_completion: 0 }, "running", 0],
    [{ async_status: "Job Started", async_percent_completion: 0 }, "running", 0],
    [{ async_status: "Job Running", async_percent_completion: 66 }, "running", 66],
    [{ async_status: "Job Completed", async_percent_completion: 100 }, "completed", 100],
    // Completed is what lets the rows be read, whatever the percentage says.
    [{ async_status: "Job Completed", async_percent_completion: 99 }, "completed", 100],
    [{ async_status: "Job Failed", async_percent_completion: 40 }, "failed", 40],
    [{ async_status: "Job Skipped" }, "failed", 0],
    [{ async_status: "Something new", async_percent_completion: "12" }, "running", 12],
    [{ async_percent_completion: 150 }, "running", 100],
    [{}, "running", 0],
    [null, "running", 0],
  ])("%j → %s", (answer, state, percent) => {
    expect(reportRunState(answer as never)).toMatchObject({ state, percent })
  })

  it("keeps Meta's status text", () => {
    expect(reportRunState({ async_status: "Job Failed" }).status).toBe("Job Failed")
    expect(reportRunState({}).status).toBe("unknown")
  })
})

describe("reportPollDelayMs", () => {
  it("backs off from 250 ms, doubling, capped at 10 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(reportPollDelayMs)).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000])
    expect(reportPollDelayMs(1000)).toBe(10_000)
    expect(reportPollDelayMs(-3)).toBe(250)
    expect(reportPollDelayMs(1.7)).toBe(500)
  })
})

describe("isTooMuchDataError", () => {
  it.each([
    [{ code: 1, message: "Please reduce the amount of data you're asking for, then retry your request" }, true],
    [{ code: 1, message: "please REDUCE the amount of data" }, true],
    [{ category: "transient", message: "Graph API request timed out after 20000 ms" }, true],
    [{ category: "invalid", message: "timed out" }, false],
    [{ code: 1, message: "An unknown error occurred" }, false],
    [{ code: 100, message: "Invalid parameter" }, false],
    [{}, false],
  ])("%j → %s", (error, expected) => expect(isTooMuchDataError(error)).toBe(expected))
})
