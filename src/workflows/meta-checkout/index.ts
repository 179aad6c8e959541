export * from "./workflows/create-meta-checkout-cart"
