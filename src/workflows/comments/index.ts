export * from "./workflows/moderate-meta-comment"
