export * from "./workflows/check-meta-alerts"
export * from "./workflows/sync-meta-ad-spend-days"
