import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChevronLeftMini, ChevronRightMini } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Tabs, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import type { MetaPublication, MetaPublicationStatus } from "../../../../types/http/publishing"
import { FilterSelect } from "../../../components/list/filter-select"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { ListStates } from "../../../components/list/list-states"
import { OffsetPagination } from "../../../components/offset-pagination"
import { accountLabel } from "../../../components/publishing/account-avatar"
import { AccountsDrawer } from "../../../components/publishing/accounts-drawer"
import {
  calendarRange,
  fromDateParam,
  rangeLabel,
  shiftAnchor,
  startOfDay,
  toDateParam,
  type CalendarView,
} from "../../../components/publishing/calendar-dates"
import { ComposeDrawer } from "../../../components/publishing/compose-drawer"
import { DraftsTray } from "../../../components/publishing/drafts-tray"
import { MonthCalendar } from "../../../components/publishing/month-calendar"
import { PublicationDrawer } from "../../../components/publishing/publication-drawer"
import { PUBLICATION_STATUS, PUBLICATION_STATUSES } from "../../../components/publishing/publication-labels"
import { PublicationsTable } from "../../../components/publishing/publications-table"
import { useReschedulePublication } from "../../../components/publishing/use-reschedule-publication"
import { WeekCalendar } from "../../../components/publishing/week-calendar"
import { SectionError } from "../../../components/webhooks/section-error"
import {
  META_PUBLICATIONS_PAGE_SIZE,
  useMetaPublications,
  useMetaPublishingAccounts,
  type MetaPublicationFilters,
} from "../../../hooks/api/publishing"

type View = "list" | CalendarView

const VIEWS: { value: View; label: string }[] = [
  { value: "list", label: "List" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
]

/** Everything one calendar range can hold; far above what a store schedules in a month. */
const CALENDAR_LIMIT = 1000
const DRAFTS_LIMIT = 50

const isView = (value: string | null): value is View => VIEWS.some((v) => v.value === value)
const isStatus = (value: string | null): value is MetaPublicationStatus =>
  !!value && (PUBLICATION_STATUSES as string[]).includes(value)

/** The URL holds the view, the filters, the calendar's date and the list's page, so a reload keeps them. */
const usePublishingParams = () => {
  const [params, setParams] = useSearchParams()
  const view: View = isView(params.get("view")) ? (params.get("view") as View) : "month"
  const status = isStatus(params.get("status")) ? (params.get("status") as MetaPublicationStatus) : undefined
  const accountId = params.get("account_id") ?? undefined
  const anchor = fromDateParam(params.get("date"))
  const offset = Math.max(0, Number(params.get("offset")) || 0)
  const change = (patch: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) next.delete(key)
        else next.set(key, value)
      }
      return next
    })
  return { params, view, status, accountId, anchor, offset, change }
}

/** Publishing: the posts of the store's Page and Instagram account, as a calendar or a list, and new ones. */
const MetaPublishingPage = () => {
  const { params, view, status, accountId, anchor, offset, change } = usePublishingParams()
  const [accountsOpen, setAccountsOpen] = useState(params.get("accounts") === "open")
  const [compose, setCompose] = useState<{ open: boolean; publication?: MetaPublication }>({ open: false })
  const [selected, setSelected] = useState<MetaPublication | null>(null)
  const reschedule = useReschedulePublication()
  // Posts already planned stay listed; nothing new is composed while Meta would not receive it.
  const { readiness } = useMetaFeatureReadiness("publishing")
  const canCompose = readiness?.state === "ready"

  const accounts = useMetaPublishingAccounts().data?.accounts ?? []
  const accountsById = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts])

  const calendar = view !== "list"
  const filters: MetaPublicationFilters = {
    ...(status ? { status } : {}),
    ...(accountId ? { account_id: accountId } : {}),
    ...(calendar ? calendarRange(view, anchor) : {}),
  }
  const query = useMetaPublications(filters, calendar ? { limit: CALENDAR_LIMIT } : { offset })
  const showDrafts = calendar && (!status || status === "draft")
  const drafts = useMetaPublications(
    { status: "draft", ...(accountId ? { account_id: accountId } : {}) },
    { limit: DRAFTS_LIMIT, enabled: showDrafts }
  )
  const { data } = query
  const draftList = showDrafts ? (drafts.data?.publications ?? []) : []

  const onMove = (publicationId: string, day: Date, hour?: number) => {
    const publication = [...(data?.publications ?? []), ...draftList].find((p) => p.id === publicationId)
    if (publication) reschedule(publication, day, hour)
  }
  const closeAccounts = (open: boolean) => {
    setAccountsOpen(open)
    if (!open && params.has("accounts")) change({ accounts: undefined })
  }

  return (
    <Container className="divide-y p-0" data-testid="meta-publishing">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Publishing</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Posts for your Facebook Page and Instagram account, published when they are due. Drag a post to another day
            to move it.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setAccountsOpen(true)}>
            Accounts
          </Button>
          <Button
            size="small"
            disabled={!canCompose}
            onClick={() => setCompose({ open: true })}
            data-testid="meta-publishing-new"
          >
            New post
          </Button>
        </div>
      </div>
      {readiness && readiness.state !== "ready" && (
        <div className="px-6 py-4">
          <MetaFeatureNotice readiness={readiness} />
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Tabs value={view} onValueChange={(value) => change({ view: value, offset: undefined })}>
            <Tabs.List>
              {VIEWS.map((v) => (
                <Tabs.Trigger key={v.value} value={v.value}>
                  {v.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
          {calendar && (
            <div className="flex items-center gap-x-1">
              <IconButton
                size="small"
                variant="transparent"
                aria-label="Previous"
                onClick={() => change({ date: toDateParam(shiftAnchor(view, anchor, -1)) })}
              >
                <ChevronLeftMini />
              </IconButton>
              <Button size="small" variant="secondary" onClick={() => change({ date: toDateParam(startOfDay(new Date())) })}>
                Today
              </Button>
              <IconButton
                size="small"
                variant="transparent"
                aria-label="Next"
                onClick={() => change({ date: toDateParam(shiftAnchor(view, anchor, 1)) })}
              >
                <ChevronRightMini />
              </IconButton>
              <Text size="small" weight="plus" className="ml-2" data-testid="meta-publishing-range">
                {rangeLabel(view, anchor)}
              </Text>
            </div>
          )}
        </div>
        <div className="flex gap-x-2">
          <FilterSelect
            testId="meta-publishing-filter-account"
            value={accountId}
            all="All accounts"
            options={accounts.map((a) => ({ value: a.id, label: accountLabel(a) }))}
            onChange={(account_id) => change({ account_id, offset: undefined })}
          />
          <FilterSelect
            testId="meta-publishing-filter-status"
            value={status}
            all="All statuses"
            options={PUBLICATION_STATUSES.map((s) => ({ value: s, label: PUBLICATION_STATUS[s].label }))}
            onChange={(value) => change({ status: value, offset: undefined })}
          />
        </div>
      </div>
      {calendar && query.isError && (
        <SectionError what="The publications" message={query.error.message} onRetry={() => query.refetch()} />
      )}
      {calendar && !query.isError && (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <DraftsTray drafts={draftList} accountsById={accountsById} onOpen={setSelected} />
          {view === "week" ? (
            <WeekCalendar
              anchor={anchor}
              publications={data?.publications ?? []}
              accountsById={accountsById}
              onOpen={setSelected}
              onMove={onMove}
            />
          ) : (
            <MonthCalendar
              anchor={anchor}
              publications={data?.publications ?? []}
              accountsById={accountsById}
              onOpen={setSelected}
              onMove={onMove}
              onShowWeek={(day) => change({ view: "week", date: toDateParam(day) })}
            />
          )}
        </div>
      )}
      {!calendar && (
        <ListStates
          query={query}
          count={data?.count}
          what="The publications"
          empty={status || accountId ? "No publications match these filters." : "No publications yet. Write one with New post."}
        >
          {data && (
            <>
              <PublicationsTable publications={data.publications} accountsById={accountsById} onOpen={setSelected} />
              <OffsetPagination
                count={data.count}
                offset={offset}
                pageSize={META_PUBLICATIONS_PAGE_SIZE}
                onOffsetChange={(value) => change({ offset: String(value) })}
              />
            </>
          )}
        </ListStates>
      )}
      <PublicationDrawer
        publication={selected}
        account={selected ? accountsById.get(selected.account_id) : undefined}
        onClose={() => setSelected(null)}
        onEdit={(publication) => {
          setSelected(null)
          setCompose({ open: true, publication })
        }}
      />
      <ComposeDrawer
        open={compose.open}
        publication={compose.publication}
        onOpenChange={(open) => setCompose((current) => ({ ...current, open }))}
        onSaved={(publication) => publication.status === "publishing" && setSelected(publication)}
        onOpenAccounts={() => {
          setCompose({ open: false })
          setAccountsOpen(true)
        }}
      />
      <AccountsDrawer open={accountsOpen} onOpenChange={closeAccounts} />
    </Container>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Publishing",
  rank: 30,
})

export default MetaPublishingPage
