import { toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useSearchParams } from "react-router-dom"
import { OAUTH_ERROR_MESSAGE } from "../lib/meta-labels"

const CALLBACK_PARAMS = ["meta_connected", "meta_error", "meta_error_message"]

// The OAuth callback lands on this page with `?meta_connected=1` or
// `?meta_error=<code>&meta_error_message=<text>`. Announce it once, then drop
// the parameters so a reload or a shared link does not repeat it.
// `ready` holds the toast until the page has its data: on the full page load
// that follows the redirect, the dashboard's Toaster only starts listening
// after the first render, and a toast sent earlier is lost.
export const useOAuthResultToast = (ready: boolean) => {
  const [searchParams, setSearchParams] = useSearchParams()
  const announced = useRef(false)

  useEffect(() => {
    const connected = searchParams.get("meta_connected")
    const errorCode = searchParams.get("meta_error")

    if (!ready || (!connected && !errorCode)) {
      return
    }

    if (!announced.current) {
      announced.current = true

      if (errorCode) {
        toast.error("Could not connect to Meta", {
          description:
            searchParams.get("meta_error_message") ||
            OAUTH_ERROR_MESSAGE[errorCode] ||
            OAUTH_ERROR_MESSAGE.meta_error,
        })
      } else {
        toast.success("Connected to Meta")
      }
    }

    const rest = new URLSearchParams(searchParams)
    CALLBACK_PARAMS.forEach((param) => rest.delete(param))
    setSearchParams(rest, { replace: true })
  }, [ready, searchParams, setSearchParams])
}
