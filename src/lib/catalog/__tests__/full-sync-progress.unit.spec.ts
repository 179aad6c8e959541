import { catalogItemTotal, fullSyncProgress, type CatalogItemCounts } from "../full-sync-progress"

const counts = (statuses: Record<string, number>, dirty: number, excluded = 0, in_flight = 0) =>
  ({ ...statuses, dirty, excluded, in_flight }) as CatalogItemCounts

describe("catalogItemTotal", () => {
  it.each<[string, CatalogItemCounts, number]>([
    ["no items", counts({}, 0), 0],
    ["every status counts once", counts({ pending: 3, synced: 5, needs_attention: 1, error: 1, deleting: 2, removed: 4 }, 5), 16],
    ["the dirty flag is not an item of its own", counts({ pending: 10 }, 10), 10],
    ["excluded items are counted by their status, not again by the flag", counts({ removed: 2, synced: 1 }, 0, 2), 3],
    ["items in flight are counted by their status, not again by the flag", counts({ pending: 5, synced: 1 }, 5, 0, 5), 6],
  ])("%s", (_, input, expected) => {
    expect(catalogItemTotal(input)).toBe(expected)
  })
})

describe("fullSyncProgress", () => {
  it.each<[string, number, CatalogItemCounts, number, { processed: number; done: boolean }]>([
    ["just started: everything to do", 12_000, counts({ pending: 12_000 }, 12_000), 0, { processed: 0, done: false }],
    ["all handed to Meta, not confirmed yet: processed, not done", 12_000, counts({ pending: 12_000 }, 12_000, 0, 12_000), 3, { processed: 12_000, done: false }],
    ["one batch of three sent: the bar moves", 12_000, counts({ pending: 12_000 }, 12_000, 0, 5_000), 1, { processed: 5_000, done: false }],
    ["claimed and sent items never count twice", 10, counts({ pending: 10 }, 10, 0, 10), 1, { processed: 10, done: false }],
    ["unchanged items are done at once", 8, counts({ synced: 8 }, 4), 0, { processed: 4, done: false }],
    // A DELETE in flight is dirty and "deleting": counting both took progress from 4 back to 0.
    ["DELETEs in flight count once", 8, counts({ synced: 4, deleting: 4 }, 4), 1, { processed: 4, done: false }],
    ["failed DELETEs waiting for a retry count once", 8, counts({ synced: 4, pending: 4 }, 4), 0, { processed: 4, done: false }],
    ["Meta answered for everything", 12_000, counts({ synced: 11_990, needs_attention: 10 }, 0), 0, { processed: 12_000, done: true }],
    ["nothing dirty but a batch still awaits Meta's answer", 10, counts({ synced: 10 }, 0), 1, { processed: 10, done: false }],
    ["variants created during the sync never take it below zero", 10, counts({ pending: 13 }, 13), 0, { processed: 0, done: false }],
    ["an empty store is done at once", 0, counts({}, 0), 0, { processed: 0, done: true }],
  ])("%s", (_, total, itemCounts, inFlight, expected) => {
    expect(fullSyncProgress(total, itemCounts, inFlight)).toEqual(expected)
  })
})
