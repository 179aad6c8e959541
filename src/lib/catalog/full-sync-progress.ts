/**
 * What CatalogItemRepository.countByStatus reports: live items per status, plus how many carry the dirty and
 * excluded flags and how many dirty items are with Meta right now (in_flight: claimed or sent).
 */
export type CatalogItemCounts = Record<string, number> & { dirty: number; excluded: number; in_flight?: number }

const FLAGS = new Set(["dirty", "excluded", "in_flight"])

/** Every live item, each counted once: the sum of the status counts (dirty, excluded, in_flight are flags, not statuses). */
export function catalogItemTotal(counts: CatalogItemCounts): number {
  return Object.entries(counts)
    .filter(([key]) => !FLAGS.has(key))
    .reduce((sum, [, n]) => sum + n, 0)
}

/**
 * A full sync's progress against the total it started with. An item stays dirty until Meta answered
 * for it (due, waiting for a retry, or in flight); one already handed to Meta counts as processed, so
 * the bar moves with every items_batch call instead of jumping from 0 when Meta confirms the last one. A
 * DELETE in flight is dirty too, and its "deleting" status is not a second item to wait for. Done when
 * nothing is dirty and no batch still awaits Meta's answer.
 */
export function fullSyncProgress(
  total: number,
  counts: CatalogItemCounts,
  batchesInFlight: number
): { processed: number; done: boolean } {
  const remaining = Math.max(0, counts.dirty - (counts.in_flight ?? 0))
  return {
    processed: Math.min(total, Math.max(0, total - remaining)),
    done: counts.dirty === 0 && batchesInFlight === 0,
  }
}
