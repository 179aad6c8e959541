export * from "./public-url"
export * from "./setup-values"
export * from "./setup-health"
