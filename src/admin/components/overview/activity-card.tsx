import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaOverview } from "../../../types/http/overview"
import { formatDateTime } from "../../lib/format-date"
import { FigureRow, OverviewFigure } from "./overview-figure"
import { count } from "./overview-format"

const Off = ({ what }: { what: string }) => (
  <>
    {what} is off. Turn it on in{" "}
    <Link to="/settings/meta" className="text-ui-fg-interactive">
      Settings → Meta
    </Link>
    .
  </>
)

/** Today and this week: publications, catalog, Conversions API events and webhooks, each number a link. */
export const ActivityCard = ({ overview }: { overview: MetaOverview }) => {
  const { publishing, catalog, capi, webhooks } = overview
  return (
    <Container className="divide-y p-0" data-testid="meta-overview-activity">
      <div className="px-6 py-4">
        <Heading level="h2">Today and this week</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Week of {overview.week.from_day} to {overview.week.to_day} ({overview.time_zone}).
        </Text>
      </div>
      <FigureRow
        title="Publishing"
        note={!publishing.enabled ? <Off what="Publishing" /> : publishing.total === 0 ? <>Nothing yet: <Link to={publishing.links.compose} className="text-ui-fg-interactive">compose a post from a product</Link>.</> : undefined}
      >
        <OverviewFigure testId="meta-overview-scheduled" label={`scheduled this week (${count(publishing.scheduled_today)} today)`} value={count(publishing.scheduled_this_week)} to={publishing.links.scheduled} />
        <OverviewFigure testId="meta-overview-published" label={`published this week (${count(publishing.published_today)} today)`} value={count(publishing.published_this_week)} to={publishing.links.published} />
        <OverviewFigure testId="meta-overview-failed-publications" label="failed" value={count(publishing.failed)} to={publishing.links.failed} tone="attention" />
      </FigureRow>
      {publishing.recent_failures.length > 0 && (
        <div className="flex flex-col gap-y-1 px-6 py-3" data-testid="meta-overview-recent-failures">
          {publishing.recent_failures.map((f) => (
            <Link key={f.id} to={f.link} className="hover:bg-ui-bg-base-hover -mx-2 rounded-md px-2 py-1">
              <Text size="small" className="text-ui-fg-error">
                {f.caption ? `“${f.caption.slice(0, 60)}”: ` : ""}
                {f.reason ?? "Meta refused it."}
              </Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {f.hint ? `${f.hint} · ` : ""}
                {formatDateTime(f.failed_at)}
              </Text>
            </Link>
          ))}
        </div>
      )}
      <FigureRow
        title="Catalog"
        note={!catalog.enabled ? <Off what="Catalog sync" /> : !catalog.catalog_id ? <>No catalog chosen yet: pick one in <Link to="/settings/meta" className="text-ui-fg-interactive">Settings → Meta</Link>.</> : undefined}
      >
        <OverviewFigure testId="meta-overview-catalog-synced" label="synced" value={count(catalog.synced)} to={catalog.links.synced} />
        <OverviewFigure testId="meta-overview-catalog-attention" label="need attention" value={count(catalog.needs_attention)} to={catalog.links.needs_attention} tone="attention" />
        <OverviewFigure testId="meta-overview-catalog-errors" label="errors" value={count(catalog.errors)} to={catalog.links.errors} tone="attention" />
        <OverviewFigure testId="meta-overview-catalog-pending" label="waiting to be sent" value={count(catalog.pending)} to={catalog.links.catalog} />
      </FigureRow>
      <FigureRow
        title="Conversions API"
        note={!capi.enabled ? <Off what="The Conversions API" /> : capi.sent + capi.failed + capi.pending === 0 ? "No events yet: a placed order sends a Purchase event." : undefined}
      >
        <OverviewFigure testId="meta-overview-capi-sent" label={`sent (${count(capi.sent_this_week)} this week)`} value={count(capi.sent)} to={capi.link} />
        <OverviewFigure testId="meta-overview-capi-failed" label={`failed (${count(capi.failed_this_week)} this week)`} value={count(capi.failed)} to={capi.link} tone="attention" />
        <OverviewFigure testId="meta-overview-capi-pending" label="waiting" value={count(capi.pending)} to={capi.link} />
        <OverviewFigure
          testId="meta-overview-capi-match"
          label="sent with e-mail or phone (match quality)"
          value={capi.match_quality.events ? `${Math.round(Math.max(capi.match_quality.share.em, capi.match_quality.share.ph) * 100)}%` : "—"}
          to={capi.link}
        />
      </FigureRow>
      <FigureRow title="Webhooks" note={!webhooks.enabled ? <Off what="Webhooks" /> : undefined}>
        <OverviewFigure testId="meta-overview-webhooks-received" label="changes received this week" value={count(webhooks.received_this_week)} to={webhooks.link} />
        <OverviewFigure testId="meta-overview-webhooks-failed" label={`failed (${count(webhooks.failed_this_week)} this week)`} value={count(webhooks.failed)} to={webhooks.link} tone="attention" />
      </FigureRow>
    </Container>
  )
}
