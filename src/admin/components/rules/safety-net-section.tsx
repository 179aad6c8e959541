import { Button, Container, Heading, Hint, Input, Label, StatusBadge, Switch, Table, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import type { MetaSafetyNet } from "../../../types/http/ads"
import { useMetaSafetyNet, useSetMetaSafetyNet } from "../../hooks/api/safety-net"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { describeRun, fieldValue, SAFETY_NET_KIND_LABEL, safetyNetErrors, type SafetyNetField } from "./safety-net-format"

type Errors = Partial<Record<SafetyNetField | "form", string>>
type Draft = { spend: string; frequency: string }

const draftOf = (net: MetaSafetyNet): Draft => ({ spend: net.spend_cap_daily ?? "", frequency: net.max_frequency ?? "" })

/**
 * Meta's own rules as a safety net: a spend cap and a frequency cap per ad, evaluated by Meta every 30 minutes
 * even while the store is down, with what they paused (mirrored by the ads sync). Mounted by the rules page.
 */
export const SafetyNetSection = () => {
  const { data, isPending, isError, error } = useMetaSafetyNet()
  const save = useSetMetaSafetyNet()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Errors>({})

  if (isPending) {
    return (
      <Container className="px-6 py-4" data-testid="meta-safety-net">
        <Text size="small" className="text-ui-fg-subtle">
          Loading the safety net…
        </Text>
      </Container>
    )
  }
  if (isError) {
    return (
      <Container className="px-6 py-4" data-testid="meta-safety-net">
        <Hint variant="error">The safety net could not be read: {error.message}</Hint>
      </Container>
    )
  }
  const net = data.safety_net
  if (!net.ad_account_id) {
    return (
      <Container className="flex flex-col gap-y-1 px-6 py-4" data-testid="meta-safety-net">
        <Heading level="h2">Safety net</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Choose an ad account in Settings → Meta to let Meta pause runaway ads while the store is down.
        </Text>
      </Container>
    )
  }
  const values = draft ?? draftOf(net)
  const currency = net.currency ?? ""

  const send = (body: Parameters<typeof save.mutate>[0], done: string) =>
    save.mutate(body, {
      onSuccess: () => {
        setDraft(null)
        setErrors({})
        toast.success(done)
      },
      onError: (e) => {
        const { field, message } = safetyNetErrors(e.message)
        setErrors(field ? { [field]: message } : { form: message })
      },
    })

  const onToggle = (checked: boolean) =>
    checked
      ? send({ enabled: true, spend_cap_daily: fieldValue(values.spend), max_frequency: fieldValue(values.frequency) }, "Safety net on at Meta")
      : send({ enabled: false }, "Safety net off: Meta's rules are disabled")

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    send({ enabled: true, spend_cap_daily: fieldValue(values.spend), max_frequency: fieldValue(values.frequency) }, "Safety net saved at Meta")
  }

  const field = (key: keyof Draft, name: SafetyNetField, label: string, placeholder: string, unit: string, hint: string) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus" htmlFor={`meta-safety-net-${name}`}>
        {label}
      </Label>
      <div className="flex items-center gap-x-2">
        <Input
          id={`meta-safety-net-${name}`}
          size="small"
          className="w-32"
          inputMode="decimal"
          placeholder={placeholder}
          value={values[key]}
          aria-invalid={!!errors[name]}
          onChange={(event) => {
            setDraft({ ...values, [key]: event.target.value })
            setErrors({ ...errors, [name]: undefined })
          }}
          data-testid={`meta-safety-net-${name}`}
        />
        <Text size="xsmall" className="text-ui-fg-subtle">
          {unit}
        </Text>
      </div>
      {errors[name] ? <Hint variant="error">{errors[name]}</Hint> : <Hint>{hint}</Hint>}
    </div>
  )

  return (
    <Container className="divide-y p-0" data-testid="meta-safety-net">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">Safety net</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Meta's own rules, checked by Meta every 30 minutes even while the store is down: an ad over the spend cap today or the
            frequency cap over the last 7 days is paused. Paused ads stay paused until you turn them on again.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusBadge color={net.enabled ? "green" : "grey"}>{net.enabled ? "On at Meta" : "Off"}</StatusBadge>
          <Switch
            checked={net.enabled}
            disabled={save.isPending}
            onCheckedChange={onToggle}
            aria-label={net.enabled ? "Turn the safety net off" : "Turn the safety net on"}
            data-testid="meta-safety-net-switch"
          />
        </div>
      </div>
      <form className="flex flex-col gap-y-4 px-6 py-4" onSubmit={onSubmit}>
        <div className="flex flex-wrap gap-x-8 gap-y-4">
          {field("spend", "spend_cap_daily", "Spend cap per ad, today", currency === "JPY" ? "3000" : "50.00", currency, "Empty: no spend cap.")}
          {field("frequency", "max_frequency", "Frequency cap per ad, last 7 days", "4", "impressions per person", "Empty: no frequency cap.")}
        </div>
        {errors.form && <Hint variant="error">{errors.form}</Hint>}
        <div className="flex items-center gap-x-2">
          <Button size="small" type="submit" isLoading={save.isPending} data-testid="meta-safety-net-save">
            {net.enabled ? "Save" : "Save and turn on"}
          </Button>
          {draft && (
            <Button
              size="small"
              variant="secondary"
              type="button"
              onClick={() => {
                setDraft(null)
                setErrors({})
              }}
            >
              Cancel
            </Button>
          )}
        </div>
      </form>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="meta-safety-net-history">
        <Text size="small" weight="plus">
          What Meta's rules did
        </Text>
        {net.history.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            Nothing paused yet. Runs show here after the next ads sync.
          </Text>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>When</Table.HeaderCell>
                  <Table.HeaderCell>Rule</Table.HeaderCell>
                  <Table.HeaderCell>What happened</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {net.history.map((run) => (
                  <Table.Row key={run.id} data-testid="meta-safety-net-run">
                    <Table.Cell className="whitespace-nowrap">
                      <span title={formatDateTime(run.ran_at)}>{formatRelative(run.ran_at)}</span>
                    </Table.Cell>
                    <Table.Cell>{SAFETY_NET_KIND_LABEL[run.kind]}</Table.Cell>
                    <Table.Cell>{describeRun(run)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </div>
    </Container>
  )
}
