import type { HttpTypes } from "@medusajs/framework/types"
import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaPublication,
  MetaPublicationCreateBody,
  MetaPublicationDeleteResponse,
  MetaPublicationResponse,
  MetaPublicationsResponse,
  MetaPublicationStatus,
  MetaPublicationUpdateBody,
  MetaPublicationValidateResponse,
  MetaPublishingAccountResponse,
  MetaPublishingAccountsResponse,
} from "../../../types/http/publishing"

export const metaPublishingAccountsQueryKey = queryKeysFactory("meta_publishing_accounts")
export const metaPublicationsQueryKey = queryKeysFactory("meta_publications")
const metaPublicationValidationQueryKey = queryKeysFactory("meta_publication_validation")
const publishingProductsQueryKey = queryKeysFactory("meta_publishing_products")

export const META_PUBLICATIONS_PAGE_SIZE = 20

// A publication being published changes within seconds; otherwise the list only moves when the job runs.
const PUBLISHING_POLL_MS = 2_000
const IDLE_POLL_MS = 30_000
// Reading the accounts refreshes them from Meta (a few Graph calls): not on every mount.
const ACCOUNTS_STALE_MS = 60_000

const PUBLICATIONS_PATH = "/admin/meta/publications"

export type MetaPublicationFilters = {
  status?: MetaPublicationStatus
  account_id?: string
  product_id?: string
  /** ISO times; a publication is in the range when its scheduled or published time is. */
  from?: string
  to?: string
}

/** Publishing now, or scheduled for a time that has come: the job is about to pick it up. */
const isInFlight = (publication: MetaPublication) =>
  publication.status === "publishing" ||
  (publication.status === "scheduled" && !!publication.scheduled_at && Date.parse(publication.scheduled_at) <= Date.now())

export const useMetaPublishingAccounts = () =>
  useQuery<MetaPublishingAccountsResponse, FetchError>({
    queryKey: metaPublishingAccountsQueryKey.all,
    queryFn: () => sdk.client.fetch<MetaPublishingAccountsResponse>("/admin/meta/publishing/accounts"),
    staleTime: ACCOUNTS_STALE_MS,
  })

export const useSetMetaPublishingAccountEnabled = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaPublishingAccountResponse, FetchError, { id: string; enabled: boolean }>({
    mutationFn: ({ id, enabled }) =>
      sdk.client.fetch(`/admin/meta/publishing/accounts/${id}`, { method: "POST", body: { enabled } }),
    // The answer is the account itself; refetching the list would call Meta again for nothing.
    onSuccess: ({ account }) =>
      queryClient.setQueryData<MetaPublishingAccountsResponse>(metaPublishingAccountsQueryKey.all, (current) =>
        current ? { accounts: current.accounts.map((a) => (a.id === account.id ? account : a)) } : current
      ),
  })
}

export const useMetaPublications = (
  filters: MetaPublicationFilters,
  page: { offset?: number; limit?: number; enabled?: boolean } = {}
) => {
  const { offset = 0, limit = META_PUBLICATIONS_PAGE_SIZE, enabled = true } = page
  return useQuery<MetaPublicationsResponse, FetchError>({
    queryKey: [...metaPublicationsQueryKey.all, "list", filters, offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaPublicationsResponse>(PUBLICATIONS_PATH, {
        query: { ...filters, limit, offset },
      }),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.publications.some(isInFlight) ? PUBLISHING_POLL_MS : IDLE_POLL_MS),
  })
}

/** One publication, polled while it is being published so its drawer shows the outcome. */
export const useMetaPublication = (id: string | undefined) =>
  useQuery<MetaPublicationResponse, FetchError>({
    queryKey: metaPublicationsQueryKey.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<MetaPublicationResponse>(`${PUBLICATIONS_PATH}/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isInFlight(query.state.data.publication) ? PUBLISHING_POLL_MS : false),
  })

/** After a change: the answer becomes the publication's cached detail, and every list reads again. */
const useStorePublication = () => {
  const queryClient = useQueryClient()
  return (data: MetaPublicationResponse) => {
    queryClient.setQueryData(metaPublicationsQueryKey.detail(data.publication.id), data)
    void queryClient.invalidateQueries({ queryKey: [...metaPublicationsQueryKey.all, "list"] })
  }
}

export const useCreateMetaPublication = () => {
  const store = useStorePublication()
  return useMutation<MetaPublicationResponse, FetchError, MetaPublicationCreateBody>({
    mutationFn: (body) => sdk.client.fetch(PUBLICATIONS_PATH, { method: "POST", body }),
    onSuccess: store,
  })
}

/** An edit, or a reschedule from the calendar (`{ scheduled_at }`; null makes it a draft). */
export const useUpdateMetaPublication = () => {
  const store = useStorePublication()
  return useMutation<MetaPublicationResponse, FetchError, { id: string; body: MetaPublicationUpdateBody }>({
    mutationFn: ({ id, body }) => sdk.client.fetch(`${PUBLICATIONS_PATH}/${id}`, { method: "POST", body }),
    onSuccess: store,
  })
}

export const usePublishMetaPublication = () => {
  const store = useStorePublication()
  return useMutation<MetaPublicationResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`${PUBLICATIONS_PATH}/${id}/publish`, { method: "POST", body: {} }),
    onSuccess: store,
  })
}

export const useCancelMetaPublication = () => {
  const store = useStorePublication()
  return useMutation<MetaPublicationResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`${PUBLICATIONS_PATH}/${id}/cancel`, { method: "POST", body: {} }),
    onSuccess: store,
  })
}

export const useDeleteMetaPublication = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaPublicationDeleteResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`${PUBLICATIONS_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: ({ id }) => {
      queryClient.removeQueries({ queryKey: metaPublicationsQueryKey.detail(id) })
      void queryClient.invalidateQueries({ queryKey: [...metaPublicationsQueryKey.all, "list"] })
    },
  })
}

/** The checks of a create without creating anything (no Meta call); undefined body = nothing to check yet. */
export const useValidateMetaPublication = (body: MetaPublicationCreateBody | undefined) =>
  useQuery<MetaPublicationValidateResponse, FetchError>({
    queryKey: [...metaPublicationValidationQueryKey.all, body],
    queryFn: () =>
      sdk.client.fetch<MetaPublicationValidateResponse>(`${PUBLICATIONS_PATH}/validate`, { method: "POST", body }),
    enabled: !!body,
    placeholderData: keepPreviousData,
    retry: false,
  })

const PRODUCT_FIELDS = "id,title,thumbnail,handle,images.url,variants.prices.amount,variants.prices.currency_code"

/** Products for the compose drawer's picker: what a caption and the media are made from. */
export const useProductsForPublishing = (q: string) =>
  useQuery({
    queryKey: [...publishingProductsQueryKey.all, "list", q],
    queryFn: () => sdk.admin.product.list({ ...(q ? { q } : {}), fields: PRODUCT_FIELDS, limit: 20 }),
    placeholderData: keepPreviousData,
  })

/** The linked products' titles, for a publication whose products were picked earlier. */
export const useProductTitles = (ids: string[]) =>
  useQuery({
    queryKey: [...publishingProductsQueryKey.all, "titles", ids],
    queryFn: () => sdk.admin.product.list({ id: ids, fields: "id,title", limit: ids.length }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  })

/** A product with its images and prices (the detail page hands widgets a product without variant prices). */
export const useProductForPublishing = (id: string) =>
  useQuery<HttpTypes.AdminProductResponse, FetchError>({
    queryKey: publishingProductsQueryKey.detail(id),
    queryFn: () => sdk.admin.product.retrieve(id, { fields: PRODUCT_FIELDS }),
  })
