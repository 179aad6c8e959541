export * from "./insights-metrics"
export * from "./parse-insights"
export * from "./best-times"
export * from "./insight-reads"
