export * from "./workflows/publish-meta-publications"
export * from "./workflows/sync-meta-publishing-accounts"
export * from "./workflows/create-meta-publication"
export * from "./workflows/update-meta-publication"
