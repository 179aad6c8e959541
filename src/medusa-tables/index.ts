/**
 * The one place where the plugin reads Medusa's own tables with SQL instead of `query.graph` or a module
 * service: the catalog's hot paths (a pass over 5,000 variants, the price watcher every few seconds, a
 * full sync of 100,000 variants) would otherwise spend their time and memory building Query's object
 * trees. One file per source; each statement reads only what the caller needs, as plain rows.
 *
 * These tables belong to Medusa's product, pricing, inventory, sales-channel and stock-location modules;
 * their meaning may change in a Medusa release. integration-tests/http/meta-medusa-tables.spec.ts seeds a
 * store with the awkward cases (price rules, price lists, several stock locations, reservations, variant
 * images, sales channels) through Medusa's own workflows and proves that what these functions return is
 * what `query.graph`, the pricing module and Medusa's variant availability say — so such a change fails a
 * test instead of sending wrong prices or stock to Meta. The catalog page's search and title order
 * (catalog-item-list.ts) are proven against Medusa's rows by integration-tests/http/meta-catalog-list.spec.ts.
 */
export { catalogItemListStatements, type CatalogItemListStatements } from "./catalog-item-list"
export { loadCatalogSources, type CatalogSource } from "./catalog-variants"
export { pricesChangedAfterSql, readPriceChangesSince, type PriceChanges } from "./price-changes"
export { listVariantIdsAfter, type VariantIdRow } from "./variant-ids"
