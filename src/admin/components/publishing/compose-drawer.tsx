import { Alert, Button, Drawer, Input, Label, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { KIND_SPECS } from "../../../lib/publishing/kinds"
import { kindTakesProductTags } from "../../../lib/publishing/product-tags"
import type { MetaPublication, MetaPublishingAccount } from "../../../types/http/publishing"
import { useMetaPublishingAccounts } from "../../hooks/api/publishing"
import { formatDateTime } from "../../lib/format-date"
import { AccountKindFields } from "./account-kind-fields"
import { CaptionField } from "./caption-field"
import {
  createBody,
  initialComposeState,
  suggestedKind,
  withProduct,
  type ComposeState,
  type ComposeWhen,
  type PublishingProduct,
} from "./compose-form"
import { FieldIssues, issuesAt, productTagIssuesOf, unplacedIssues } from "./field-issues"
import { MediaList } from "./media-list"
import { ProductPicker } from "./product-picker"
import { ProductTagsField } from "./product-tags-field"
import { ScheduleField } from "./schedule-field"
import { useComposeValidation } from "./use-compose-validation"
import { useSubmitPublication } from "./use-submit-publication"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this publication; without it, a new post. */
  publication?: MetaPublication
  /** Start a new post from this product (caption, images, link). */
  product?: PublishingProduct
  onSaved?: (publication: MetaPublication) => void
  onOpenAccounts?: () => void
}

type FormProps = Omit<Props, "open" | "onOpenChange"> & { onDone: () => void }

const SUBMIT_LABEL: Record<ComposeWhen, string> = { schedule: "Schedule", draft: "Save draft", now: "Publish now" }

const savedMessage = (publication: MetaPublication, when: ComposeWhen, account: MetaPublishingAccount | undefined) => {
  if (when === "now") return `Publishing to ${account?.name ?? "Meta"}…`
  if (when === "schedule" && publication.scheduled_at) return `Scheduled for ${formatDateTime(publication.scheduled_at)}`
  return "Draft saved"
}

const ComposeForm = ({ publication, product, onSaved, onOpenAccounts, onDone }: FormProps) => {
  const accounts = useMetaPublishingAccounts().data?.accounts
  const [state, setState] = useState<ComposeState>(() => initialComposeState(publication, product))
  const [savedId, setSavedId] = useState(publication?.id)
  const [serverError, setServerError] = useState<string | null>(null)
  const { submit, isPending } = useSubmitPublication()
  const body = useMemo(() => createBody(state), [state])
  const validation = useComposeValidation(body)
  const { issues } = validation

  const account = accounts?.find((a) => a.id === state.account_id)
  const spec = state.kind ? KIND_SPECS[state.kind] : undefined
  const set = (patch: Partial<ComposeState>) => setState((current) => ({ ...current, ...patch }))
  const chooseAccount = (next: MetaPublishingAccount) =>
    setState((current) => ({
      ...current,
      account_id: next.id,
      kind: current.kind && next.kinds.includes(current.kind) ? current.kind : suggestedKind(next.kinds, current.media),
    }))

  // A new post starts on the first account that publishing is on for.
  useEffect(() => {
    const first = accounts?.find((a) => a.enabled)
    if (!state.account_id && first) chooseAccount(first)
  }, [accounts])

  const waitingForTime = state.when === "schedule" && !state.scheduled_at
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setServerError(null)
    try {
      const saved = await submit(state, savedId, setSavedId)
      toast.success(savedMessage(saved, state.when, account))
      onSaved?.(saved)
      onDone()
    } catch (error) {
      setServerError((error as Error).message)
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{publication ? "Edit post" : "New post"}</Drawer.Title>
        <Drawer.Description className="sr-only">
          Write a post for a Facebook Page or an Instagram account, and publish it now, later or keep it as a draft.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        {serverError && (
          <Alert variant="error" dismissible data-testid="meta-compose-error">
            {serverError}
          </Alert>
        )}
        <FieldIssues issues={unplacedIssues(issues, state.media.length)} />
        <AccountKindFields
          accounts={accounts ?? []}
          account={account}
          kind={state.kind}
          accountLocked={!!savedId}
          issues={issues}
          onAccountChange={chooseAccount}
          onKindChange={(kind) => set({ kind })}
          onOpenAccounts={onOpenAccounts}
        />
        {account && spec && (
          <>
            <ProductPicker
              productIds={state.product_ids}
              onPick={(picked) => setState((current) => withProduct(current, picked))}
              onRemove={(id) =>
                set({ product_ids: state.product_ids.filter((p) => p !== id), product_tags: state.product_tags.filter((t) => t.product_id !== id) })
              }
            />
            <MediaList media={state.media} kind={state.kind} issues={issues} onChange={(media) => set({ media })} />
            {state.kind && kindTakesProductTags(state.kind) && state.product_ids.length > 0 && state.media.length > 0 && (
              <ProductTagsField
                account={account}
                media={state.media}
                productIds={state.product_ids}
                tags={state.product_tags}
                issues={productTagIssuesOf(issues)}
                onChange={(product_tags) => set({ product_tags })}
              />
            )}
            {spec.caption && (
              <CaptionField
                value={state.caption}
                platform={account.platform}
                issues={issuesAt(issues, "caption")}
                onChange={(caption) => set({ caption })}
              />
            )}
            {spec.comments && (
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" htmlFor="meta-compose-first-comment">
                  First comment
                </Label>
                <Input
                  id="meta-compose-first-comment"
                  size="small"
                  placeholder="Posted under the post right after it is published (hashtags often go here)"
                  value={state.first_comment}
                  onChange={(event) => set({ first_comment: event.target.value })}
                />
                <FieldIssues issues={issuesAt(issues, "first_comment")} />
              </div>
            )}
            <ScheduleField
              when={state.when}
              scheduledAt={state.scheduled_at}
              issues={issuesAt(issues, "scheduled_at")}
              accountId={account.id}
              onWhenChange={(when) => set({ when })}
              onScheduledAtChange={(scheduled_at) => set({ scheduled_at })}
            />
          </>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button variant="secondary" size="small" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          data-testid="meta-compose-submit"
          isLoading={isPending}
          disabled={!body || waitingForTime || validation.hasErrors}
        >
          {SUBMIT_LABEL[state.when]}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

/** Create or edit a publication; the form starts afresh from the publication or product each time it opens. */
export const ComposeDrawer = ({ open, onOpenChange, ...props }: Props) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content className="flex flex-col" data-testid="meta-compose-drawer">
      <ComposeForm {...props} onDone={() => onOpenChange(false)} />
    </Drawer.Content>
  </Drawer>
)
