import { Alert, Button, Container, Copy, Heading, Skeleton, Text } from "@medusajs/ui"
import { useMetaSetup } from "../../hooks/api/setup"
import type { MetaSetupValue } from "../../../types/http/setup"
import { SetupCheckBadge } from "./setup-check-badge"

const SetupValueRow = ({ item }: { item: MetaSetupValue }) => (
  <div className="flex items-start justify-between gap-x-4 px-6 py-4" data-testid={`meta-setup-${item.key}`}>
    <div className="flex min-w-0 flex-col gap-y-1">
      <Text size="small" leading="compact" weight="plus">
        {item.label}
      </Text>
      {item.value ? (
        <div className="flex items-center gap-x-2">
          <code className="bg-ui-bg-subtle text-ui-fg-base txt-compact-small break-all rounded px-1.5 py-0.5" data-testid="meta-setup-value">
            {item.value}
          </code>
          <Copy content={item.value} />
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Nothing to paste yet.
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {item.where}.{" "}
        <a href={item.docs_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
          Meta's guide
        </a>
      </Text>
      <Text size="small" className={item.check.status === "failed" ? "text-ui-fg-error" : "text-ui-fg-subtle"} data-testid="meta-setup-check">
        {item.check.message}
      </Text>
    </div>
    <SetupCheckBadge status={item.check.status} />
  </div>
)

/**
 * What the merchant pastes into Meta's dashboards, with a copy button and a check each. Shown before the
 * first connection too: the redirect URI must be in the Meta app before Connect can work.
 */
export const SetupValuesSection = () => {
  const { data, isPending, isError, error, refetch } = useMetaSetup()

  if (isPending) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="meta-setup-loading">
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-16 w-full" />
        <Skeleton className="h-16 w-full" />
      </Container>
    )
  }
  if (isError) {
    return (
      <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="meta-setup-error">
        <Heading level="h2">Paste into Meta</Heading>
        <Alert variant="error">The values to paste into Meta could not be loaded: {error.message}</Alert>
        <div className="flex justify-end">
          <Button size="small" variant="secondary" onClick={() => refetch()}>
            Try again
          </Button>
        </div>
      </Container>
    )
  }

  const { setup } = data
  return (
    <Container className="divide-y p-0" data-testid="meta-setup-section">
      <div className="px-6 py-4">
        <Heading level="h2">Paste into Meta</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Enter these in your Meta app's dashboard and in Commerce Manager. They are built from the store's address{" "}
          <span className="text-ui-fg-base">{setup.backend_url}</span>.
        </Text>
      </div>
      {setup.backend_url_warning && (
        <div className="px-6 py-4">
          <Alert variant="warning" data-testid="meta-setup-backend-warning">
            {setup.backend_url_warning}
          </Alert>
        </div>
      )}
      {setup.values.map((item) => (
        <SetupValueRow key={item.key} item={item} />
      ))}
    </Container>
  )
}
