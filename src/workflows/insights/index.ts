export * from "./workflows/refresh-meta-insights"
export * from "./workflows/attribute-order-to-publication"
