import { Button } from "@medusajs/ui"
import { useState } from "react"
import { useConnectWithMeta } from "../hooks/use-connect-with-meta"
import type { MetaConnectionMethod } from "../../types/http/connection"
import { SystemUserTokenDrawer } from "./system-user-token-drawer"

type ReconnectButtonProps = {
  method: MetaConnectionMethod
  label?: string
  testId?: string
}

// Reconnecting replaces the stored token the same way it was first obtained:
// Facebook Login again, or a freshly generated system-user token.
export const ReconnectButton = ({ method, label = "Reconnect", testId }: ReconnectButtonProps) => {
  const { connect, isPending } = useConnectWithMeta()
  const [tokenDrawerOpen, setTokenDrawerOpen] = useState(false)

  if (method === "system_user") {
    return (
      <>
        <Button size="small" variant="secondary" onClick={() => setTokenDrawerOpen(true)} data-testid={testId}>
          {label}
        </Button>
        <SystemUserTokenDrawer open={tokenDrawerOpen} onOpenChange={setTokenDrawerOpen} />
      </>
    )
  }

  return (
    <Button size="small" variant="secondary" onClick={connect} isLoading={isPending} data-testid={testId}>
      {label}
    </Button>
  )
}
