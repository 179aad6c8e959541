import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useConnectWithMeta } from "../hooks/use-connect-with-meta"
import { SystemUserTokenDrawer } from "./system-user-token-drawer"

// Shown while the store has no Meta connection.
export const ConnectSection = () => {
  const { connect, isPending } = useConnectWithMeta()
  const [tokenDrawerOpen, setTokenDrawerOpen] = useState(false)

  return (
    <Container className="divide-y p-0" data-testid="meta-connect-section">
      <div className="px-6 py-4">
        <Heading>Meta</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Connect your store to Facebook, Instagram and Meta ads.
        </Text>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Sign in with Facebook to choose the business, Page, Instagram account, ad account, pixel and catalog
          this store uses. You can sync products to a Meta catalog, send Conversions API events, and publish to
          your Page and Instagram.
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Managing the store from Business settings? Connect with a system-user token instead.
        </Text>
      </div>
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button
          size="small"
          variant="secondary"
          onClick={() => setTokenDrawerOpen(true)}
          data-testid="meta-system-user-token-button"
        >
          Use a system-user token
        </Button>
        <Button size="small" onClick={connect} isLoading={isPending} data-testid="meta-connect-button">
          Connect with Meta
        </Button>
      </div>
      <SystemUserTokenDrawer open={tokenDrawerOpen} onOpenChange={setTokenDrawerOpen} />
    </Container>
  )
}
