import { Alert, Badge, Button, Container, Heading, StatusBadge, Text, Tooltip, toast } from "@medusajs/ui"
import { connectionBadge } from "../../lib/connection/connection-badge"
import { useMetaCapiSettings } from "../hooks/api/capi-events"
import { useMetaHealthCheck } from "../hooks/api/connection"
import { CONNECTION_METHOD, NEEDS_RECONNECT } from "../lib/meta-labels"
import { formatRelativeAndAbsolute } from "../lib/format-date"
import type { MetaConnection } from "../../types/http/connection"
import { DisconnectButton } from "./disconnect-button"
import { HealthCheckResult } from "./health-check-result"
import { ReconnectButton } from "./reconnect-button"
import { SectionRow } from "./section-row"

const dateOr = (iso: string | null, fallback: string) => (iso ? formatRelativeAndAbsolute(iso) : fallback)

export const ConnectionStatusSection = ({ connection }: { connection: MetaConnection }) => {
  const status = connectionBadge(connection)
  const testEventCode = useMetaCapiSettings().data?.settings.test_event_code ?? null
  const needsReconnect = NEEDS_RECONNECT.includes(connection.status)

  const healthCheck = useMetaHealthCheck({
    onError: (error) => toast.error("Health check failed", { description: error.message }),
  })

  return (
    <Container className="divide-y p-0" data-testid="meta-connection-section">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading>Meta</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Your store's connection to Facebook, Instagram and Meta ads.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {testEventCode && (
            <Tooltip content={`Test event code ${testEventCode}: Conversions API events reach Test Events only and do not count for your ads. Remove it on the Events page.`}>
              <Badge size="2xsmall" color="orange" data-testid="meta-settings-test-mode">
                Test mode
              </Badge>
            </Tooltip>
          )}
          {status.hint ? (
            <Tooltip content={status.hint}>
              <StatusBadge color={status.color} data-testid="meta-connection-status">
                {status.label}
              </StatusBadge>
            </Tooltip>
          ) : (
            <StatusBadge color={status.color} data-testid="meta-connection-status">
              {status.label}
            </StatusBadge>
          )}
          <Button
            size="small"
            variant="secondary"
            onClick={() => healthCheck.mutate()}
            isLoading={healthCheck.isPending}
            data-testid="meta-health-check-button"
          >
            Run health check
          </Button>
          <DisconnectButton />
        </div>
      </div>

      {(needsReconnect || connection.last_error) && (
        <div className="px-6 py-4">
          <Alert variant={needsReconnect ? "error" : "warning"} data-testid="meta-last-error">
            <div className="flex items-start justify-between gap-x-4">
              <div className="flex flex-col gap-y-1">
                <Text size="small" leading="compact" weight="plus">
                  {needsReconnect ? "Meta can no longer be reached with this connection" : "Last error"}
                </Text>
                {connection.last_error && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {connection.last_error}
                  </Text>
                )}
                {connection.last_error_at && (
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {formatRelativeAndAbsolute(connection.last_error_at)}
                  </Text>
                )}
              </div>
              {needsReconnect && <ReconnectButton method={connection.method} testId="meta-reconnect-button" />}
            </div>
          </Alert>
        </div>
      )}

      <SectionRow
        title="Connected as"
        testId="meta-connected-as"
        value={connection.meta_user_name ?? connection.meta_user_id ?? "-"}
      />
      <SectionRow title="Method" testId="meta-connection-method" value={CONNECTION_METHOD[connection.method]} />
      <SectionRow
        title="Token expires"
        testId="meta-token-expires"
        value={dateOr(connection.token_expires_at, "Never")}
      />
      <SectionRow
        title="Data access expires"
        testId="meta-data-access-expires"
        value={dateOr(connection.data_access_expires_at, "-")}
      />
      <SectionRow title="Last health check" value={dateOr(connection.last_health_check_at, "Never")} />

      {healthCheck.data && <HealthCheckResult health={healthCheck.data.health} />}
    </Container>
  )
}
