import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaAdRule,
  MetaAdRuleDecisionsResponse,
  MetaAdRuleDraftPreviewResponse,
  MetaAdRuleEvaluationResponse,
  MetaAdRulePreviewResponse,
  MetaAdRuleResponse,
  MetaAdRulesPauseAllResponse,
  MetaAdRulesResponse,
  MetaBoostRequest,
  MetaBoostResponse,
  MetaCampaignsResponse,
} from "../../../types/http/ads"
import { metaAdChangesQueryKey, metaCampaignsQueryKey } from "./ads"

export const metaAdRulesQueryKey = queryKeysFactory("meta_ad_rules")
export const metaRuleDecisionsQueryKey = queryKeysFactory("meta_rule_decisions")

export const META_RULE_DECISIONS_PAGE_SIZE = 20

/** The body of a rule save or preview: the routes take what was typed and name the wrong field in a 400. */
export type MetaAdRuleBody = Record<string, unknown>

/**
 * A boost as the drawer sends it: whole numbers as numbers, anything else as typed, so the route's 400 names
 * the field (`duration_days`, `audience.age_min`) instead of the drawer guessing.
 */
export type MetaBoostBody = Omit<MetaBoostRequest, "duration_days" | "audience"> & {
  duration_days: number | string
  audience: Omit<MetaBoostRequest["audience"], "age_min" | "age_max"> & { age_min?: number | string; age_max?: number | string }
}

export type MetaRuleDecisionFilters = { rule_id?: string; object_id?: string; acted?: "true" | "false" }

// ── Reads ────────────────────────────────────────────────────────────────────────────────────────────

/** The rules and the built-in templates the editor offers. */
export const useMetaAdRules = () =>
  useQuery<MetaAdRulesResponse, FetchError>({
    queryKey: metaAdRulesQueryKey.all,
    queryFn: () => sdk.client.fetch("/admin/meta/rules"),
  })

/**
 * The ad account (currency, rules switch, budget ceiling). The routes answer it only beside the campaigns, so
 * this asks for one campaign; it sits under the campaigns' key so a sync or a switch reads it again.
 */
export const useMetaAdAccount = () =>
  useQuery<MetaCampaignsResponse, FetchError, MetaCampaignsResponse["account"]>({
    queryKey: [...metaCampaignsQueryKey.all, "account"],
    queryFn: () => sdk.client.fetch<MetaCampaignsResponse>("/admin/meta/campaigns", { query: { limit: 1 } }),
    select: (data) => data.account,
    staleTime: 30_000,
  })

/** The decisions log, newest first. */
export const useMetaRuleDecisions = (filters: MetaRuleDecisionFilters, offset: number, limit = META_RULE_DECISIONS_PAGE_SIZE) =>
  useQuery<MetaAdRuleDecisionsResponse, FetchError>({
    queryKey: [...metaRuleDecisionsQueryKey.all, "list", filters, offset, limit],
    queryFn: () =>
      sdk.client.fetch<MetaAdRuleDecisionsResponse>("/admin/meta/rule-decisions", {
        query: {
          ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== "")),
          offset,
          limit,
        },
      }),
    placeholderData: keepPreviousData,
  })

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────────

const replaceCachedRule = (queryClient: ReturnType<typeof useQueryClient>, rule: MetaAdRule) =>
  queryClient.setQueryData<MetaAdRulesResponse>(metaAdRulesQueryKey.all, (data) =>
    data ? { ...data, rules: data.rules.map((r) => (r.id === rule.id ? rule : r)) } : data
  )

export const useCreateMetaAdRule = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdRuleResponse, FetchError, MetaAdRuleBody>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/rules", { method: "POST", body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaAdRulesQueryKey.all }),
  })
}

/** Changes only the fields given (`{ enabled: false }`, or the whole form). */
export const useUpdateMetaAdRule = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdRuleResponse, FetchError, { id: string; body: MetaAdRuleBody }>({
    mutationFn: ({ id, body }) => sdk.client.fetch(`/admin/meta/rules/${id}`, { method: "POST", body }),
    onSuccess: ({ rule }) => replaceCachedRule(queryClient, rule),
  })
}

export const useDeleteMetaAdRule = () => {
  const queryClient = useQueryClient()
  return useMutation<unknown, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/meta/rules/${id}`, { method: "DELETE" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaAdRulesQueryKey.all }),
  })
}

/** What a saved rule would do now, on the mirror's figures; nothing is sent to Meta or logged. */
export const usePreviewMetaAdRule = () =>
  useMutation<MetaAdRulePreviewResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/meta/rules/${id}/preview`, { method: "POST", body: {} }),
  })

/** What a rule that is not saved would do now (the body of a save); nothing is saved, logged or sent to Meta. */
export const usePreviewMetaAdRuleDraft = () =>
  useMutation<MetaAdRuleDraftPreviewResponse, FetchError, MetaAdRuleBody>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/rules/preview", { method: "POST", body }),
  })

/** Runs a saved rule now, as the scheduled job would (a dry-run rule only logs); its decisions join the log. */
export const useEvaluateMetaAdRule = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdRuleEvaluationResponse, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/meta/rules/${id}/evaluate`, { method: "POST", body: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaRuleDecisionsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaAdRulesQueryKey.all })
      // A live rule changes objects at Meta (and the run mirrors the account first).
      void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
    },
  })
}

/** The one switch that stops every rule, and the account's daily budget ceiling (null clears it). */
export const useSetMetaRulesSwitch = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAdRulesPauseAllResponse, FetchError, { paused: boolean; daily_budget_ceiling?: string | null }>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/rules/pause-all", { method: "POST", body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all }),
  })
}

/** Boosts a published post: campaign, ad set, creative and ad, all PAUSED. */
export const useBoostMetaPublication = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaBoostResponse, FetchError, MetaBoostBody>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/campaigns/boost", { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: metaCampaignsQueryKey.all })
      void queryClient.invalidateQueries({ queryKey: metaAdChangesQueryKey.all })
    },
  })
}
