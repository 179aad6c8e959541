import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Meta } from "@medusajs/icons"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { featureReadiness, type FeatureReadinessState } from "../../../lib/connection/feature-readiness"
import type { MetaConnection, MetaFeature } from "../../../types/http/connection"
import { MetaFeatureNotice } from "../../components/meta-feature-notice"
import { MetaLoadError } from "../../components/meta-load-error"
import { MetaPageSkeleton } from "../../components/meta-page-skeleton"
import { MetaOverviewSection } from "../../components/overview/overview-section"
import { useMetaConnection } from "../../hooks/api/connection"
import { connectionBadge } from "../../../lib/connection/connection-badge"

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

type ScreenState = { label: string; color: "green" | "orange" | "red" | "grey" }

const SCREEN_STATE: Record<Exclude<FeatureReadinessState, "missing_asset">, ScreenState> = {
  not_connected: { label: "Not connected", color: "grey" },
  needs_reconnect: { label: "Reconnect needed", color: "red" },
  feature_off: { label: "Off", color: "grey" },
  missing_permissions: { label: "Missing permissions", color: "orange" },
  ready: { label: "On", color: "green" },
}

/** The same verdict the screen itself shows in its notice, as a badge. */
const screenState = (connection: MetaConnection | null, feature: MetaFeature): ScreenState => {
  const readiness = featureReadiness(connection, feature)
  if (readiness.state === "missing_asset") return { label: readiness.title, color: "orange" }
  return SCREEN_STATE[readiness.state]
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

  const status = connection ? connectionBadge(connection) : null

  return (
    <div className="flex flex-col gap-y-3">
      <MetaFeatureNotice readiness={featureReadiness(connection ?? null)} />
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
