import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-key"
import { sdk } from "../../lib/sdk"
import type { MetaSafetyNetBody, MetaSafetyNetResponse } from "../../../types/http/ads"

export const metaSafetyNetQueryKey = queryKeysFactory("meta_safety_net")

/** The safety net's rules at Meta and their latest runs (as of the last ads sync). */
export const useMetaSafetyNet = () =>
  useQuery<MetaSafetyNetResponse, FetchError>({
    queryKey: metaSafetyNetQueryKey.all,
    queryFn: () => sdk.client.fetch("/admin/meta/rules/safety-net"),
    staleTime: 30_000,
  })

/** Turns the net on or off, or changes its values (Meta's rules are created or updated before this answers). */
export const useSetMetaSafetyNet = () => {
  const queryClient = useQueryClient()
  return useMutation<MetaSafetyNetResponse, FetchError, MetaSafetyNetBody>({
    mutationFn: (body) => sdk.client.fetch("/admin/meta/rules/safety-net", { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(metaSafetyNetQueryKey.all, data),
  })
}
