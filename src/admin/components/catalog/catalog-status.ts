import type { MetaCatalogItemStatus } from "../../../types/http/catalog"

export const CATALOG_STATUS: Record<MetaCatalogItemStatus, { label: string; color: "green" | "orange" | "red" | "blue" | "grey" }> = {
  synced: { label: "Synced", color: "green" },
  pending: { label: "Pending", color: "blue" },
  needs_attention: { label: "Needs attention", color: "orange" },
  error: { label: "Meta error", color: "red" },
  deleting: { label: "Removing from Meta", color: "blue" },
  removed: { label: "Not in Meta", color: "grey" },
}

export const CATALOG_STATUS_FILTERS: MetaCatalogItemStatus[] = ["needs_attention", "error", "pending", "synced", "deleting", "removed"]
