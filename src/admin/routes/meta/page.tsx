import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Meta } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaConnection, MetaFeature } from "../../../types/http/connection"
import { MetaLoadError } from "../../components/meta-load-error"
import { MetaPageSkeleton } from "../../components/meta-page-skeleton"
import { MetaOverviewSection } from "../../components/overview/overview-section"
import { useMetaConnection } from "../../hooks/api/connection"
import { CONNECTION_STATUS } from "../../lib/meta-labels"

type MetaScreen = { to: string; label: string; description: string; feature: MetaFeature }

/** The screens nested under this entry in the sidebar, in the sidebar's order (their `rank`). */
const SCREENS: MetaScreen[] = [
  {
    to: "/meta/catalog",
    label: "Catalog",
    description: "Each variant's state in the Meta catalog, and what to fix.",
    feature: "catalog",
  },
  {
    to: "/meta/events",
    label: "Events",
    description: "Conversions API events sent to Meta, how well they match, and Test Events.",
    feature: "capi",
  },
  {
    to: "/meta/publishing",
    label: "Publishing",
    description: "Compose, schedule and publish Instagram and Facebook posts.",
    feature: "publishing",
  },
  {
    to: "/meta/insights",
    label: "Insights",
    description: "Reach and engagement of posts and accounts, and the best times to post.",
    feature: "insights",
  },
  {
    to: "/meta/webhooks",
    label: "Inbox",
    description: "Comments to answer, leads from lead ads, and the webhook log.",
    feature: "webhooks",
  },
  {
    to: "/meta/campaigns",
    label: "Campaigns",
    description: "Campaigns, ad sets and ads with their results; pause, re-budget and scale them.",
    feature: "ads",
  },
  {
    to: "/meta/rules",
    label: "Rules",
    description: "Automated rules on Meta's figures and the store's stock, previewed before they act, with every decision logged.",
    feature: "ads",
  },
]

type ScreenState = { label: string; color: "green" | "orange" | "grey" }

const screenState = (connection: MetaConnection | null, feature: MetaFeature): ScreenState => {
  if (!connection) return { label: "Not connected", color: "grey" }
  const state = connection.features[feature]
  if (!state.enabled) return { label: "Off", color: "grey" }
  if (state.missing_permissions.length) return { label: "Missing permissions", color: "orange" }
  return { label: "On", color: "green" }
}

/**
 * The "Meta" entry of the sidebar: the overview (is everything working, what to do next, the ROI report), then
 * the Meta screens, one line each, with the state of their feature.
 */
const MetaPage = () => {
  const { connection, isPending, isError, error, refetch } = useMetaConnection()

  if (isPending) {
    return <MetaPageSkeleton />
  }

  if (isError) {
    return <MetaLoadError message={error.message} onRetry={() => refetch()} />
  }

  const status = connection ? CONNECTION_STATUS[connection.status] : null

  return (
    <div className="flex flex-col gap-y-3">
      <MetaOverviewSection />
      <Container className="divide-y p-0" data-testid="meta-screens">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Meta</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {connection ? (
                `Connected as ${connection.meta_user_name ?? connection.meta_user_id ?? "a system user"}. Features are turned on and off in `
              ) : (
                "The store is not connected to Meta yet. Connect it in "
              )}
              <Link to="/settings/meta" className="text-ui-fg-interactive">
                Settings → Meta
              </Link>
              .
            </Text>
          </div>
          {status && <StatusBadge color={status.color}>{status.label}</StatusBadge>}
        </div>
        {SCREENS.map((screen) => {
          const state = screenState(connection ?? null, screen.feature)
          return (
            <div
              key={screen.to}
              className="flex items-center justify-between gap-x-4 px-6 py-4"
              data-testid={`meta-screen-${screen.to.slice("/meta/".length)}`}
            >
              <div>
                <Link to={screen.to} className="txt-compact-small-plus text-ui-fg-interactive">
                  {screen.label}
                </Link>
                <Text size="small" className="text-ui-fg-subtle">
                  {screen.description}
                </Text>
              </div>
              <StatusBadge color={state.color}>{state.label}</StatusBadge>
            </div>
          )
        })}
        <div className="flex items-center justify-between gap-x-4 px-6 py-4" data-testid="meta-screen-app-review">
          <div>
            <Link to="/meta/app-review" className="txt-compact-small-plus text-ui-fg-interactive">
              App Review
            </Link>
            <Text size="small" className="text-ui-fg-subtle">
              Going live: what to submit to Meta for each permission, the screens to record, and the URLs to enter.
            </Text>
          </div>
        </div>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Meta",
  icon: Meta,
})

export default MetaPage
