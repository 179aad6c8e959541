import { coalesce } from "../coalesce"

/** A wait the test ends by hand, so windows open and close exactly where the test says. */
function manualWaits() {
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = []
  const wait = () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject }))
  const endNext = () => pending.shift()!.resolve()
  const failNext = (error: Error) => pending.shift()!.reject(error)
  return { wait, endNext, failNext, get open() { return pending.length } }
}

describe("coalesce", () => {
  it("passes everything handed in during one wait in one run, each value once", async () => {
    const waits = manualWaits()
    const runs: string[][] = []
    const add = coalesce<string>(waits.wait, async (ids) => void runs.push(ids))
    const calls = [add(["res_1"]), add(["res_2", "res_1"]), add(["res_3"])]
    expect(waits.open).toBe(1)
    waits.endNext()
    await Promise.all(calls)
    expect(runs).toEqual([["res_1", "res_2", "res_3"]])
  })

  it("a value handed in once the wait has ended opens the next window; nothing is dropped", async () => {
    const waits = manualWaits()
    const runs: string[][] = []
    let releaseRun!: () => void
    const add = coalesce<string>(waits.wait, async (ids) => {
      runs.push(ids)
      if (runs.length === 1) await new Promise<void>((resolve) => (releaseRun = resolve))
    })
    const first = add(["a"])
    waits.endNext()
    await new Promise((resolve) => setImmediate(resolve))
    // The first run is still going: "b" must not join it (it already read its values) nor be lost.
    const second = add(["b"])
    expect(waits.open).toBe(1)
    releaseRun()
    await first
    waits.endNext()
    await second
    expect(runs).toEqual([["a"], ["b"]])
  })

  it("every caller of a window sees its run fail; the next window runs again", async () => {
    const waits = manualWaits()
    let fail = true
    const runs: string[][] = []
    const add = coalesce<string>(waits.wait, async (ids) => {
      runs.push(ids)
      if (fail) throw new Error("database down")
    })
    const calls = [add(["a"]), add(["b"])]
    waits.endNext()
    await expect(calls[0]).rejects.toThrow("database down")
    await expect(calls[1]).rejects.toThrow("database down")
    fail = false
    const retry = add(["a"])
    waits.endNext()
    await expect(retry).resolves.toBeUndefined()
    expect(runs).toEqual([["a", "b"], ["a"]])
  })

  it("a failed wait does not leave the window stuck open", async () => {
    const waits = manualWaits()
    const runs: string[][] = []
    const add = coalesce<string>(waits.wait, async (ids) => void runs.push(ids))
    const lost = add(["a"])
    waits.failNext(new Error("timer cancelled"))
    await expect(lost).rejects.toThrow("timer cancelled")
    const next = add(["b"])
    expect(waits.open).toBe(1)
    waits.endNext()
    await next
    expect(runs).toEqual([["b"]])
  })
})
