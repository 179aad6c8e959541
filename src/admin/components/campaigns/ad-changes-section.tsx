import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { MetaAdChange } from "../../../types/http/ads"
import { META_AD_CHANGES_PAGE_SIZE, useChangeAuthors, useMetaAdChanges, type ChangeAuthor } from "../../hooks/api/ads"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"
import { CHANGE_STATUS, changeValueLines, describeAction, parseActor } from "./campaigns-format"

type Props = {
  currency: string | undefined
  /** Names by Meta id, from the campaigns on screen (the log names objects by Meta's id only). */
  names: Map<string, string>
  /** Only one object's changes (the drawer's campaign); the whole account's otherwise. */
  objectMetaId?: string
  testId?: string
}

const authorName = (author: ChangeAuthor | undefined) => {
  if (!author) return undefined
  const name = [author.first_name, author.last_name].filter(Boolean).join(" ")
  return name || author.email
}

const Who = ({ actor, authors }: { actor: string; authors: Map<string, ChangeAuthor> | undefined }) => {
  const parsed = parseActor(actor)
  if (parsed.kind === "user") {
    return <span title={parsed.id}>{authorName(authors?.get(parsed.id)) ?? "A team member"}</span>
  }
  if (parsed.kind === "rule") return <span title={parsed.id}>Automated rule</span>
  return <span>{parsed.text}</span>
}

const What = ({ change, names }: { change: MetaAdChange; names: Map<string, string> }) => (
  <>
    <Text size="small">{describeAction(change)}</Text>
    <Text size="xsmall" className="text-ui-fg-subtle truncate" title={change.object_meta_id}>
      {names.get(change.object_meta_id) ?? `Meta id ${change.object_meta_id}`}
    </Text>
  </>
)

const BeforeAfter = ({ change, currency, names }: { change: MetaAdChange; currency: string | undefined; names: Map<string, string> }) => {
  const lines = changeValueLines(change, currency, { names })
  if (lines.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {change.action === "duplicate" ? "A paused copy" : "—"}
      </Text>
    )
  }
  return (
    <div className="flex flex-col">
      {lines.map((line) => (
        <Text key={line.label} size="small" className="whitespace-nowrap">
          <span className="text-ui-fg-subtle">{line.label}: </span>
          <span className="tabular-nums">{line.before}</span>
          <span className="text-ui-fg-muted"> → </span>
          <span className="tabular-nums">{line.after}</span>
        </Text>
      ))}
    </div>
  )
}

/** Every change made from the plugin — by a person or a rule — with who, what, before → after and the outcome. */
export const AdChangesSection = ({ currency, names, objectMetaId, testId = "meta-ad-changes" }: Props) => {
  const [offset, setOffset] = useState(0)
  const query = useMetaAdChanges({ object_meta_id: objectMetaId }, offset)
  const { data } = query
  const userIds = (data?.changes ?? []).flatMap((c) => {
    const actor = parseActor(c.actor)
    return actor.kind === "user" ? [actor.id] : []
  })
  const authors = useChangeAuthors(userIds).data

  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h2">{objectMetaId ? "Changes to this campaign" : "Changes"}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every pause, activation, budget change and copy made from Medusa, by a person or a rule, as sent to Meta.
        </Text>
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="The changes"
        empty={objectMetaId ? "No changes made to this campaign from Medusa yet." : "No changes made from Medusa yet."}
      >
        {data && (
          <>
            <div className="overflow-x-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>When</Table.HeaderCell>
                    <Table.HeaderCell>Who</Table.HeaderCell>
                    <Table.HeaderCell>What</Table.HeaderCell>
                    <Table.HeaderCell>Before → after</Table.HeaderCell>
                    <Table.HeaderCell>Status</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.changes.map((change) => {
                    const status = CHANGE_STATUS[change.status]
                    return (
                      <Table.Row key={change.id} data-testid={`meta-ad-change-${change.id}`}>
                        <Table.Cell className="whitespace-nowrap">
                          <span title={formatDateTime(change.created_at)}>{formatRelative(change.created_at)}</span>
                        </Table.Cell>
                        <Table.Cell className="whitespace-nowrap">
                          <Who actor={change.actor} authors={authors} />
                        </Table.Cell>
                        <Table.Cell className="max-w-[16rem]">
                          <What change={change} names={names} />
                        </Table.Cell>
                        <Table.Cell>
                          <BeforeAfter change={change} currency={currency} names={names} />
                        </Table.Cell>
                        <Table.Cell className="max-w-[16rem]">
                          <StatusBadge color={status.color}>{status.label}</StatusBadge>
                          {change.error && (
                            <Text size="xsmall" className="text-ui-fg-error mt-1 break-words">
                              {change.error}
                            </Text>
                          )}
                        </Table.Cell>
                      </Table.Row>
                    )
                  })}
                </Table.Body>
              </Table>
            </div>
            <OffsetPagination
              count={data.count}
              offset={offset}
              pageSize={META_AD_CHANGES_PAGE_SIZE}
              onOffsetChange={setOffset}
            />
          </>
        )}
      </ListStates>
    </Container>
  )
}
