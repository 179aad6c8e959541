import { Button, toast, usePrompt } from "@medusajs/ui"
import { useDisconnectMeta } from "../hooks/api/connection"

export const DisconnectButton = () => {
  const prompt = usePrompt()

  const { mutate, isPending } = useDisconnectMeta({
    onSuccess: ({ revoked_at_meta }) => {
      if (revoked_at_meta) {
        toast.success("Disconnected from Meta")
        return
      }
      toast.warning("Disconnected from Meta", {
        description:
          "Meta could not be reached to revoke the app's access. Remove the app in your Facebook or Business settings.",
      })
    },
    onError: (error) => toast.error("Could not disconnect from Meta", { description: error.message }),
  })

  const handleClick = async () => {
    const confirmed = await prompt({
      title: "Disconnect Meta?",
      description:
        "The store stops syncing its catalog, sending Conversions API events and publishing to Meta, and the app's access to your Meta account is revoked. You can connect again at any time.",
      confirmText: "Disconnect",
      cancelText: "Cancel",
      variant: "danger",
    })

    if (confirmed) {
      mutate()
    }
  }

  return (
    <Button
      size="small"
      variant="secondary"
      onClick={handleClick}
      isLoading={isPending}
      data-testid="meta-disconnect-button"
    >
      Disconnect
    </Button>
  )
}
