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

/** Leads (and the failed ones); for one customer when `customerId` is given (the customer page). */
export const useMetaLeads = (offset: number, customerId?: string, limit: number = PAGE_SIZE) =>
  useQuery<MetaLeadsResponse, FetchError>({
    queryKey: [...metaLeadsQueryKey.all, "list", customerId ?? "all", offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaLeadsResponse>("/admin/meta/leads", {
        query: { limit, offset, ...(customerId ? { customer_id: customerId } : {}) },
      }),
    refetchInterval: customerId ? false : LIVE_MS,
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
      // Every comment is read now: the "new only" lists are empty and no row stays marked new while
      // the lists refetch.
      const readAt = new Date().toISOString()
      for (const [key, current] of queryClient.getQueriesData<MetaCommentsResponse>({ queryKey: metaCommentsQueryKey.all })) {
        if (!current) continue
        const unreadOnly = key[key.length - 1] === true
        queryClient.setQueryData<MetaCommentsResponse>(
          key,
          unreadOnly
            ? { ...current, comments: [], count: 0, unread_count: 0 }
            : { ...current, unread_count: 0, comments: current.comments.map((c) => ({ ...c, read_at: c.read_at ?? readAt })) }
        )
      }
      queryClient.setQueriesData<MetaWebhookEventsResponse>({ queryKey: metaWebhooksQueryKey.all }, (current) =>
        current ? { ...current, unread_comments: 0 } : current
      )
      void queryClient.invalidateQueries({ queryKey: metaCommentsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaWebhooksQueryKey.all })
    },
  })
}

export { PAGE_SIZE as META_WEBHOOKS_PAGE_SIZE }
