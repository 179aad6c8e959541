import { CatalogPassThread, CatalogPassThreadUnavailable } from "../catalog-pass-thread"
import type { CatalogPassInput } from "../prepare-catalog-pass"

jest.setTimeout(60_000)

const input: CatalogPassInput = {
  batchId: "metacb_test",
  batchSize: 10,
  catalogId: "30001",
  salesChannelId: null,
  settings: { currencyCode: "usd", productUrlTemplate: "{storefrontUrl}/products/{handle}", now: new Date() },
}
/** Nothing listens on port 1: the thread starts, but its connection is refused. */
const unreachable = { host: "127.0.0.1", port: 1, connectionTimeoutMillis: 5_000 }

describe("CatalogPassThread", () => {
  const thread = new CatalogPassThread()
  afterAll(() => thread.close())

  it("says it is unavailable when it cannot reach the database, and rests after three failures in a row", async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(thread.available).toBe(true)
      const failure = thread.run(unreachable, input)
      await expect(failure).rejects.toBeInstanceOf(CatalogPassThreadUnavailable)
      await expect(failure).rejects.toThrow(/cannot connect to the database/)
    }
    // Passes now stay on the main thread for a while instead of trying a thread that keeps failing…
    expect(thread.available).toBe(false)
    const now = Date.now()
    const clock = jest.spyOn(Date, "now")
    clock.mockReturnValue(now + 9 * 60_000)
    expect(thread.available).toBe(false)
    // Ten minutes later it is tried again.
    clock.mockReturnValue(now + 10 * 60_000 + 1)
    expect(thread.available).toBe(true)
    clock.mockRestore()
  })
})
