import { Alert, Button, Drawer, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useRef, useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import {
  useCancelMetaPublication,
  useDeleteMetaPublication,
  useMetaPublication,
  usePublishMetaPublication,
} from "../../hooks/api/publishing"
import { formatDateTime } from "../../lib/format-date"
import { BoostDrawer } from "../campaigns/boost-drawer"
import { PublicationInsightsPanel } from "../insights/publication-insights-panel"
import { useMetaFeatureReadiness } from "../meta-feature-notice"
import { AccountAvatar } from "./account-avatar"
import { MediaPreview } from "./media-preview"
import { canCancel, canDelete, canEdit, canPublishNow, KIND_LABEL, PLATFORM_LABEL, PUBLICATION_STATUS } from "./publication-labels"
import { PublicationError } from "./publication-error"

type Props = {
  /** The publication clicked (shown at once, then kept live from the server); null closes the drawer. */
  publication: MetaPublication | null
  account: MetaPublishingAccount | undefined
  onClose: () => void
  onEdit: (publication: MetaPublication) => void
}

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[120px_1fr] gap-x-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small break-all">{children}</div>
  </div>
)

/** A toast when a publication being watched leaves "publishing": published, or Meta's error. */
const usePublishOutcomeToast = (publication: MetaPublication | undefined) => {
  const seen = useRef<{ id: string; status: string } | null>(null)
  useEffect(() => {
    if (!publication) return
    const before = seen.current
    seen.current = { id: publication.id, status: publication.status }
    if (before?.id !== publication.id || before.status !== "publishing") return
    if (publication.status === "published") toast.success("Published")
    if (publication.status === "failed") toast.error(publication.last_error?.message ?? "Meta did not publish it")
  }, [publication])
}

const Actions = ({ publication, onEdit, onDeleted }: { publication: MetaPublication; onEdit: () => void; onDeleted: () => void }) => {
  const prompt = usePrompt()
  const publish = usePublishMetaPublication()
  const cancel = useCancelMetaPublication()
  const remove = useDeleteMetaPublication()
  const [boosting, setBoosting] = useState(false)
  const { id, status } = publication
  // Publishing and boosting go to Meta at once: offered only when the connection lets them through.
  const publishing = useMetaFeatureReadiness("publishing").readiness
  const ads = useMetaFeatureReadiness("ads").readiness

  const onPublish = () =>
    publish.mutate(id, {
      onSuccess: () => toast.info("Publishing; this takes a few seconds"),
      onError: (e) => toast.error(e.message),
    })
  const onCancel = async () => {
    const confirmed = await prompt({
      title: "Cancel this publication?",
      description: "It will not be published. It stays in the list as cancelled.",
      confirmText: "Cancel publication",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    cancel.mutate(id, { onSuccess: () => toast.success("Publication cancelled"), onError: (e) => toast.error(e.message) })
  }
  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete this publication?",
      description: "It is removed from the calendar and the list. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    remove.mutate(id, {
      onSuccess: () => {
        toast.success("Publication deleted")
        onDeleted()
      },
      onError: (e) => toast.error(e.message),
    })
  }

  return (
    <>
      {canDelete(status) && (
        <Button size="small" variant="danger" isLoading={remove.isPending} onClick={onDelete}>
          Delete
        </Button>
      )}
      {canCancel(status) && (
        <Button size="small" variant="secondary" isLoading={cancel.isPending} onClick={onCancel}>
          Cancel publication
        </Button>
      )}
      {canEdit(status) && (
        <Button size="small" variant="secondary" onClick={onEdit}>
          Edit
        </Button>
      )}
      {status === "published" && ads?.state === "ready" && (
        <>
          <Button size="small" variant="secondary" onClick={() => setBoosting(true)} data-testid="meta-publication-boost">
            Boost
          </Button>
          <BoostDrawer publication={publication} open={boosting} onClose={() => setBoosting(false)} />
        </>
      )}
      {canPublishNow(status) && (
        <Button
          size="small"
          isLoading={publish.isPending}
          disabled={publishing?.state !== "ready"}
          title={publishing && publishing.state !== "ready" ? publishing.message : undefined}
          onClick={onPublish}
        >
          Publish now
        </Button>
      )}
    </>
  )
}

/** One publication: its content, where it stands, Meta's ids for support, and what can be done with it now. */
export const PublicationDrawer = ({ publication: clicked, account, onClose, onEdit }: Props) => {
  const { data } = useMetaPublication(clicked?.id)
  const publication = data?.publication ?? clicked ?? undefined
  usePublishOutcomeToast(data?.publication)
  const status = publication && PUBLICATION_STATUS[publication.status]

  return (
    <Drawer open={!!clicked} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="meta-publication-drawer">
        <Drawer.Header>
          <Drawer.Title>{publication ? KIND_LABEL[publication.kind] : "Publication"}</Drawer.Title>
        </Drawer.Header>
        {publication && status && (
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <div className="flex flex-col gap-y-2">
              <Row label="Status">
                <StatusBadge color={status.color}>{status.label}</StatusBadge>
              </Row>
              <Row label="Account">
                <span className="flex items-center gap-x-2">
                  <AccountAvatar account={account} />
                  {account ? `${account.name} on ${PLATFORM_LABEL[account.platform]}` : publication.account_id}
                </span>
              </Row>
              {publication.scheduled_at && <Row label="Scheduled">{formatDateTime(publication.scheduled_at)}</Row>}
              {publication.published_at && <Row label="Published">{formatDateTime(publication.published_at)}</Row>}
              {publication.permalink && (
                <Row label="Post">
                  <a className="text-ui-fg-interactive" href={publication.permalink} target="_blank" rel="noreferrer">
                    {publication.permalink}
                  </a>
                </Row>
              )}
              <Row label="Attempts">{publication.attempts}</Row>
              {publication.next_attempt_at && <Row label="Next attempt">{formatDateTime(publication.next_attempt_at)}</Row>}
            </div>
            {publication.status === "published" && <PublicationInsightsPanel publicationId={publication.id} />}
            {publication.last_error && (
              <div className="flex flex-col gap-y-1" data-testid="meta-publication-error">
                <Text size="small" weight="plus">
                  Last error
                </Text>
                <PublicationError error={publication.last_error} />
              </div>
            )}
            {publication.publish_warnings.length > 0 && (
              <Alert variant="warning" data-testid="meta-publication-warnings">
                <Text size="small" weight="plus">
                  What publishing left out or noted
                </Text>
                <ul className="list-disc pl-4">
                  {publication.publish_warnings.map((warning, index) => (
                    <li key={index} className="txt-small">
                      {warning.message}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            {publication.media.length > 0 && (
              <div className="grid grid-cols-4 gap-2">
                {publication.media.map((media, index) => (
                  <a key={index} href={media.url} target="_blank" rel="noreferrer" title={media.alt_text ?? media.url}>
                    <MediaPreview url={media.url} type={media.type} className="aspect-square w-full" />
                  </a>
                ))}
              </div>
            )}
            {publication.caption && (
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">
                  Caption
                </Text>
                <Text size="small" className="whitespace-pre-wrap break-words">
                  {publication.caption}
                </Text>
              </div>
            )}
            {publication.first_comment && (
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">
                  First comment
                </Text>
                <Text size="small" className="whitespace-pre-wrap break-words">
                  {publication.first_comment}
                </Text>
              </div>
            )}
            <div className="flex flex-col gap-y-2">
              {publication.product_ids.length > 0 && (
                <Row label="Products">
                  <span className="flex flex-wrap gap-x-2">
                    {publication.product_ids.map((id) => (
                      <Link key={id} className="text-ui-fg-interactive" to={`/products/${id}`}>
                        {id}
                      </Link>
                    ))}
                  </span>
                </Row>
              )}
              {publication.link_url && <Row label="Link">{publication.link_url}</Row>}
              <Row label="Publication id">{publication.id}</Row>
              {publication.container_id && <Row label="Container id">{publication.container_id}</Row>}
              {publication.meta_post_id && <Row label="Meta post id">{publication.meta_post_id}</Row>}
              {publication.first_comment_id && <Row label="Comment id">{publication.first_comment_id}</Row>}
            </div>
          </Drawer.Body>
        )}
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Close
            </Button>
          </Drawer.Close>
          {publication && <Actions publication={publication} onEdit={() => onEdit(publication)} onDeleted={onClose} />}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
