import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query"
import {
  findAdObject,
  patchAdObject,
  withoutChildren,
  type MetaAdLevel,
  type MetaAdObjectPatch,
} from "../../components/campaigns/campaign-tree"
import type { SyncResult } from "../../components/campaigns/campaigns-format"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaAd,
  MetaAdChangesResponse,
  MetaAdSet,
  MetaAdSetDuplicateResponse,
  MetaCampaign,
  MetaCampaignResponse,
  MetaCampaignsResponse,
} from "../../../types/http/ads"

export type { MetaAdLevel }

export const metaCampaignsQueryKey = queryKeysFactory("meta_campaigns")
export const metaAdChangesQueryKey = queryKeysFactory("meta_ad_changes")
const changeAuthorsQueryKey = queryKeysFactory("meta_ad_change_authors")

export const META_CAMPAIGNS_PAGE_SIZE = 50
export const META_AD_CHANGES_PAGE_SIZE = 20

// The mirror moves when the sync job runs (or "Sync from Meta"), not by itself: no polling, which would
// also race the toggles' optimistic state.
const CAMPAIGNS_STALE_MS = 30_000
// A change is "pending" only while its Graph call is out (seconds).
const PENDING_CHANGE_POLL_MS = 3_000

const LEVEL_PATH: Record<MetaAdLevel, string> = { campaign: "campaigns", ad_set: "ad-sets", ad: "ads" }

// ── Shapes the routes answer that src/types/http/ads.ts does not name yet ────────────────────────────

/** `POST /admin/meta/campaigns/sync`: what one pass mirrored, or why it did not run. */
export type MetaAdsSyncResponse = { sync: SyncResult }

/** The audit-log entry a status or budget change wrote, with Meta-side warnings (e.g. a 10× budget jump). */
export type MetaAdChangeReceipt = { id: string; warnings: string[] }

type MetaAdChangeResponse =
  | { campaign: MetaCampaign; change: MetaAdChangeReceipt }
  | { ad_set: MetaAdSet; change: MetaAdChangeReceipt }
  | { ad: MetaAd; change: MetaAdChangeReceipt }

export type MetaCampaignFilters = { status?: "ACTIVE" | "PAUSED" | "ARCHIVED"; q?: string }

export type MetaAdStatusVariables = {
  level: MetaAdLevel
  id: string
  status: "ACTIVE" | "PAUSED"
  idempotency_key: string
}

export type MetaAdBudgetVariables = {
  level: Exclude<MetaAdLevel, "ad">
  id: string
  field: "daily_budget" | "lifetime_budget"
  /** Decimal in the account currency's main unit, as typed. */
  amount: string
  idempotency_key: string
}

/** The object a change route answered, whichever level it is. */
const changedObject = (data: MetaAdChangeResponse): MetaCampaign | MetaAdSet | MetaAd =>
  "campaign" in data ? data.campaign : "ad_set" in data ? data.ad_set : data.ad

/**
 * A key for one write: a retry with the same key is the same change on the server. `crypto.randomUUID` needs a
 * secure context; an admin served over plain HTTP on a LAN address gets the same v4 shape from getRandomValues.
 */
export const newIdempotencyKey = () => {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────────────

/** The ad account and its campaigns with their ad sets; every range's figures come in the one answer. */
export const useMetaCampaigns = (filters: MetaCampaignFilters, page: { offset?: number; limit?: number } = {}) => {
  const { offset = 0, limit = META_CAMPAIGNS_PAGE_SIZE } = page
  return useQuery<MetaCampaignsResponse, FetchError>({
    queryKey: [...metaCampaignsQueryKey.all, "list", filters, offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaCampaignsResponse>("/admin/meta/campaigns", {
        query: {
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.q ? { q: filters.q } : {}),
          offset,
          limit,
        },
      }),
    placeholderData: keepPreviousData,
    staleTime: CAMPAIGNS_STALE_MS,
  })
}

/** One campaign with its ad sets and their ads. */
export const useMetaCampaign = (id: string | undefined) =>
  useQuery<MetaCampaignResponse, FetchError>({
    queryKey: metaCampaignsQueryKey.detail(id ?? ""),
    queryFn: () => sdk.client.fetch<MetaCampaignResponse>(`/admin/meta/campaigns/${id}`),
    enabled: !!id,
    staleTime: CAMPAIGNS_STALE_MS,
  })

/** The audit log, newest first; one object's entries with `object_meta_id`. */
export const useMetaAdChanges = (filters: { object_meta_id?: string }, offset: number, limit = META_AD_CHANGES_PAGE_SIZE) =>
  useQuery<MetaAdChangesResponse, FetchError>({
    queryKey: [...metaAdChangesQueryKey.all, "list", filters, offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaAdChangesResponse>("/admin/meta/ad-changes", {
        query: { ...(filters.object_meta_id ? { object_meta_id: filters.object_meta_id } : {}), offset, limit },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.changes.some((c) => c.status === "pending") ? PENDING_CHANGE_POLL_MS : false),
  })

export type ChangeAuthor = { id: string; email: string; first_name: string | null; last_name: string | null }

/** The admin users named in the audit log (its `actor` is "user:<id>"). */
export const useChangeAuthors = (userIds: string[]) => {
  const ids = [...new Set(userIds)].sort()
  return useQuery({
    queryKey: [...changeAuthorsQueryKey.all, ids],
    queryFn: () => sdk.admin.user.list({ id: ids, limit: ids.length, fields: "id,email,first_name,last_name" }),
    enabled: ids.length > 0,
    staleTime: Infinity,
    select: (data) => new Map<string, ChangeAuthor>(data.users.map((u) => [u.id, u as ChangeAuthor])),
  })
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────────

/** Every cached list and detail with one object's fields replaced. */
const patchCachedObject = (queryClient: QueryClient, level: MetaAdLevel, id: string, patch: MetaAdObjectPatch) =>
  queryClient.setQueriesData<MetaCampaignsResponse | MetaCampaignResponse>({ queryKey: metaCampaignsQueryKey.all }, (data) => {
    if (!data) return data
    if ("campaigns" in data) {
      const campaigns = patchAdObject(data.campaigns, level, id, patch)
      return campaigns === data.campaigns ? data : { ...data, campaigns }
    }
    const [campaign] = patchAdObject([data.campaign], level, id, patch)
    return campaign === data.campaign ? data : { ...data, campaign }
  })

const findCachedObject = (queryClient: QueryClient, level: MetaAdLevel, id: string) => {
  for (const [, data] of queryClient.getQueriesData<MetaCampaignsResponse | MetaCampaignResponse>({
    queryKey: metaCampaignsQueryKey.all,
  })) {
    if (!data) continue
    const found = findAdObject("campaigns" in data ? data.campaigns : [data.campaign], level, id)
    if (found) return found
  }
  return undefined
}

const STATUS_MUTATION_KEY = ["meta_ad_status"] as const

/**
 * Pauses or activates a campaign, ad set or ad. The switch moves at once; on an error only that object goes
 * back (not a snapshot of the whole cache, which would also undo another toggle made in the meantime).
 */
export const useSetMetaAdStatus = () => {
  const queryClient = useQueryClient()
  return useMutation<
    MetaAdChangeResponse,
    FetchError,
    MetaAdStatusVariables,
    { previous?: Pick<MetaAdSet, "status" | "effective_status"> }
  >({
    mutationKey: STATUS_MUTATION_KEY,
    mutationFn: ({ level, id, status, idempotency_key }) =>
      sdk.client.fetch(`/admin/meta/${LEVEL_PATH[level]}/${id}/status`, { method: "POST", body: { status, idempotency_key } }),
    onMutate: async ({ level, id, status }) => {
      await queryClient.cancelQueries({ queryKey: metaCampaignsQueryKey.all })
      const found = findCachedObject(queryClient, level, id)
      patchCachedObject(queryClient, level, id, { status, effective_status: status })
      return { previous: found ? { status: found.status, effective_status: found.effective_status } : undefined }
    },
    onError: (_error, { level, id }, context) => {
      if (context?.previous) patchCachedObject(queryClient, level, id, context.previous)
    },
    onSuccess: (data, { level, id }) => patchCachedObject(queryClient, level, id, withoutChildren(changedObject(data))),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
      // A paused campaign changes its children's delivery too: read the mirror again once the last toggle landed.
      if (queryClient.isMutating({ mutationKey: STATUS_MUTATION_KEY }) === 1) {
        void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all })
      }
    },
  })
}

/** Sets a campaign's or ad set's daily or lifetime budget; a 400 carries the merchant-readable reason. */
export const useSetMetaAdBudget = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdChangeResponse, FetchError, MetaAdBudgetVariables>({
    mutationFn: ({ level, id, field, amount, idempotency_key }) =>
      sdk.client.fetch(`/admin/meta/${LEVEL_PATH[level]}/${id}/budget`, {
        method: "POST",
        body: { [field]: amount, idempotency_key },
      }),
    onSuccess: (data, { level, id }) => {
      patchCachedObject(queryClient, level, id, withoutChildren(changedObject(data)))
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
    },
  })
}

/** "Scale the winner": a paused copy of the ad set with its ads; the lists read again to show it. */
export const useDuplicateMetaAdSet = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdSetDuplicateResponse, FetchError, { id: string; idempotency_key: string }>({
    mutationFn: ({ id, idempotency_key }) =>
      sdk.client.fetch(`/admin/meta/ad-sets/${id}/duplicate`, { method: "POST", body: { idempotency_key } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
    },
  })
}

/** Mirrors the ad account now instead of waiting for the scheduled sync. */
export const useSyncMetaCampaigns = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdsSyncResponse, FetchError, void>({
    mutationFn: () => sdk.client.fetch("/admin/meta/campaigns/sync", { method: "POST", body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
    },
  })
}
