import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type { MetaPageSubscriptionResponse, MetaSetupResponse } from "../../../types/http/setup"

export const metaSetupQueryKey = queryKeysFactory("meta_setup")

export const useMetaSetup = () =>
  useQuery<MetaSetupResponse, FetchError>({
    queryKey: metaSetupQueryKey.detail("current"),
    queryFn: () => sdk.client.fetch<MetaSetupResponse>("/admin/meta/setup"),
    // Meta verifies the webhooks URL from its dashboard, in another tab: show it when the merchant comes back.
    refetchOnWindowFocus: true,
  })

export const useSubscribeMetaPage = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaPageSubscriptionResponse, FetchError, void>({
    mutationFn: () =>
      sdk.client.fetch<MetaPageSubscriptionResponse>("/admin/meta/setup/page-subscription", { method: "POST", body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: metaSetupQueryKey.all }),
  })
}
