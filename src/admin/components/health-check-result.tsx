import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { FEATURE_LABEL } from "../lib/meta-labels"
import { formatDateTime, formatRelativeAndAbsolute } from "../lib/format-date"
import type { MetaFeature, MetaHealth } from "../../types/http/connection"
import { SectionRow } from "./section-row"
import { SetupHealthChecks } from "./setup/setup-health-checks"

export const HealthCheckResult = ({ health }: { health: MetaHealth }) => {
  const missing = (Object.entries(health.missing_permissions) as [MetaFeature, string[] | undefined][]).filter(
    (entry): entry is [MetaFeature, string[]] => !!entry[1]?.length
  )

  const warnings = health.checks.filter((check) => check.status === "warning").length

  return (
    <div className="divide-y" data-testid="meta-health-result">
      <div className="flex items-center justify-between px-6 py-4">
        <Text size="small" leading="compact" weight="plus">
          Health check
        </Text>
        <div className="flex items-center gap-x-2">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {formatDateTime(health.checked_at)}
          </Text>
          <StatusBadge color={!health.ok ? "red" : warnings ? "orange" : "green"} data-testid="meta-health-ok">
            {!health.ok ? "Needs attention" : warnings ? `Healthy, ${warnings} to check` : "Healthy"}
          </StatusBadge>
        </div>
      </div>
      <SectionRow
        title="Token"
        testId="meta-health-token-valid"
        value={
          <StatusBadge color={health.token_valid ? "green" : "red"}>
            {health.token_valid ? "Valid" : "Invalid"}
          </StatusBadge>
        }
      />
      <SectionRow
        title="Token expires"
        value={health.expires_at ? formatRelativeAndAbsolute(health.expires_at) : "Never"}
      />
      <SectionRow
        title="Missing permissions"
        testId="meta-health-missing-permissions"
        value={
          missing.length ? (
            <div className="flex flex-col gap-y-1">
              {missing.map(([feature, permissions]) => (
                <div key={feature} className="flex flex-wrap items-center gap-1">
                  <Text size="small" leading="compact">
                    {FEATURE_LABEL[feature] ?? feature}:
                  </Text>
                  {permissions.map((permission) => (
                    <Badge key={permission} size="2xsmall" color="orange">
                      {permission}
                    </Badge>
                  ))}
                </div>
              ))}
            </div>
          ) : (
            "None"
          )
        }
      />
      {health.error && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error" data-testid="meta-health-error">
            {health.error}
          </Text>
        </div>
      )}
      <SetupHealthChecks checks={health.checks} />
    </div>
  )
}
