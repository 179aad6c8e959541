import { Badge, Button, Container, Heading, Switch, Label, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useMarkMetaCommentsRead, useMetaComments } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import { ListStates } from "../list/list-states"

/** Comments and mentions on the store's Page and Instagram account; new ones are badged until read. */
export const CommentsSection = ({ unread }: { unread: number }) => {
  const [unreadOnly, setUnreadOnly] = useState(false)
  const query = useMetaComments(unreadOnly)
  const { data } = query
  const markRead = useMarkMetaCommentsRead()
  return (
    <Container className="divide-y p-0" data-testid="meta-comments">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading>Comments</Heading>
          {unread > 0 && (
            <Badge size="2xsmall" color="blue" data-testid="meta-new-comments">
              {unread} new
            </Badge>
          )}
        </div>
        <div className="flex items-center gap-x-4">
          <div className="flex items-center gap-x-2">
            <Switch id="meta-unread-only" checked={unreadOnly} onCheckedChange={setUnreadOnly} />
            <Label htmlFor="meta-unread-only" size="small">
              New only
            </Label>
          </div>
          <Button
            size="small"
            variant="secondary"
            disabled={unread === 0}
            isLoading={markRead.isPending}
            onClick={() =>
              markRead.mutate(undefined, {
                onSuccess: ({ marked_read }) => toast.success(`${marked_read} comment(s) marked as read`),
                onError: (e) => toast.error(e.message),
              })
            }
          >
            Mark all read
          </Button>
        </div>
      </div>
      <ListStates query={query} count={data?.count} what="Comments" empty="No comments yet.">
        {data && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Where</Table.HeaderCell>
                <Table.HeaderCell>Author</Table.HeaderCell>
                <Table.HeaderCell>Comment</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.comments.map((comment) => (
                <Table.Row key={comment.id} className={comment.read_at ? "" : "font-medium"}>
                  <Table.Cell>{comment.created_time ? formatRelative(comment.created_time) : "—"}</Table.Cell>
                  <Table.Cell>
                    {comment.platform === "instagram" ? "Instagram" : "Facebook"} {comment.kind === "mention" ? "mention" : ""}
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {comment.publication_id ? `publication ${comment.publication_id}` : `post ${comment.media_id ?? "—"}`}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>{comment.author_name ?? "—"}</Table.Cell>
                  <Table.Cell className="max-w-md truncate">{comment.text ?? "(mention — open it on Instagram)"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </ListStates>
    </Container>
  )
}
