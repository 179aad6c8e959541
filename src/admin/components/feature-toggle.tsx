import { Badge, Label, Switch, Text } from "@medusajs/ui"
import type { MetaConnectionMethod, MetaFeature, MetaFeatureState } from "../../types/http/connection"
import { ReconnectButton } from "./reconnect-button"

type FeatureToggleProps = {
  feature: MetaFeature
  label: string
  description: string
  state: MetaFeatureState
  method: MetaConnectionMethod
  onCheckedChange: (checked: boolean) => void
  disabled: boolean
}

// Meta only grants a permission at login (or when a system-user token is
// generated), so a missing one is fixed by connecting again, not here.
const GRANT_HINT: Record<MetaConnectionMethod, string> = {
  oauth: "Reconnect to grant these permissions.",
  system_user: "Generate a new system-user token with these permissions and reconnect to grant them.",
}

export const FeatureToggle = ({
  feature,
  label,
  description,
  state,
  method,
  onCheckedChange,
  disabled,
}: FeatureToggleProps) => {
  const id = `meta-feature-switch-${feature}`
  const missing = state.missing_permissions

  return (
    <div className="flex items-start gap-x-3 px-6 py-4" data-testid={`meta-feature-${feature}`}>
      <Switch
        id={id}
        data-testid={id}
        checked={state.enabled}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
      />
      <div className="flex flex-1 flex-col gap-y-1">
        <Label htmlFor={id} size="small" weight="plus">
          {label}
        </Label>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
          {state.source === "options" && " Default set in the plugin options."}
        </Text>
        {missing.length > 0 && (
          <div className="flex flex-col gap-y-2 pt-1" data-testid={`meta-feature-missing-${feature}`}>
            <div className="flex flex-wrap items-center gap-1">
              <Text size="xsmall" className="text-ui-fg-subtle">
                Missing permissions:
              </Text>
              {missing.map((permission) => (
                <Badge key={permission} size="2xsmall" color="orange">
                  {permission}
                </Badge>
              ))}
            </div>
            <div className="flex items-center gap-x-2">
              <Text size="xsmall" className="text-ui-fg-muted">
                {GRANT_HINT[method]}
              </Text>
              <ReconnectButton method={method} label="Reconnect to grant" />
            </div>
          </div>
        )}
      </div>
    </div>
  )
}
