import { Trash } from "@medusajs/icons"
import { Button, Hint, IconButton, Input, Select, Text } from "@medusajs/ui"
import { MAX_RULE_CONDITIONS, RULE_METRICS, RULE_OPERATORS, type RuleOperator } from "../../../lib/ads/rule-definition"
import { METRIC_INFO, metricUnitSuffix, OPERATOR_SIGN, type ConditionRow } from "./rule-format"

type Props = {
  conditions: ConditionRow[]
  currency: string
  errors: Record<string, string>
  onChange: (conditions: ConditionRow[]) => void
}

/** Rows of metric, operator and value (ANDed), each value in its metric's unit. */
export const ConditionsEditor = ({ conditions, currency, errors, onChange }: Props) => {
  const set = (index: number, patch: Partial<ConditionRow>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)))
  return (
    <div className="flex flex-col gap-y-2" data-testid="meta-rule-conditions">
      {conditions.map((condition, index) => {
        const rowErrors = [
          ...new Set([errors[`conditions[${index}]`], ...["metric", "operator", "value"].map((f) => errors[`conditions[${index}].${f}`])].filter(Boolean)),
        ]
        const info = METRIC_INFO[condition.metric as keyof typeof METRIC_INFO]
        return (
          <div key={index} className="flex flex-col gap-y-1">
            {index > 0 && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                and
              </Text>
            )}
            <div className="flex items-center gap-x-2">
              <div className="w-48">
                <Select size="small" value={condition.metric} onValueChange={(metric) => set(index, { metric })}>
                  <Select.Trigger aria-label={`Metric of condition ${index + 1}`} data-testid={`meta-rule-condition-metric-${index}`}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {RULE_METRICS.map((metric) => (
                      <Select.Item key={metric} value={metric}>
                        {METRIC_INFO[metric].label.replace(/^./, (c) => c.toUpperCase())}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <div className="w-20">
                <Select size="small" value={condition.operator} onValueChange={(operator) => set(index, { operator: operator as RuleOperator })}>
                  <Select.Trigger aria-label={`Operator of condition ${index + 1}`} data-testid={`meta-rule-condition-operator-${index}`}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {RULE_OPERATORS.map((operator) => (
                      <Select.Item key={operator} value={operator}>
                        {OPERATOR_SIGN[operator]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <Input
                size="small"
                className="w-28"
                inputMode="decimal"
                value={condition.value}
                aria-label={`Value of condition ${index + 1}`}
                aria-invalid={rowErrors.length > 0}
                onChange={(event) => set(index, { value: event.target.value })}
                data-testid={`meta-rule-condition-value-${index}`}
              />
              <Text size="small" className="text-ui-fg-subtle w-10">
                {metricUnitSuffix(condition.metric, currency)}
              </Text>
              <IconButton
                size="small"
                variant="transparent"
                type="button"
                disabled={conditions.length === 1}
                aria-label={`Remove condition ${index + 1}`}
                onClick={() => onChange(conditions.filter((_, i) => i !== index))}
              >
                <Trash />
              </IconButton>
            </div>
            {rowErrors.length > 0 ? (
              rowErrors.map((message, i) => (
                <Hint key={i} variant="error">
                  {message}
                </Hint>
              ))
            ) : info?.hint ? (
              <Hint>{info.hint}</Hint>
            ) : null}
          </div>
        )
      })}
      {errors.conditions && <Hint variant="error">{errors.conditions}</Hint>}
      <div>
        <Button
          size="small"
          variant="secondary"
          type="button"
          disabled={conditions.length >= MAX_RULE_CONDITIONS}
          onClick={() => onChange([...conditions, { metric: "ctr", operator: "lt", value: "" }])}
          data-testid="meta-rule-condition-add"
        >
          Add condition
        </Button>
      </div>
    </div>
  )
}
