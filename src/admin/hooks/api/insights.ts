import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaAccountInsightsResponse,
  MetaBestTimesResponse,
  MetaInsightsRefreshResponse,
  MetaPublicationInsightsResponse,
} from "../../../types/http/insights"

export const metaInsightsQueryKey = queryKeysFactory("meta_insights")

// The refresh job reads Meta daily (the last 30 days' publications more often) and Meta itself reports up to
// 48 h late: reading the same figures again within minutes shows nothing new.
const INSIGHTS_STALE_MS = 5 * 60_000
// The ranking learns from days of history; it does not move within a session.
const BEST_TIMES_STALE_MS = 30 * 60_000

const INSIGHTS_PATH = "/admin/meta/insights"

/** The body of `POST /admin/meta/insights/refresh` (not in `src/types/http/insights.ts`): no account = all of them. */
type MetaInsightsRefreshBody = { account_id?: string }

export type MetaInsightsRange = { from: string; to: string }

const accountInsightsKey = (accountId: string, range: MetaInsightsRange) =>
  [...metaInsightsQueryKey.all, "account", accountId, range.from, range.to] as const

/** An account over a date range: its days, its publications in the range and the revenue they brought. */
export const useMetaAccountInsights = (accountId: string | undefined, range: MetaInsightsRange) =>
  useQuery<MetaAccountInsightsResponse, FetchError>({
    queryKey: accountInsightsKey(accountId ?? "", range),
    queryFn: () =>
      sdk.client.fetch<MetaAccountInsightsResponse>(`${INSIGHTS_PATH}/accounts/${accountId}`, { query: range }),
    enabled: !!accountId,
    staleTime: INSIGHTS_STALE_MS,
    // Another range of the same account keeps the figures on screen while it loads; another account does not.
    placeholderData: (previous) => (previous?.insights.account_id === accountId ? previous : undefined),
  })

/** One publication's latest figures, how they grew, and the orders that came through its link. */
export const useMetaPublicationInsights = (publicationId: string | undefined) =>
  useQuery<MetaPublicationInsightsResponse, FetchError>({
    queryKey: [...metaInsightsQueryKey.all, "publication", publicationId ?? ""],
    queryFn: () => sdk.client.fetch<MetaPublicationInsightsResponse>(`${INSIGHTS_PATH}/publications/${publicationId}`),
    enabled: !!publicationId,
    staleTime: INSIGHTS_STALE_MS,
  })

/** The account's 168 hour-of-week slots (UTC), best first, with the reason for each. */
export const useMetaBestTimes = (accountId: string | undefined) =>
  useQuery<MetaBestTimesResponse, FetchError>({
    queryKey: [...metaInsightsQueryKey.all, "best_times", accountId ?? ""],
    queryFn: () =>
      sdk.client.fetch<MetaBestTimesResponse>(`${INSIGHTS_PATH}/best-times`, { query: { account_id: accountId } }),
    enabled: !!accountId,
    staleTime: BEST_TIMES_STALE_MS,
  })

/** Reads the figures from Meta now (one account, or all of them) instead of waiting for the job. */
export const useRefreshMetaInsights = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaInsightsRefreshResponse, FetchError, MetaInsightsRefreshBody>({
    mutationFn: (body) => sdk.client.fetch(`${INSIGHTS_PATH}/refresh`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metaInsightsQueryKey.all }),
  })
}
