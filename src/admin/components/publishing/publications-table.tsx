import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { AccountAvatar } from "./account-avatar"
import { KIND_LABEL, PUBLICATION_STATUS } from "./publication-labels"
import { PublicationError } from "./publication-error"

type Props = {
  publications: MetaPublication[]
  accountsById: Map<string, MetaPublishingAccount>
  onOpen: (publication: MetaPublication) => void
}

const When = ({ publication }: { publication: MetaPublication }) => {
  const at = publication.published_at ?? publication.scheduled_at
  if (!at) return <Text size="small">Not scheduled</Text>
  return (
    <div>
      <Text size="small" title={formatDateTime(at)}>
        {formatRelative(at)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {publication.published_at ? "Published" : "Scheduled"} {formatDateTime(at)}
      </Text>
    </div>
  )
}

/** The list view: one row per publication, with Meta's last error and the post's link once published. */
export const PublicationsTable = ({ publications, accountsById, onOpen }: Props) => (
  <Table data-testid="meta-publications-table">
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>When</Table.HeaderCell>
        <Table.HeaderCell>Account</Table.HeaderCell>
        <Table.HeaderCell>Kind</Table.HeaderCell>
        <Table.HeaderCell>Caption</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
        <Table.HeaderCell>Post</Table.HeaderCell>
        <Table.HeaderCell>Last error</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {publications.map((publication) => {
        const account = accountsById.get(publication.account_id)
        const status = PUBLICATION_STATUS[publication.status]
        return (
          <Table.Row key={publication.id} className="cursor-pointer" onClick={() => onOpen(publication)}>
            <Table.Cell>
              <When publication={publication} />
            </Table.Cell>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                <AccountAvatar account={account} />
                <Text size="small" className="max-w-[10rem] truncate">
                  {account?.name ?? publication.account_id}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>{KIND_LABEL[publication.kind]}</Table.Cell>
            <Table.Cell className="max-w-[16rem] truncate">{publication.caption || "—"}</Table.Cell>
            <Table.Cell>
              <StatusBadge color={status.color}>{status.label}</StatusBadge>
            </Table.Cell>
            <Table.Cell>
              {publication.permalink ? (
                <a
                  className="text-ui-fg-interactive"
                  href={publication.permalink}
                  target="_blank"
                  rel="noreferrer"
                  onClick={(event) => event.stopPropagation()}
                >
                  View
                </a>
              ) : (
                "—"
              )}
            </Table.Cell>
            <Table.Cell className="max-w-xs whitespace-normal">
              <PublicationError error={publication.last_error} />
            </Table.Cell>
          </Table.Row>
        )
      })}
    </Table.Body>
  </Table>
)
