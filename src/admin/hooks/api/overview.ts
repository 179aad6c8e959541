import { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaAlertSettingsBody,
  MetaAlertSettingsResponse,
  MetaAppReviewResponse,
  MetaOverviewResponse,
  MetaRoiInterval,
  MetaRoiReportResponse,
} from "../../../types/http/overview"

export const metaOverviewQueryKey = queryKeysFactory("meta_overview")
export const metaRoiReportQueryKey = queryKeysFactory("meta_roi_report")
export const metaAlertSettingsQueryKey = queryKeysFactory("meta_alert_settings")
export const metaAppReviewQueryKey = queryKeysFactory("meta_app_review")

// The alert check runs every 10 minutes and the mirrors every 15–30: a minute keeps the page honest without polling hard.
const OVERVIEW_REFETCH_MS = 60_000

export const useMetaOverview = () =>
  useQuery<MetaOverviewResponse, FetchError>({
    queryKey: metaOverviewQueryKey.detail("current"),
    queryFn: () => sdk.client.fetch<MetaOverviewResponse>("/admin/meta/overview"),
    refetchInterval: OVERVIEW_REFETCH_MS,
  })

export type RoiReportFilters = { interval: MetaRoiInterval; from?: string; to?: string }

const roiQuery = (filters: RoiReportFilters, format: "json" | "csv") => {
  const query: Record<string, string> = { interval: filters.interval }
  if (filters.from) query.from = filters.from
  if (filters.to) query.to = filters.to
  if (format === "csv") query.format = "csv"
  return query
}

export const useMetaRoiReport = (filters: RoiReportFilters) =>
  useQuery<MetaRoiReportResponse, FetchError>({
    queryKey: [...metaRoiReportQueryKey.all, filters],
    queryFn: () => sdk.client.fetch<MetaRoiReportResponse>("/admin/meta/reports/roi", { query: roiQuery(filters, "json") }),
    placeholderData: keepPreviousData,
  })

/** Downloads the report as the route writes it (text/csv), under the file name it gives. */
export const useDownloadMetaRoiCsv = () =>
  useMutation<void, FetchError, RoiReportFilters>({
    mutationFn: async (filters) => {
      const response = await sdk.client.fetch<Response>("/admin/meta/reports/roi", { query: roiQuery(filters, "csv"), headers: { accept: "text/csv" } })
      const blob = await response.blob()
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "meta-roi.csv"
      const url = URL.createObjectURL(blob)
      const link = document.createElement("a")
      link.href = url
      link.download = name
      link.click()
      URL.revokeObjectURL(url)
    },
  })

export const useMetaAlertSettings = () =>
  useQuery<MetaAlertSettingsResponse, FetchError>({
    queryKey: metaAlertSettingsQueryKey.detail("current"),
    queryFn: () => sdk.client.fetch<MetaAlertSettingsResponse>("/admin/meta/alerts/settings"),
  })

export const useUpdateMetaAlertSettings = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaAlertSettingsResponse, FetchError, MetaAlertSettingsBody>({
    mutationFn: (body) => sdk.client.fetch<MetaAlertSettingsResponse>("/admin/meta/alerts/settings", { method: "POST", body }),
    onSuccess: (data) => {
      queryClient.setQueryData(metaAlertSettingsQueryKey.detail("current"), data)
      void queryClient.invalidateQueries({ queryKey: metaOverviewQueryKey.all })
    },
  })
}

export const useMetaAppReview = () =>
  useQuery<MetaAppReviewResponse, FetchError>({
    queryKey: metaAppReviewQueryKey.detail("current"),
    queryFn: () => sdk.client.fetch<MetaAppReviewResponse>("/admin/meta/app-review"),
  })
