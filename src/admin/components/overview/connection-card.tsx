import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaOverviewConnection } from "../../../types/http/overview"
import { connectionBadge } from "../../../lib/connection/connection-badge"
import { FEATURE_LABEL, NEEDS_RECONNECT } from "../../lib/meta-labels"
import { highestUsage, outlookText } from "./overview-format"

/** Connection: status, when the token renews or must be renewed, permissions per feature and Meta's usage. */
export const ConnectionCard = ({ connection }: { connection: MetaOverviewConnection | null }) => {
  if (!connection) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4" data-testid="meta-overview-connection">
        <Heading level="h2">Connection</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The store is not connected to Meta yet.{" "}
          <Link to="/settings/meta" className="text-ui-fg-interactive">
            Connect it in Settings → Meta
          </Link>{" "}
          to sync the catalog, send conversions, publish posts and run ads.
        </Text>
      </Container>
    )
  }
  // Never a green "Active" beside a feature that lacks a permission (the same badge as Settings → Meta).
  const status = connectionBadge({
    status: connection.status,
    features: Object.fromEntries(connection.features.map((f) => [f.feature, { enabled: f.enabled, missing_permissions: f.missing }])),
  })
  const usage = highestUsage(connection.api_usage)
  const enabled = connection.features.filter((f) => f.enabled)
  // Permissions Meta granted count for nothing while it refuses the token: no green next to "Revoked".
  const tokenRefused = NEEDS_RECONNECT.includes(connection.status)
  return (
    <Container className="divide-y p-0" data-testid="meta-overview-connection">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Connection</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="meta-overview-outlook">
            {outlookText(connection.outlook, connection.token_expires_at)}
          </Text>
        </div>
        <Link to={connection.link} data-testid="meta-overview-connection-status">
          <StatusBadge color={status.color}>{status.label}</StatusBadge>
        </Link>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Permissions granted / needed
        </Text>
        {enabled.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No feature is on. Turn features on in <Link to="/settings/meta" className="text-ui-fg-interactive">Settings → Meta</Link>.
          </Text>
        )}
        <div className="flex flex-wrap gap-2">
          {enabled.map((f) => (
            <Link key={f.feature} to="/settings/meta" data-testid={`meta-overview-permissions-${f.feature}`}>
              <Badge size="2xsmall" color={tokenRefused ? "grey" : f.missing.length ? "orange" : "green"}>
                {FEATURE_LABEL[f.feature] ?? f.feature}: {f.granted.length}/{f.needed.length}
                {f.missing.length ? ` (missing ${f.missing.join(", ")})` : ""}
              </Badge>
            </Link>
          ))}
        </div>
      </div>
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          Meta API usage, newest reading across {connection.usage_processes} process{connection.usage_processes === 1 ? "" : "es"}
        </Text>
        <Link to="/settings/meta" className="txt-compact-small-plus tabular-nums" data-testid="meta-overview-usage">
          {usage ? `${usage.percent}% (${usage.label})` : "No calls yet"}
        </Link>
      </div>
    </Container>
  )
}
