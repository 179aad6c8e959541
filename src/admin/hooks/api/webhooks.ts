import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaCommentsReadResponse,
  MetaCommentsResponse,
  MetaLeadsResponse,
  MetaWebhookEventResponse,
  MetaWebhookEventStatus,
  MetaWebhookEventsResponse,
} from "../../../types/http/webhooks"

export const metaWebhooksQueryKey = queryKeysFactory("meta_webhooks")
export const metaLeadsQueryKey = queryKeysFactory("meta_leads")
export const metaCommentsQueryKey = queryKeysFactory("meta_comments")

const PAGE_SIZE = 20

// The log changes while Meta delivers; a short refetch interval keeps the page live.
const LIVE_MS = 10_000

export const useMetaWebhookEvents = (status: MetaWebhookEventStatus | undefined, offset: number) =>
  useQuery<MetaWebhookEventsResponse, FetchError>({
    queryKey: [...metaWebhooksQueryKey.all, "list", status ?? "all", offset],
    queryFn: () =>
      sdk.client.fetch<MetaWebhookEventsResponse>("/admin/meta/webhooks", {
        query: { ...(status ? { status } : {}), limit: PAGE_SIZE, offset },
      }),
    refetchInterval: LIVE_MS,
  })

export const useRetryMetaWebhookEvent = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaWebhookEventResponse, FetchError, string>({
    mutationFn: (id) =>
      sdk.client.fetch(`/admin/meta/webhooks/${id}/retry`, { method: "POST", body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaWebhooksQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaLeadsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaCommentsQueryKey.all })
    },
  })
}

export const useMetaLeads = (offset: number) =>
  useQuery<MetaLeadsResponse, FetchError>({
    queryKey: [...metaLeadsQueryKey.all, "list", offset],
    queryFn: () =>
      sdk.client.fetch<MetaLeadsResponse>("/admin/meta/leads", { query: { limit: PAGE_SIZE, offset } }),
    refetchInterval: LIVE_MS,
  })

export const useMetaComments = (unreadOnly: boolean) =>
  useQuery<MetaCommentsResponse, FetchError>({
    queryKey: [...metaCommentsQueryKey.all, "list", unreadOnly],
    queryFn: () =>
      sdk.client.fetch<MetaCommentsResponse>("/admin/meta/comments", {
        query: { limit: PAGE_SIZE, ...(unreadOnly ? { unread: "true" } : {}) },
      }),
    refetchInterval: LIVE_MS,
  })

export const useMarkMetaCommentsRead = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaCommentsReadResponse, FetchError, void>({
    mutationFn: () => sdk.client.fetch("/admin/meta/comments/read", { method: "POST", body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaCommentsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaWebhooksQueryKey.all })
    },
  })
}

export { PAGE_SIZE as META_WEBHOOKS_PAGE_SIZE }
