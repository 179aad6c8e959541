import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { formatRelative } from "../lib/format-date"
import type { MetaApiUsage } from "../../types/http/connection"

// Meta throttles at 100 % of a budget; warn well before that.
const usageColor = (percent: number) => (percent >= 90 ? "red" : percent >= 70 ? "orange" : "green")

const Percent = ({ value }: { value: number }) => (
  <Badge size="2xsmall" color={usageColor(value)}>
    {Math.round(value)}%
  </Badge>
)

export const ApiUsageSection = ({ usage }: { usage: MetaApiUsage | undefined }) => {
  if (!usage || (!usage.app && usage.objects.length === 0)) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="meta-api-usage">
      <div className="px-6 py-4">
        <Heading level="h2">API usage</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How much of Meta's rate limits this store used, as Meta last reported it. Calls wait
          automatically when a limit is reached.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Budget</Table.HeaderCell>
            <Table.HeaderCell>Calls</Table.HeaderCell>
            <Table.HeaderCell>CPU time</Table.HeaderCell>
            <Table.HeaderCell>Total time</Table.HeaderCell>
            <Table.HeaderCell>Reported</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {usage.app && (
            <Table.Row>
              <Table.Cell>The app (all calls from this store)</Table.Cell>
              <Table.Cell><Percent value={usage.app.call_count} /></Table.Cell>
              <Table.Cell><Percent value={usage.app.total_cputime} /></Table.Cell>
              <Table.Cell><Percent value={usage.app.total_time} /></Table.Cell>
              <Table.Cell>{formatRelative(usage.app.updated_at)}</Table.Cell>
            </Table.Row>
          )}
          {usage.objects.map((entry) => (
            <Table.Row key={`${entry.id}:${entry.type}`}>
              <Table.Cell className="whitespace-normal py-2">
                <Text size="small">{entry.label}</Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  id {entry.id}
                </Text>
                {entry.regain_access_minutes > 0 && (
                  <Text size="xsmall" className="text-ui-fg-error">
                    Paused by Meta for {entry.regain_access_minutes} min
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell><Percent value={entry.call_count} /></Table.Cell>
              <Table.Cell><Percent value={entry.total_cputime} /></Table.Cell>
              <Table.Cell><Percent value={entry.total_time} /></Table.Cell>
              <Table.Cell>{formatRelative(entry.updated_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}
