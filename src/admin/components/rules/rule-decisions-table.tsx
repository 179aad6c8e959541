import { StatusBadge, Table, Text } from "@medusajs/ui"
import type { MetaAdRuleDecision, MetaAdRuleDraftDecision } from "../../../types/http/ads"
import { formatDateTime, formatRelative } from "../../lib/format-date"
import { decisionActionLabel, decisionChangeLines, decisionNumberLines, decisionOutcome } from "./rule-format"

/** A logged decision, or a preview's (a draft's has no id and no rule). */
type Decision = MetaAdRuleDraftDecision & Partial<Pick<MetaAdRuleDecision, "id" | "rule_id">>

type Props = {
  decisions: Decision[]
  currency: string
  /** Rule names by id; the preview of one rule leaves the column out. */
  ruleNames?: Map<string, string>
  /** The preview's "would act"; the log's "acted". */
  preview?: boolean
  testId?: string
}

const Lines = ({ lines }: { lines: { label: string; value: string }[] }) =>
  lines.length === 0 ? (
    <Text size="small" className="text-ui-fg-muted">
      —
    </Text>
  ) : (
    <div className="flex flex-col">
      {lines.map((line) => (
        <Text key={line.label} size="xsmall" className="whitespace-nowrap">
          <span className="text-ui-fg-subtle">{line.label} </span>
          <span className="tabular-nums">{line.value}</span>
        </Text>
      ))}
    </div>
  )

/** One decision per row: the object, acted or why not, the numbers that drove it, and before → after. */
export const RuleDecisionsTable = ({ decisions, currency, ruleNames, preview, testId }: Props) => (
  <div className="overflow-x-auto" data-testid={testId}>
    <Table>
      <Table.Header>
        <Table.Row>
          {!preview && <Table.HeaderCell>When</Table.HeaderCell>}
          {ruleNames && <Table.HeaderCell>Rule</Table.HeaderCell>}
          <Table.HeaderCell>Object</Table.HeaderCell>
          <Table.HeaderCell>Action</Table.HeaderCell>
          <Table.HeaderCell>Outcome</Table.HeaderCell>
          <Table.HeaderCell>Numbers</Table.HeaderCell>
          <Table.HeaderCell>Before → after</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {decisions.map((decision, index) => {
          const changes = decisionChangeLines(decision, currency)
          const outcome = decisionOutcome(decision, preview)
          return (
            <Table.Row key={decision.id ?? `${decision.object_meta_id}-${index}`} data-testid="meta-rule-decision">
              {!preview && (
                <Table.Cell className="whitespace-nowrap">
                  <span title={formatDateTime(decision.evaluated_at)}>{formatRelative(decision.evaluated_at)}</span>
                </Table.Cell>
              )}
              {ruleNames && (
                <Table.Cell className="max-w-[12rem] truncate">{(decision.rule_id && ruleNames.get(decision.rule_id)) ?? decision.rule_id ?? "—"}</Table.Cell>
              )}
              <Table.Cell className="whitespace-nowrap">
                <Text size="small">{decision.object_meta_id}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {decision.object_type.replace(/_/g, " ")}
                </Text>
              </Table.Cell>
              <Table.Cell className="max-w-[12rem]">{decisionActionLabel(decision.action)}</Table.Cell>
              <Table.Cell className="max-w-[16rem]">
                <StatusBadge color={outcome.color} data-testid="meta-rule-decision-outcome">
                  {outcome.label}
                </StatusBadge>
                {outcome.reason && (
                  <Text size="xsmall" className="text-ui-fg-subtle mt-1 break-words">
                    {outcome.reason}
                  </Text>
                )}
                {decision.note && (
                  <Text size="xsmall" className="text-ui-fg-subtle mt-1 break-words">
                    {decision.note}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>
                <Lines lines={decisionNumberLines(decision.numbers, currency)} />
              </Table.Cell>
              <Table.Cell>
                {changes.length === 0 ? (
                  <Text size="small" className="text-ui-fg-muted">
                    —
                  </Text>
                ) : (
                  changes.map((line) => (
                    <Text key={line.label} size="xsmall" className="whitespace-nowrap">
                      <span className="text-ui-fg-subtle">{line.label}: </span>
                      <span className="tabular-nums">{line.before}</span>
                      <span className="text-ui-fg-muted"> → </span>
                      <span className="tabular-nums">{line.after}</span>
                    </Text>
                  ))
                )}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  </div>
)
