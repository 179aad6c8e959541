/**
 * Nightly reconcile: items Meta holds that the store does not know (orphans) are deleted — unless that
 * would wipe most of the catalog, which means something is wrong on our side (a wrong catalog selected,
 * a sales channel emptied by mistake), so the reconcile stops and asks the merchant instead.
 */
export const ORPHAN_SAFETY_RATIO = 0.5
/** Small catalogs are exempt: deleting 3 of 4 test items is not a disaster worth stopping for. */
export const ORPHAN_SAFETY_MIN_ITEMS = 20

export type OrphanPlan = { action: "delete"; retailerIds: string[] } | { action: "stop"; reason: string }

export function planOrphanDeletion(input: { metaItemCount: number; orphanRetailerIds: string[] }): OrphanPlan {
  const orphans = [...new Set(input.orphanRetailerIds)]
  const total = Math.max(input.metaItemCount, orphans.length)
  if (orphans.length >= ORPHAN_SAFETY_MIN_ITEMS && orphans.length > total * ORPHAN_SAFETY_RATIO) {
    return {
      action: "stop",
      reason:
        `Reconcile stopped: ${orphans.length} of ${total} items in the Meta catalog are unknown to the store; ` +
        "deleting them would remove most of the catalog. Check the selected catalog and sales channel.",
    }
  }
  return { action: "delete", retailerIds: orphans }
}
