export * from "./connection"
