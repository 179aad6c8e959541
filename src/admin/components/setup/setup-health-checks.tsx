import { Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useLocation } from "react-router-dom"
import { useMetaConnection } from "../../hooks/api/connection"
import { useSubscribeMetaPage } from "../../hooks/api/setup"
import type { MetaSetupHealthCheck } from "../../../types/http/setup"
import { ReconnectButton } from "../reconnect-button"
import { SetupCheckBadge } from "./setup-check-badge"

const SubscribePageButton = ({ onDone }: { onDone: () => void }) => {
  const subscribe = useSubscribeMetaPage()
  return (
    <Button
      size="small"
      variant="secondary"
      isLoading={subscribe.isPending}
      data-testid="meta-health-subscribe-page"
      onClick={() =>
        subscribe.mutate(undefined, {
          onSuccess: () => {
            toast.success("Page subscribed", { description: "Meta now sends the Page's comments and leads to the store." })
            onDone()
          },
          onError: (error) => toast.error("The Page could not be subscribed", { description: error.message }),
        })
      }
    >
      Subscribe the Page
    </Button>
  )
}

/** The step that fixes a check: reconnect, subscribe the Page, or a link to the screen that fixes it. */
const FixStep = ({ check, onSubscribed }: { check: MetaSetupHealthCheck; onSubscribed: () => void }) => {
  const { connection } = useMetaConnection()
  const { pathname } = useLocation()
  if (!check.fix) return null
  if (check.key === "webhook_page_subscription" && check.status === "warning") {
    return <SubscribePageButton onDone={onSubscribed} />
  }
  if (check.fix.label === "Reconnect" && connection) {
    return <ReconnectButton method={connection.method} />
  }
  // Already on the screen that fixes it: the message says where.
  if (check.fix.to === pathname) return null
  return (
    <Button size="small" variant="secondary" asChild>
      <Link to={check.fix.to}>{check.fix.label}</Link>
    </Button>
  )
}

/** Every part of the setup the health check looked at, problems first. */
export const SetupHealthChecks = ({ checks }: { checks: MetaSetupHealthCheck[] }) => {
  const [subscribed, setSubscribed] = useState(false)
  const order = { failed: 0, warning: 1, ok: 2 } as const
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status])

  return (
    <div className="divide-y" data-testid="meta-health-checks">
      {sorted.map((check) => {
        const done = subscribed && check.key === "webhook_page_subscription"
        return (
          <div
            key={check.key}
            className="flex items-start justify-between gap-x-4 px-6 py-3"
            data-testid={`meta-health-check-${check.key}`}
            data-status={done ? "ok" : check.status}
          >
            <div className="flex min-w-0 flex-col gap-y-1">
              <Text size="small" leading="compact" weight="plus">
                {check.title}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {done ? "Subscribed just now: Meta sends the Page's comments and leads to this app." : check.message}
              </Text>
            </div>
            <div className="flex shrink-0 items-center gap-x-2">
              {!done && <FixStep check={check} onSubscribed={() => setSubscribed(true)} />}
              <SetupCheckBadge status={done ? "ok" : check.status} />
            </div>
          </div>
        )
      })}
    </div>
  )
}
