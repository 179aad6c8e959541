import { CATALOG_ITEM_ORDERS, CATALOG_ITEM_STATUSES, MAX_CATALOG_SEARCH_LENGTH, type CatalogItemListStatus } from "./catalog-item-list"

/**
 * The catalog page's list state as it lives in the address bar (so a link such as the "Needs attention"
 * total opens the list filtered): read leniently (anything unknown falls back to the default, a hand-edited
 * URL never breaks the page), written minimally (defaults are left out).
 */
export type CatalogListParams = {
  status?: CatalogItemListStatus
  excluded?: boolean
  q: string
  order: string
  offset: number
}

/** Problems first: what the merchant opens this page for. */
export const CATALOG_LIST_DEFAULT_ORDER = "status"

type ReadableParams = { get(name: string): string | null }

export function readCatalogListParams(params: ReadableParams): CatalogListParams {
  const status = params.get("status")
  const excluded = params.get("excluded")
  const order = params.get("order")
  const offset = Number(params.get("offset"))
  return {
    status: (CATALOG_ITEM_STATUSES as readonly string[]).includes(status ?? "") ? (status as CatalogItemListStatus) : undefined,
    excluded: excluded === "true" ? true : excluded === "false" ? false : undefined,
    q: (params.get("q") ?? "").slice(0, MAX_CATALOG_SEARCH_LENGTH),
    order: order && CATALOG_ITEM_ORDERS.includes(order) ? order : CATALOG_LIST_DEFAULT_ORDER,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  }
}

/** The address-bar form of a list state; a change of filter, search or order goes back to the first page. */
export function writeCatalogListParams(list: CatalogListParams): Record<string, string> {
  const out: Record<string, string> = {}
  if (list.status) out.status = list.status
  if (list.excluded !== undefined) out.excluded = String(list.excluded)
  if (list.q) out.q = list.q
  if (list.order !== CATALOG_LIST_DEFAULT_ORDER) out.order = list.order
  if (list.offset > 0) out.offset = String(list.offset)
  return out
}
