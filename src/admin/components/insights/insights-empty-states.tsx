import { Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import type { FeatureReadiness } from "../../../lib/connection/feature-readiness"
import { MetaFeatureNotice } from "../meta-feature-notice"
import { PUBLISHING_ACCOUNTS_PATH } from "./insights-links"

type EmptyPageProps = { testId: string; title: string; children: ReactNode; action: ReactNode }

const EmptyPage = ({ testId, title, children, action }: EmptyPageProps) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="px-6 py-4">
      <Heading>Insights</Heading>
    </div>
    <div className="flex flex-col items-start gap-y-3 px-6 py-6">
      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          {title}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {children}
        </Text>
      </div>
      {action}
    </div>
  </Container>
)

/** Not connected (never, or any more): nothing to read insights with; the notice says how to connect. */
export const InsightsNotConnected = ({ readiness }: { readiness: FeatureReadiness }) => (
  <Container className="divide-y p-0" data-testid="meta-insights-not-connected">
    <div className="px-6 py-4">
      <Heading>Insights</Heading>
    </div>
    <div className="px-6 py-4">
      <MetaFeatureNotice readiness={readiness} />
    </div>
  </Container>
)

/** Connected, but publishing is on for no account: insights follow the accounts the store publishes to. */
export const InsightsNoAccounts = () => (
  <EmptyPage
    testId="meta-insights-no-accounts"
    title="No publishing account"
    action={
      <Button size="small" variant="secondary" asChild>
        <Link to={PUBLISHING_ACCOUNTS_PATH}>Choose accounts</Link>
      </Button>
    }
  >
    Insights are kept for the accounts publishing is turned on for. Turn it on for your Page or Instagram account in
    Publishing → Accounts.
  </EmptyPage>
)
