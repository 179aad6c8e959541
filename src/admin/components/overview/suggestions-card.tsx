import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaAlert, MetaOverviewSuggestion } from "../../../types/http/overview"
import { formatRelative } from "../../lib/format-date"

type Props = { suggestions: MetaOverviewSuggestion[]; alerts: MetaAlert[]; onAlertSettings: () => void }

/** What needs the merchant now (alerts whose cause still holds) and what to look at next (suggestions). */
export const SuggestionsCard = ({ suggestions, alerts, onAlertSettings }: Props) => (
  <Container className="divide-y p-0" data-testid="meta-overview-next">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h2">What to do next</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Alerts also reach the notification bell (and e-mail, where the store has an e-mail provider).
        </Text>
      </div>
      <Button size="small" variant="secondary" onClick={onAlertSettings} data-testid="meta-overview-alert-settings">
        Alert settings
      </Button>
    </div>
    {alerts.length === 0 && suggestions.length === 0 && (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        Everything works: nothing needs you right now.
      </Text>
    )}
    {alerts.map((alert) => (
      <Link key={alert.id} to={alert.link} className="hover:bg-ui-bg-base-hover flex items-start gap-x-3 px-6 py-3" data-testid={`meta-overview-alert-${alert.kind}`}>
        <Badge size="2xsmall" color="red">
          Alert
        </Badge>
        <div>
          <Text size="small" weight="plus">
            {alert.title}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {alert.description} · {formatRelative(alert.fired_at)}
          </Text>
        </div>
      </Link>
    ))}
    {suggestions.map((s, i) => (
      <Link key={`${s.kind}-${i}`} to={s.link} className="hover:bg-ui-bg-base-hover flex items-start gap-x-3 px-6 py-3" data-testid={`meta-overview-suggestion-${s.kind}`}>
        <Badge size="2xsmall" color="blue">
          Next
        </Badge>
        <Text size="small">{s.message}</Text>
      </Link>
    ))}
  </Container>
)
