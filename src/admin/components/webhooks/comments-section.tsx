import { Badge, Button, Container, Heading, Label, Switch, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useMarkMetaCommentsRead, useMetaComments } from "../../hooks/api/webhooks"
import { formatRelative } from "../../lib/format-date"
import type { MetaComment } from "../../../types/http/webhooks"
import { insightsPath } from "../insights/insights-links"
import { ListStates } from "../list/list-states"

const platformLabel = (comment: MetaComment) =>
  `${comment.platform === "instagram" ? "Instagram" : "Facebook"}${comment.kind === "mention" ? " mention" : ""}`

/** The post a comment is on: the store's publication (opens in the admin) and the post on Meta. */
const PostLinks = ({ comment }: { comment: MetaComment }) => {
  const { post } = comment
  const network = comment.platform === "instagram" ? "Instagram" : "Facebook"
  return (
    <div className="flex flex-col gap-y-0.5">
      {post.publication_id && post.account_id ? (
        <Link className="text-ui-fg-interactive txt-small" to={insightsPath(post.account_id, post.publication_id)}>
          {post.title ? `Your post “${post.title}”` : "Your post"}
        </Link>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {post.publication_id ? "Your post" : "A post not published from this store"}
        </Text>
      )}
      {post.permalink ? (
        <a className="text-ui-fg-interactive txt-xsmall" href={post.permalink} target="_blank" rel="noreferrer">
          Open on {network}
        </a>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          Open it in the {network} app to see the post
        </Text>
      )}
    </div>
  )
}

/** Comments and mentions on the store's Page and Instagram account; new ones are badged until read. */
export const CommentsSection = ({ unread }: { unread: number }) => {
  const [unreadOnly, setUnreadOnly] = useState(false)
  const query = useMetaComments(unreadOnly)
  const { data } = query
  const markRead = useMarkMetaCommentsRead()
  const caughtUp = unread === 0 && !!data && (unreadOnly || data.count > 0)
  return (
    <Container className="divide-y p-0" data-testid="meta-comments" id="meta-comments">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Comments</Heading>
            {unread > 0 && (
              <Badge size="2xsmall" color="blue" data-testid="meta-new-comments">
                {unread} new
              </Badge>
            )}
          </div>
          {caughtUp && !unreadOnly && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="meta-comments-caught-up">
              You're all caught up: every comment has been read.
            </Text>
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
                onSuccess: ({ marked_read }) =>
                  toast.success(marked_read === 1 ? "1 comment marked as read" : `${marked_read} comments marked as read`),
                onError: (e) => toast.error(e.message),
              })
            }
          >
            Mark all read
          </Button>
        </div>
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="Comments"
        empty={
          unreadOnly ? (
            <span data-testid="meta-comments-caught-up">You're all caught up: no new comments.</span>
          ) : (
            "No comments yet. Comments on your Facebook Page and Instagram posts appear here as Meta sends them."
          )
        }
      >
        {data && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Where</Table.HeaderCell>
                <Table.HeaderCell>Post</Table.HeaderCell>
                <Table.HeaderCell>Author</Table.HeaderCell>
                <Table.HeaderCell>Comment</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.comments.map((comment) => (
                <Table.Row
                  key={comment.id}
                  className={comment.read_at ? "" : "font-medium"}
                  data-testid="meta-comment-row"
                  data-unread={comment.read_at ? "false" : "true"}
                >
                  <Table.Cell>{comment.created_time ? formatRelative(comment.created_time) : "—"}</Table.Cell>
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      {platformLabel(comment)}
                      {!comment.read_at && (
                        <Badge size="2xsmall" color="blue">
                          New
                        </Badge>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <PostLinks comment={comment} />
                  </Table.Cell>
                  <Table.Cell>{comment.author_name ?? `Someone on ${comment.platform === "instagram" ? "Instagram" : "Facebook"}`}</Table.Cell>
                  <Table.Cell className="max-w-md truncate">
                    {comment.text ?? (comment.kind === "mention" ? "Mentioned your account — open it on Instagram to read it" : "—")}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </ListStates>
    </Container>
  )
}
