import { SquareTwoStack } from "@medusajs/icons"
import { Button, toast, usePrompt } from "@medusajs/ui"
import type { MetaAdSet } from "../../../types/http/ads"
import { useDuplicateMetaAdSet } from "../../hooks/api/ads"
import { useChangeKey } from "./use-change-key"

/**
 * "Scale the winner": after a confirm, a copy of the ad set with its ads, created paused so nothing spends
 * before the merchant turns it on. The key survives a failed answer, so trying again never makes two copies.
 */
export const DuplicateAdSetButton = ({ adSet }: { adSet: Pick<MetaAdSet, "id" | "name"> }) => {
  const prompt = usePrompt()
  const duplicate = useDuplicateMetaAdSet()
  const changeKey = useChangeKey()

  const onClick = async () => {
    const confirmed = await prompt({
      title: `Duplicate “${adSet.name}”?`,
      description:
        "Meta makes a copy of this ad set with its ads, targeting and budget. The copy is paused: it spends nothing until you turn it on.",
      confirmText: "Duplicate",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    duplicate.mutate(
      { id: adSet.id, idempotency_key: changeKey.keyFor(adSet.id) },
      {
        onSuccess: ({ ad_set }) => {
          changeKey.settle()
          toast.success("Paused copy created", { description: ad_set.name })
        },
        onError: (e) => toast.error("The ad set could not be duplicated", { description: e.message }),
      }
    )
  }

  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={duplicate.isPending}
      onClick={(event) => {
        event.stopPropagation()
        void onClick()
      }}
      data-testid={`meta-ad-set-duplicate-${adSet.id}`}
    >
      <SquareTwoStack />
      Duplicate
    </Button>
  )
}
