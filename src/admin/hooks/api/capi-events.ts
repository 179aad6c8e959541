import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaCapiEventFilters,
  MetaCapiEventResponse,
  MetaCapiEventsResponse,
  MetaCapiMatchQualityResponse,
  MetaCapiSettingsBody,
  MetaCapiSettingsResponse,
} from "../../../types/http/events"

export const metaCapiEventsQueryKey = queryKeysFactory("meta_capi_events")
export const metaCapiSettingsQueryKey = queryKeysFactory("meta_capi_settings")

export const META_CAPI_EVENTS_PAGE_SIZE = 20

// Events are sent within seconds of an order and retried every minute; a short interval keeps the log live.
const LIVE_MS = 10_000

const filterQuery = (filters: MetaCapiEventFilters) => ({
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.event_name ? { event_name: filters.event_name } : {}),
  ...(filters.subject_id ? { subject_id: filters.subject_id } : {}),
})

export const useMetaCapiEvents = (filters: MetaCapiEventFilters, offset: number, limit = META_CAPI_EVENTS_PAGE_SIZE) =>
  useQuery<MetaCapiEventsResponse, FetchError>({
    queryKey: [...metaCapiEventsQueryKey.all, "list", filters, offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaCapiEventsResponse>("/admin/meta/events", {
        query: { ...filterQuery(filters), limit, offset },
      }),
    refetchInterval: LIVE_MS,
  })

/** The match-quality summary over every event the filters select (all pages). */
export const useMetaCapiMatchQuality = (filters: MetaCapiEventFilters) =>
  useQuery<MetaCapiMatchQualityResponse, FetchError>({
    queryKey: [...metaCapiEventsQueryKey.all, "match_quality", filters],
    queryFn: () =>
      sdk.client.fetch<MetaCapiMatchQualityResponse>("/admin/meta/events/match-quality", {
        query: filterQuery(filters),
      }),
    refetchInterval: LIVE_MS,
  })

export const useReplayMetaCapiEvent = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCapiEventResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/meta/events/${id}/replay`, { method: "POST", body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaCapiEventsQueryKey.all })
    },
  })
}

export const useMetaCapiSettings = () =>
  useQuery<MetaCapiSettingsResponse, FetchError>({
    queryKey: metaCapiSettingsQueryKey.all,
    queryFn: () => sdk.client.fetch("/admin/meta/events/settings"),
  })

export const useUpdateMetaCapiSettings = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCapiSettingsResponse, FetchError, MetaCapiSettingsBody>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/events/settings", { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(metaCapiSettingsQueryKey.all, data)
    },
  })
}
