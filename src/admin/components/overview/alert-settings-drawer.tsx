import { Button, Drawer, Heading, Hint, Input, Label, Switch, Text, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import type { MetaAlertKind, MetaAlertSettings } from "../../../types/http/overview"
import { useMetaAlertSettings, useUpdateMetaAlertSettings } from "../../hooks/api/overview"

const KINDS: { kind: MetaAlertKind; label: string; description: string }[] = [
  { kind: "token", label: "Token expiring or revoked", description: "The Meta token expires within 7 days, data access ends, or Meta revoked the access." },
  { kind: "publication_failed", label: "A publication failed", description: "Meta refused a post; the alert says why." },
  { kind: "catalog_errors", label: "Catalog errors", description: "At least this many catalog items are rejected by Meta." },
  { kind: "capi_failing", label: "Conversions API failing", description: "At least this many events failed or are retrying in the last 24 hours." },
  { kind: "rule_acted", label: "A rule acted", description: "An automated rule paused, started or re-budgeted something." },
  { kind: "spend_pacing", label: "Spend pacing", description: "Today's ad spend, or its pace to the end of the day, is above the daily ceiling." },
]

type Props = { open: boolean; onOpenChange: (open: boolean) => void }

/** One switch per alert kind, the thresholds, the spend ceiling and who else gets an e-mail. */
export const AlertSettingsDrawer = ({ open, onOpenChange }: Props) => {
  const query = useMetaAlertSettings()
  const update = useUpdateMetaAlertSettings()
  const [draft, setDraft] = useState<MetaAlertSettings | null>(null)
  const [emails, setEmails] = useState("")
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (open && query.data) {
      setDraft(structuredClone(query.data.settings))
      setEmails(query.data.settings.email_recipients.join(", "))
      setError(null)
    }
  }, [open, query.data])

  const set = <K extends MetaAlertKind>(kind: K, patch: Partial<MetaAlertSettings[K]>) =>
    setDraft((d) => (d ? { ...d, [kind]: { ...d[kind], ...patch } } : d))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!draft) return
    const ceiling = draft.spend_pacing.daily_ceiling?.trim() || null
    update.mutate(
      {
        ...draft,
        spend_pacing: { ...draft.spend_pacing, daily_ceiling: ceiling },
        email_recipients: emails.split(/[\s,;]+/).filter(Boolean),
      },
      {
        onSuccess: () => {
          toast.success("Alert settings saved")
          onOpenChange(false)
        },
        onError: (e) => setError(e.message),
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content className="flex flex-col" data-testid="meta-alert-settings-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Alert settings</Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">Which Meta alerts reach the notification feed, and their thresholds.</Drawer.Description>
        </Drawer.Header>
        <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Body className="flex flex-1 flex-col gap-y-5 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Each alert is sent once per cause to the admins' notification feed (the bell) and stops when its cause is gone; it is sent again if the
              cause comes back.
            </Text>
            {query.isPending && <Text size="small">Loading…</Text>}
            {query.isError && <Hint variant="error">The settings could not be loaded: {query.error.message}</Hint>}
            {draft &&
              KINDS.map(({ kind, label, description }) => (
                <div key={kind} className="flex flex-col gap-y-2" data-testid={`meta-alert-setting-${kind}`}>
                  <div className="flex items-center justify-between gap-x-3">
                    <div>
                      <Label htmlFor={`meta-alert-${kind}`} size="small" weight="plus">
                        {label}
                      </Label>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {description}
                      </Text>
                    </div>
                    <Switch id={`meta-alert-${kind}`} checked={draft[kind].enabled} onCheckedChange={(enabled) => set(kind, { enabled })} />
                  </div>
                  {(kind === "catalog_errors" || kind === "capi_failing") && (
                    <Input
                      type="number"
                      min={1}
                      step={1}
                      size="small"
                      aria-label={`${label}: threshold`}
                      value={draft[kind].threshold}
                      onChange={(e) => set(kind, { threshold: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
                      disabled={!draft[kind].enabled}
                    />
                  )}
                  {kind === "spend_pacing" && (
                    <Input
                      size="small"
                      inputMode="decimal"
                      placeholder="The ceiling set for rules on the ad account"
                      aria-label="Daily spend ceiling"
                      value={draft.spend_pacing.daily_ceiling ?? ""}
                      onChange={(e) => set("spend_pacing", { daily_ceiling: e.target.value })}
                      disabled={!draft.spend_pacing.enabled}
                    />
                  )}
                </div>
              ))}
            {draft && (
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="meta-alert-emails" size="small" weight="plus">
                  Also e-mail to
                </Label>
                <Input id="meta-alert-emails" size="small" placeholder="ops@example.com, owner@example.com" value={emails} onChange={(e) => setEmails(e.target.value)} />
                <Text size="xsmall" className="text-ui-fg-subtle">
                  Needs an e-mail provider in the store's notification module (for example SendGrid on the "email" channel).
                </Text>
              </div>
            )}
            {error && (
              <Hint variant="error" data-testid="meta-alert-settings-error">
                {error}
              </Hint>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending} disabled={!draft} data-testid="meta-alert-settings-save">
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
