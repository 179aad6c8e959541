import { Alert, Button, Container, Heading, StatusBadge, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { fullSyncDisplay } from "../../../lib/catalog/full-sync-display"
import type { FeatureReadiness } from "../../../lib/connection/feature-readiness"
import { useMetaCatalog, useStartMetaCatalogFullSync } from "../../hooks/api/catalog"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import type { MetaCatalog, MetaCatalogRun } from "../../../types/http/catalog"
import { useMetaFeatureReadiness } from "../meta-feature-notice"
import { SectionError } from "../webhooks/section-error"

const RUN_STATUS: Record<MetaCatalogRun["status"], { label: string; color: "green" | "orange" | "red" | "blue" }> = {
  running: { label: "Running", color: "blue" },
  completed: { label: "Completed", color: "green" },
  failed: { label: "Failed", color: "red" },
  stopped: { label: "Stopped", color: "orange" },
}

const CATALOG_PAGE = "/meta/catalog"

const Total = ({ label, value, to }: { label: string; value: number; to?: string }) => (
  <div className="flex flex-col gap-y-1" data-testid={`meta-catalog-total-${label.toLowerCase().replace(/\s+/g, "-")}`}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    {to && value > 0 ? (
      <Link to={to} className="txt-compact-large-plus text-ui-fg-interactive">
        {value.toLocaleString()}
      </Link>
    ) : (
      <Text className="txt-compact-large-plus">{value.toLocaleString()}</Text>
    )}
  </div>
)

const FullSyncProgress = ({ run, synced }: { run: MetaCatalogRun; synced: number }) => {
  const { percent, text } = fullSyncDisplay(run, synced)
  return (
    <div className="flex flex-col gap-y-2" data-testid="meta-catalog-progress">
      <div className="flex justify-between gap-x-4">
        <Text size="small">Full sync in progress</Text>
        <Text size="small" className="text-ui-fg-subtle">
          {text}
        </Text>
      </div>
      <div
        className="bg-ui-bg-component h-2 w-full overflow-hidden rounded-full"
        role="progressbar"
        aria-label={text}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="bg-ui-fg-interactive h-full rounded-full transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}

const RunLine = ({ title, run }: { title: string; run: MetaCatalogRun | null }) => (
  <div className="flex items-center justify-between">
    <Text size="small" className="text-ui-fg-subtle">
      {title}
    </Text>
    {run ? (
      <div className="flex items-center gap-x-2">
        <Text size="small" title={formatDateTime(run.finished_at ?? run.started_at)}>
          {formatRelative(run.finished_at ?? run.started_at)}
        </Text>
        <StatusBadge color={RUN_STATUS[run.status].color}>{RUN_STATUS[run.status].label}</StatusBadge>
      </div>
    ) : (
      <Text size="small">Never</Text>
    )}
  </div>
)

/** Why "Full sync" cannot start now, in the merchant's words; null when it can. */
function fullSyncBlocked(catalog: MetaCatalog | undefined, readiness: FeatureReadiness | null): string | null {
  if (!catalog || !readiness) return "Loading the catalog status…"
  if (readiness.state !== "ready") return `${readiness.title}: nothing can be sent to Meta until then.`
  if (catalog.full_sync?.status === "running") return "A full sync is already running."
  if (catalog.paused_reason) return `Catalog sync is waiting: ${catalog.paused_reason}`
  return null
}

/**
 * What the Meta catalog holds of the store, a full sync with its progress, the last reconcile. While
 * catalog sync is not ready (the screen shows the readiness notice above), "Full sync" is disabled with
 * the reason and the counts are marked as the last known ones.
 */
export const CatalogSection = ({ linkToList = true }: { linkToList?: boolean }) => {
  const { readiness } = useMetaFeatureReadiness("catalog")
  const { data, isPending, isError, error, refetch } = useMetaCatalog()
  const fullSync = useStartMetaCatalogFullSync()
  const catalog = data?.catalog
  const running = catalog?.full_sync?.status === "running"
  const blocked = fullSyncBlocked(catalog, readiness)
  const ready = readiness?.state === "ready"

  const onFullSync = () =>
    fullSync.mutate(undefined, {
      onSuccess: ({ run }) => toast.success(`Full sync started: ${run.total.toLocaleString()} variants to check`),
      onError: (e) => toast.error(e.message),
    })

  return (
    <Container className="divide-y p-0" data-testid="meta-catalog-section">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Catalog</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One Meta catalog item per variant; changes are sent within seconds.
            {catalog?.catalog_id ? ` Catalog ${catalog.catalog_id}, prices in ${catalog.currency_code.toUpperCase()}.` : ""}
          </Text>
        </div>
        <div className="flex flex-col items-end gap-y-1">
          <Button size="small" variant="secondary" isLoading={fullSync.isPending} disabled={!!blocked} onClick={onFullSync}>
            Full sync
          </Button>
          {blocked && catalog && readiness && (
            <Text size="xsmall" className="text-ui-fg-subtle max-w-64 text-right" data-testid="meta-catalog-sync-blocked">
              {blocked}
            </Text>
          )}
        </div>
      </div>
      {isPending && <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="The catalog status" message={error.message} onRetry={() => refetch()} />}
      {catalog && (
        <>
          {ready && catalog.paused_reason && (
            <div className="px-6 py-4">
              <Alert variant="warning">Catalog sync is waiting: {catalog.paused_reason}</Alert>
            </div>
          )}
          {!ready && readiness && (
            <Text size="small" className="px-6 py-3 text-ui-fg-subtle" data-testid="meta-catalog-last-known">
              The counts below are what the store last knew; nothing is sent to Meta until catalog sync is ready again.
            </Text>
          )}
          <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-5">
            <Total label="Synced" value={catalog.totals.synced} to={`${CATALOG_PAGE}?status=synced`} />
            <Total label="Pending" value={catalog.totals.pending} to={`${CATALOG_PAGE}?status=pending`} />
            <Total label="Needs attention" value={catalog.totals.needs_attention} to={`${CATALOG_PAGE}?status=needs_attention`} />
            <Total label="Errors" value={catalog.totals.errors} to={`${CATALOG_PAGE}?status=error`} />
            <Total label="Excluded" value={catalog.totals.excluded} to={`${CATALOG_PAGE}?excluded=true`} />
          </div>
          {running && catalog.full_sync && (
            <div className="px-6 py-4">
              <FullSyncProgress run={catalog.full_sync} synced={catalog.totals.synced} />
            </div>
          )}
          <div className="flex flex-col gap-y-2 px-6 py-4">
            {!running && <RunLine title="Last full sync" run={catalog.full_sync} />}
            <RunLine title="Last reconcile" run={catalog.last_reconcile} />
            {catalog.last_reconcile?.message && (
              <Text size="small" className="text-ui-fg-subtle">
                {catalog.last_reconcile.message}
              </Text>
            )}
          </div>
          {linkToList && (
            <div className="flex justify-end px-6 py-4">
              <Button size="small" variant="transparent" asChild>
                <Link to={`${CATALOG_PAGE}?status=needs_attention`}>Items that need attention</Link>
              </Button>
            </div>
          )}
        </>
      )}
    </Container>
  )
}
