import { Button, Container, Heading, Hint, Input, StatusBadge, Switch, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import type { MetaAdAccount } from "../../../types/http/ads"
import { useSetMetaRulesSwitch } from "../../hooks/api/rules"
import { formatRuleAmount } from "./rule-format"

/** The one switch that stops every rule, and the ceiling the account's total daily budget never goes above. */
export const RulesSwitchSection = ({ account }: { account: MetaAdAccount }) => {
  const setSwitch = useSetMetaRulesSwitch()
  const [ceiling, setCeiling] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const running = !account.rules_paused

  const onToggle = (checked: boolean) =>
    setSwitch.mutate(
      { paused: !checked },
      {
        onSuccess: () => toast.success(checked ? "All rules running" : "All rules paused"),
        onError: (e) => toast.error("The rules switch did not change", { description: e.message }),
      }
    )

  const onSaveCeiling = (event: FormEvent) => {
    event.preventDefault()
    if (ceiling === null) return
    const value = ceiling.trim() ? ceiling.trim() : null
    setSwitch.mutate(
      { paused: account.rules_paused, daily_budget_ceiling: value },
      {
        onSuccess: () => {
          setCeiling(null)
          setError(null)
          toast.success(value ? `Daily budget ceiling set to ${formatRuleAmount(value, "money", account.currency)}` : "Daily budget ceiling removed")
        },
        onError: (e) => setError(e.message.replace(/^Invalid request:\s*/, "")),
      }
    )
  }

  return (
    <Container className="divide-y p-0" data-testid="meta-rules-switch">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{running ? "All rules running" : "All rules paused"}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {running
              ? "Enabled rules are evaluated on fresh figures and act on Meta (dry-run rules only log)."
              : "No rule is evaluated or acts until this is switched on again. Each rule keeps its own switch."}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusBadge color={running ? "green" : "orange"}>{running ? "Running" : "Paused"}</StatusBadge>
          <Switch
            checked={running}
            disabled={setSwitch.isPending}
            onCheckedChange={onToggle}
            aria-label={running ? "Pause all rules" : "Run all rules"}
            data-testid="meta-rules-master-switch"
          />
        </div>
      </div>
      <form className="flex flex-col gap-y-1 px-6 py-4" onSubmit={onSaveCeiling} data-testid="meta-rules-ceiling">
        <Text size="small" weight="plus">
          Account daily budget ceiling
        </Text>
        {ceiling === null ? (
          <div className="flex items-center gap-x-2">
            <Text size="small" className="tabular-nums">
              {account.daily_budget_ceiling ? `${formatRuleAmount(account.daily_budget_ceiling, "money", account.currency)} a day` : "None"}
            </Text>
            <Button size="small" variant="secondary" type="button" onClick={() => setCeiling(account.daily_budget_ceiling ?? "")}>
              Edit
            </Button>
          </div>
        ) : (
          <div className="flex items-center gap-x-2">
            <Input
              size="small"
              className="w-32"
              inputMode="decimal"
              autoFocus
              value={ceiling}
              placeholder="500.00"
              aria-label="Account daily budget ceiling"
              aria-invalid={!!error}
              onChange={(event) => setCeiling(event.target.value)}
              data-testid="meta-rules-ceiling-input"
            />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {account.currency}
            </Text>
            <Button size="small" type="submit" isLoading={setSwitch.isPending}>
              Save
            </Button>
            <Button size="small" variant="secondary" type="button" onClick={() => {
                setCeiling(null)
                setError(null)
              }}>
              Cancel
            </Button>
          </div>
        )}
        {error ? (
          <Hint variant="error">{error}</Hint>
        ) : (
          <Hint>No rule raises a budget when the account's daily budgets together would go above it. Empty removes it.</Hint>
        )}
      </form>
    </Container>
  )
}
