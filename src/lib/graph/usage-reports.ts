/**
 * When a process reports its Graph usage: at once after the first reading, then at most once per
 * `intervalMs` — a reading that arrives sooner is reported when the interval is up (the newest one wins),
 * so a process that stops calling still leaves its last figures. Clock and timer are injected.
 */
export class UsageReports {
  #lastAt: number | null = null
  #pending = false
  #timer: unknown = null

  constructor(
    private readonly intervalMs: number,
    private readonly report: () => void,
    private readonly clock: {
      now: () => number
      setTimeout: (fn: () => void, ms: number) => unknown
    } = { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms).unref() }
  ) {}

  /** A new reading exists. */
  changed(): void {
    const now = this.clock.now()
    if (this.#lastAt === null || now - this.#lastAt >= this.intervalMs) {
      this.#send(now)
      return
    }
    this.#pending = true
    if (this.#timer === null) {
      this.#timer = this.clock.setTimeout(() => {
        this.#timer = null
        if (this.#pending) this.#send(this.clock.now())
      }, this.intervalMs - (now - this.#lastAt))
    }
  }

  #send(now: number): void {
    this.#lastAt = now
    this.#pending = false
    try {
      this.report()
    } catch {
      // reporting never breaks the call that produced the reading
    }
  }
}
