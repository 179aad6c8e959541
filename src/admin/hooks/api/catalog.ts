import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaCatalogItemOrder,
  MetaCatalogItemStatus,
  MetaCatalogItemsBulkResponse,
  MetaCatalogItemsResponse,
  MetaCatalogProductResponse,
  MetaCatalogResponse,
  MetaCatalogSyncResponse,
} from "../../../types/http/catalog"

export const metaCatalogQueryKey = queryKeysFactory("meta_catalog")

const PAGE_SIZE = 20
// A running full sync moves every few seconds (the worker ticks every 5 s); idle totals change slowly.
const RUNNING_POLL_MS = 2_000
const IDLE_POLL_MS = 30_000

export const useMetaCatalog = () =>
  useQuery<MetaCatalogResponse, FetchError>({
    queryKey: [...metaCatalogQueryKey.all, "summary"],
    queryFn: () => sdk.client.fetch<MetaCatalogResponse>("/admin/meta/catalog"),
    refetchInterval: (query) =>
      query.state.data?.catalog.full_sync?.status === "running" || (query.state.data?.catalog.totals.waiting ?? 0) > 0
        ? RUNNING_POLL_MS
        : IDLE_POLL_MS,
  })

export const useStartMetaCatalogFullSync = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCatalogSyncResponse, FetchError, void>({
    mutationFn: () => sdk.client.fetch("/admin/meta/catalog/sync", { method: "POST", body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaCatalogQueryKey.all }),
  })
}

/** The catalog list as the page asks for it: filters, search and order, one page. */
export type MetaCatalogListQuery = {
  status?: MetaCatalogItemStatus
  excluded?: boolean
  q?: string
  order: MetaCatalogItemOrder
  offset: number
}

export const useMetaCatalogItems = (list: MetaCatalogListQuery) =>
  useQuery<MetaCatalogItemsResponse, FetchError>({
    queryKey: [...metaCatalogQueryKey.all, "items", list],
    queryFn: () =>
      sdk.client.fetch<MetaCatalogItemsResponse>("/admin/meta/catalog/items", {
        query: {
          ...(list.status ? { status: list.status } : {}),
          ...(list.excluded !== undefined ? { excluded: String(list.excluded) } : {}),
          ...(list.q ? { q: list.q } : {}),
          order: list.order,
          limit: PAGE_SIZE,
          offset: list.offset,
        },
      }),
    placeholderData: (previous) => previous,
    refetchInterval: IDLE_POLL_MS,
  })

export type MetaCatalogBulkAction = "exclude" | "include" | "sync"

/** Exclude, include or sync the selected rows' variants. */
export const useMetaCatalogBulkAction = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCatalogItemsBulkResponse, FetchError, { action: MetaCatalogBulkAction; variant_ids: string[] }>({
    mutationFn: ({ action, variant_ids }) =>
      sdk.client.fetch(`/admin/meta/catalog/items/${action}`, { method: "POST", body: { variant_ids } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaCatalogQueryKey.all }),
  })
}

/** Include or exclude every variant of one product (the product route without variant_ids). */
export const useMetaCatalogWholeProduct = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCatalogProductResponse, FetchError, { productId: string; action: "include" | "exclude" }>({
    mutationFn: ({ productId, action }) =>
      sdk.client.fetch(`/admin/meta/catalog/products/${productId}/${action}`, { method: "POST", body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaCatalogQueryKey.all }),
  })
}

export const useMetaCatalogProduct = (productId: string) =>
  useQuery<MetaCatalogProductResponse, FetchError>({
    queryKey: metaCatalogQueryKey.detail(productId),
    queryFn: () => sdk.client.fetch<MetaCatalogProductResponse>(`/admin/meta/catalog/products/${productId}`),
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => item.pending) ? RUNNING_POLL_MS : IDLE_POLL_MS,
  })

/**
 * The product's variants (id, title, SKU). The detail page hands widgets a product without its
 * variants, so the widget reads them itself.
 */
export const useProductVariantsForMeta = (productId: string) =>
  useQuery({
    queryKey: [...metaCatalogQueryKey.detail(productId), "variants"],
    queryFn: () =>
      sdk.admin.product.listVariants(productId, { fields: "id,title,sku", limit: 500 }),
  })

type ProductAction = { action: "sync" } | { action: "include" | "exclude"; variant_ids: string[] }

export const useMetaCatalogProductAction = (productId: string) => {
  const queryClient = useQueryClient()
  return useMutation<MetaCatalogProductResponse, FetchError, ProductAction>({
    mutationFn: (input) =>
      sdk.client.fetch(`/admin/meta/catalog/products/${productId}/${input.action}`, {
        method: "POST",
        body: input.action === "sync" ? {} : { variant_ids: input.variant_ids },
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(metaCatalogQueryKey.detail(productId), data)
      void queryClient.invalidateQueries({ queryKey: metaCatalogQueryKey.all })
    },
  })
}

export { PAGE_SIZE as META_CATALOG_PAGE_SIZE }
