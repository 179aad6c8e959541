import { Alert, Button, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { featureReadiness, type FeatureReadiness } from "../../lib/connection/feature-readiness"
import type { MetaFeature } from "../../types/http/connection"
import { useMetaConnection } from "../hooks/api/connection"

/**
 * The connection as one feature's screen must see it: not connected, needs a reconnect, switched off,
 * missing permissions or an asset, or ready. `readiness` is null while the connection loads or fails to.
 */
export const useMetaFeatureReadiness = (feature?: MetaFeature) => {
  const query = useMetaConnection()
  const readiness: FeatureReadiness | null =
    query.isPending || query.isError ? null : featureReadiness(query.connection ?? null, feature)
  return { ...query, readiness }
}

type MetaFeatureNoticeProps = {
  readiness: FeatureReadiness | null
  className?: string
}

/**
 * Says why a feature's screen shows nothing current, with the one step that fixes it; renders nothing
 * when the feature is ready (or its state is not known yet). Every Meta screen and widget puts this
 * above its data, so none looks connected and healthy when it is not.
 */
export const MetaFeatureNotice = ({ readiness, className }: MetaFeatureNoticeProps) => {
  if (!readiness || readiness.state === "ready") return null
  const variant = readiness.state === "needs_reconnect" || readiness.state === "missing_permissions" ? "error" : "warning"
  return (
    <Alert variant={variant} className={className} data-testid="meta-feature-notice" data-state={readiness.state}>
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus" leading="compact">
          {readiness.title}
        </Text>
        <Text size="small">{readiness.message}</Text>
        {readiness.action && (
          <div>
            <Button size="small" variant="secondary" asChild>
              <Link to={readiness.action.to}>{readiness.action.label}</Link>
            </Button>
          </div>
        )}
      </div>
    </Alert>
  )
}
