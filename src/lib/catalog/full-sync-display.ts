/**
 * What a running full sync's progress bar says. "Checked" is what the count measures (every variant
 * compared with Meta and sent where it differed), not "synced": Meta confirms items after, and items that
 * need attention are checked but never synced. So the bar never claims 100 % while the run is still
 * waiting for Meta, nor next to a synced total of 0.
 */
export type FullSyncDisplay = {
  /** Bar width, 0–100. */
  percent: number
  /** The words next to the bar. */
  text: string
}

type RunProgress = { status: string; total: number; processed: number }

const count = (n: number) => n.toLocaleString("en-US")

/** The percentage of `processed` of `total`, rounded down so 99.6 % is not shown as done. */
function percentOf(processed: number, total: number): number {
  if (total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((processed / total) * 100)))
}

export function fullSyncDisplay(run: RunProgress, synced: number): FullSyncDisplay {
  if (run.total <= 0) return { percent: 0, text: "Nothing to check yet" }
  const processed = Math.max(0, Math.min(run.processed, run.total))
  const percent = percentOf(processed, run.total)
  const checked = `${count(processed)} of ${count(run.total)} variants checked`
  if (run.status === "running" && processed >= run.total) {
    return { percent: 99, text: `${checked}, waiting for Meta to confirm` }
  }
  if (percent === 100 && synced <= 0) {
    return { percent: 100, text: `${checked}; none is synced: see the items that need attention` }
  }
  return { percent, text: `${checked} (${percent}%)` }
}
