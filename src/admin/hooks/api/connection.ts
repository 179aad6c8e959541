import { FetchError } from "@medusajs/js-sdk"
import {
  QueryClient,
  QueryKey,
  useMutation,
  UseMutationOptions,
  useQuery,
  useQueryClient,
  UseQueryOptions,
} from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type {
  MetaConnectionAssetsBody,
  MetaConnectionCreateBody,
  MetaConnectionDeleteResponse,
  MetaConnectionFeaturesBody,
  MetaConnectionHealthResponse,
  MetaConnectionResponse,
  MetaOAuthAuthorizeResponse,
} from "../../../types/http/connection"

// A store has at most one Meta connection, so it is a single detail entry.
export const metaConnectionQueryKey = queryKeysFactory("meta_connection")
const currentConnectionKey = metaConnectionQueryKey.detail("current")

// Side effects that must outlive the calling component (a toast after the
// connect form unmounts because the page switched to the connected view) go
// in these hook options: they run even when `mutate`'s own callbacks do not.
type MutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, FetchError, TVariables>,
  "mutationFn" | "mutationKey"
>

const CONNECTION_PATH = "/admin/meta/connection"

// Put the fresh connection from the response in the cache at once (no flash of
// the old state), then refetch so every reader agrees with the server.
const storeConnection = (
  queryClient: QueryClient,
  connection: MetaConnectionResponse["connection"]
) => {
  queryClient.setQueryData<MetaConnectionResponse>(currentConnectionKey, { connection })
  void queryClient.invalidateQueries({ queryKey: metaConnectionQueryKey.all })
}

export const useMetaConnection = (
  options?: Omit<
    UseQueryOptions<MetaConnectionResponse, FetchError, MetaConnectionResponse, QueryKey>,
    "queryFn" | "queryKey"
  >
) => {
  const { data, ...rest } = useQuery({
    ...options,
    queryKey: currentConnectionKey,
    queryFn: () => sdk.client.fetch<MetaConnectionResponse>(CONNECTION_PATH),
  })

  return { ...data, ...rest }
}

export const useStartMetaOAuth = (
  options?: MutationOptions<MetaOAuthAuthorizeResponse, void>
) =>
  useMutation({
    ...options,
    mutationFn: () =>
      sdk.client.fetch<MetaOAuthAuthorizeResponse>("/admin/meta/oauth/authorize", {
        method: "POST",
        body: {},
      }),
  })

export const useConnectSystemUserToken = (
  options?: MutationOptions<MetaConnectionResponse, MetaConnectionCreateBody>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    // The variables hold the token: drop the finished mutation from the cache
    // right away instead of keeping it for the default five minutes.
    gcTime: 0,
    mutationFn: (body) =>
      sdk.client.fetch<MetaConnectionResponse>(CONNECTION_PATH, {
        method: "POST",
        body,
      }),
    onSuccess: (data, variables, context) => {
      storeConnection(queryClient, data.connection)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useDisconnectMeta = (options?: MutationOptions<MetaConnectionDeleteResponse, void>) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    mutationFn: () =>
      sdk.client.fetch<MetaConnectionDeleteResponse>(CONNECTION_PATH, { method: "DELETE" }),
    onSuccess: (data, variables, context) => {
      storeConnection(queryClient, null)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateMetaAssets = (
  options?: MutationOptions<MetaConnectionResponse, MetaConnectionAssetsBody>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    mutationFn: (body) =>
      sdk.client.fetch<MetaConnectionResponse>(`${CONNECTION_PATH}/assets`, {
        method: "POST",
        body,
      }),
    onSuccess: (data, variables, context) => {
      storeConnection(queryClient, data.connection)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useUpdateMetaFeatures = (
  options?: MutationOptions<MetaConnectionResponse, MetaConnectionFeaturesBody>
) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    mutationFn: (body) =>
      sdk.client.fetch<MetaConnectionResponse>(`${CONNECTION_PATH}/features`, {
        method: "POST",
        body,
      }),
    onSuccess: (data, variables, context) => {
      storeConnection(queryClient, data.connection)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}

export const useMetaHealthCheck = (options?: MutationOptions<MetaConnectionHealthResponse, void>) => {
  const queryClient = useQueryClient()

  return useMutation({
    ...options,
    mutationFn: () =>
      sdk.client.fetch<MetaConnectionHealthResponse>(`${CONNECTION_PATH}/health`, {
        method: "POST",
        body: {},
      }),
    onSuccess: (data, variables, context) => {
      storeConnection(queryClient, data.connection)
      return options?.onSuccess?.(data, variables, context)
    },
  })
}
