export * from "./parse-checkout-url"
