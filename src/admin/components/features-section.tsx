import { Container, Heading, Text, toast } from "@medusajs/ui"
import { useUpdateMetaFeatures } from "../hooks/api/connection"
import { FEATURES } from "../lib/meta-labels"
import type { MetaConnection, MetaFeature } from "../../types/http/connection"
import { FeatureToggle } from "./feature-toggle"

export const FeaturesSection = ({ connection }: { connection: MetaConnection }) => {
  const { mutate, isPending } = useUpdateMetaFeatures({
    onError: (error) => toast.error("Could not update the feature", { description: error.message }),
  })

  const toggle = (feature: MetaFeature, label: string, enabled: boolean) =>
    mutate(
      { [feature]: enabled },
      { onSuccess: () => toast.success(`${label} ${enabled ? "enabled" : "disabled"}`) }
    )

  return (
    <Container className="divide-y p-0" data-testid="meta-features-section">
      <div className="px-6 py-4">
        <Heading level="h2">Features</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Turn on what this store uses Meta for. Each feature needs its own permissions from Meta.
        </Text>
      </div>
      {FEATURES.map(({ feature, label, description }) => {
        const state = connection.features[feature]
        if (!state) {
          return null
        }
        return (
          <FeatureToggle
            key={feature}
            feature={feature}
            label={label}
            description={description}
            state={state}
            method={connection.method}
            onCheckedChange={(checked) => toggle(feature, label, checked)}
            disabled={isPending}
          />
        )
      })}
    </Container>
  )
}
