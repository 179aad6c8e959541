import { Button, Container, Heading, StatusBadge, Switch, Table, Text, toast } from "@medusajs/ui"
import type { MetaAdRule } from "../../../types/http/ads"
import { useEvaluateMetaAdRule, useUpdateMetaAdRule } from "../../hooks/api/rules"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { decisionWouldAct, describeRule } from "./rule-format"

type Props = {
  rules: MetaAdRule[]
  currency: string
  /** The account's one switch is off: no rule runs. */
  rulesPaused: boolean
  onNew: () => void
  onOpen: (rule: MetaAdRule) => void
}

/** Runs the rule now, as the job would; its decisions land in the log below. */
const RunNowButton = ({ rule, rulesPaused }: { rule: MetaAdRule; rulesPaused: boolean }) => {
  const evaluate = useEvaluateMetaAdRule()
  const why = rulesPaused ? "All rules are paused" : !rule.enabled ? "The rule is off" : undefined
  return (
    <Button
      size="small"
      variant="secondary"
      disabled={!!why}
      title={why}
      isLoading={evaluate.isPending}
      onClick={(event) => {
        event.stopPropagation()
        evaluate.mutate(rule.id, {
          onSuccess: ({ decisions }) => {
            const acted = decisions.filter((d) => d.acted).length
            const would = decisions.filter(decisionWouldAct).length
            toast.success(`${rule.name} ran`, {
              description: rule.dry_run
                ? `Dry run: it would change ${would} of ${decisions.length}; see the decisions below.`
                : `${acted} ${acted === 1 ? "change" : "changes"} made at Meta; ${decisions.length} decisions logged below.`,
            })
          },
          onError: (e) => toast.error(`${rule.name} did not run`, { description: e.message }),
        })
      }}
      data-testid={`meta-rule-run-${rule.id}`}
    >
      Run now
    </Button>
  )
}

const EnabledSwitch = ({ rule }: { rule: MetaAdRule }) => {
  const update = useUpdateMetaAdRule()
  return (
    <Switch
      size="small"
      checked={rule.enabled}
      disabled={update.isPending}
      onClick={(event) => event.stopPropagation()}
      onCheckedChange={(enabled) =>
        update.mutate(
          { id: rule.id, body: { enabled } },
          {
            onSuccess: () => toast.success(enabled ? "Rule enabled" : "Rule disabled", { description: rule.name }),
            onError: (e) => toast.error("The rule did not change", { description: e.message }),
          }
        )
      }
      aria-label={`${rule.enabled ? "Disable" : "Enable"} rule ${rule.name}`}
      data-testid={`meta-rule-enabled-${rule.id}`}
    />
  )
}

/** The rules, each said in words; a row opens the editor. */
export const RulesListSection = ({ rules, currency, rulesPaused, onNew, onOpen }: Props) => (
  <Container className="divide-y p-0" data-testid="meta-rules-list">
    <div className="flex items-start justify-between gap-x-4 px-6 py-4">
      <div>
        <Heading level="h2">Rules</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Evaluated by the plugin on the mirrored figures and the store's own orders and stock. New rules start in dry run.
        </Text>
      </div>
      <Button size="small" variant="secondary" onClick={onNew} data-testid="meta-rules-new">
        New rule
      </Button>
    </div>
    {rules.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No rules yet. Start from a template such as "Pause ads whose CPM is above X".
      </Text>
    ) : (
      <div className="overflow-x-auto">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>On</Table.HeaderCell>
              <Table.HeaderCell>Rule</Table.HeaderCell>
              <Table.HeaderCell>Mode</Table.HeaderCell>
              <Table.HeaderCell>Last evaluated</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.map((rule) => (
              <Table.Row key={rule.id} className="cursor-pointer" onClick={() => onOpen(rule)} data-testid={`meta-rule-${rule.id}`}>
                <Table.Cell>
                  <EnabledSwitch rule={rule} />
                </Table.Cell>
                <Table.Cell className="max-w-[32rem]">
                  <Text size="small" weight="plus">
                    {rule.name}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle whitespace-normal">
                    {describeRule(rule, currency)}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  {rule.dry_run ? <StatusBadge color="orange">Dry run</StatusBadge> : <StatusBadge color="green">Live</StatusBadge>}
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">
                  {rule.last_evaluated_at ? (
                    <span title={formatDateTime(rule.last_evaluated_at)}>{formatRelative(rule.last_evaluated_at)}</span>
                  ) : (
                    <Text size="small" className="text-ui-fg-muted">
                      Not yet
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right">
                  <RunNowButton rule={rule} rulesPaused={rulesPaused} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    )}
  </Container>
)
