import { toast } from "@medusajs/ui"
import { useStartMetaOAuth } from "./api/connection"

// Asks the backend for a signed Facebook Login dialog URL and leaves the admin
// for it; Meta sends the browser back through the plugin's OAuth callback.
export const useConnectWithMeta = () => {
  const { mutate, isPending, isSuccess } = useStartMetaOAuth({
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) =>
      toast.error("Could not start connecting to Meta", { description: error.message }),
  })

  // Keep the button busy after success too: the page is about to unload.
  return { connect: () => mutate(), isPending: isPending || isSuccess }
}
