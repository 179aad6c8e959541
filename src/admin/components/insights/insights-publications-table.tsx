import { Button, Table, Text } from "@medusajs/ui"
import type { MetaAccountInsights } from "../../../types/http/insights"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { KIND_LABEL, PLATFORM_LABEL } from "../publishing/publication-labels"
import { captionPreview, formatCount, formatRate, formatRevenue, readMetric } from "./insights-format"

type Props = {
  insights: MetaAccountInsights
  onOpen: (publicationId: string) => void
}

const Figure = ({ value }: { value: string }) => <span className="tabular-nums">{value}</span>

/** The range's publications with their figures and what they sold; a row opens the publication. */
export const InsightsPublicationsTable = ({ insights, onOpen }: Props) => (
  <div className="overflow-x-auto">
    <Table data-testid="meta-insights-publications">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Post</Table.HeaderCell>
          <Table.HeaderCell>Published</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Reach</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Views</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Interactions</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Engagement</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {insights.publications.map((publication) => {
          const revenue = formatRevenue(publication.attributed.revenue)
          return (
            <Table.Row
              key={publication.publication_id}
              className="cursor-pointer"
              onClick={() => onOpen(publication.publication_id)}
              data-testid={`meta-insights-publication-${publication.publication_id}`}
            >
              <Table.Cell className="max-w-[18rem]">
                <Text size="small" className="truncate">
                  {captionPreview(publication.caption) || "No caption"}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {KIND_LABEL[publication.kind]}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <span title={formatDateTime(publication.published_at)}>{formatRelative(publication.published_at)}</span>
              </Table.Cell>
              <Table.Cell className="text-right">
                <Figure value={formatCount(readMetric(publication.metrics, "reach"))} />
              </Table.Cell>
              <Table.Cell className="text-right">
                <Figure value={formatCount(readMetric(publication.metrics, "views"))} />
              </Table.Cell>
              <Table.Cell className="text-right">
                <Figure value={formatCount(readMetric(publication.metrics, "interactions"))} />
              </Table.Cell>
              <Table.Cell className="text-right">
                <Figure value={formatRate(publication.engagement_rate)} />
              </Table.Cell>
              <Table.Cell className="text-right">
                <Figure value={formatCount(publication.attributed.orders)} />
              </Table.Cell>
              <Table.Cell className="text-right">
                {revenue.length === 0
                  ? "—"
                  : revenue.map((text, index) => (
                      <div key={index} className="tabular-nums">
                        {text}
                      </div>
                    ))}
              </Table.Cell>
              <Table.Cell>
                <div className="flex items-center justify-end gap-x-3" onClick={(event) => event.stopPropagation()}>
                  <Button size="small" variant="transparent" onClick={() => onOpen(publication.publication_id)}>
                    Details
                  </Button>
                  {publication.permalink && (
                    <a
                      className="txt-compact-small text-ui-fg-interactive whitespace-nowrap"
                      href={publication.permalink}
                      target="_blank"
                      rel="noreferrer"
                    >
                      View on {PLATFORM_LABEL[insights.platform]}
                    </a>
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  </div>
)
