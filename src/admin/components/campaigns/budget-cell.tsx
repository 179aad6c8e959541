import { PencilSquare } from "@medusajs/icons"
import { Alert, Button, Hint, IconButton, Input, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent, type KeyboardEvent } from "react"
import type { MetaAdBudget } from "../../../types/http/ads"
import { useSetMetaAdBudget } from "../../hooks/api/ads"
import { budgetOf, BUDGET_LABEL, formatAdMoney, formatBudget, OBJECT_TYPE_LABEL, parseBudgetInput } from "./campaigns-format"
import { useChangeKey } from "./use-change-key"

type Props = {
  level: "campaign" | "ad_set"
  object: MetaAdBudget & { id: string; name: string }
  currency: string
  /** Meta's minimum daily budget for the account (main unit), shown while a daily budget is edited. */
  minimumDailyBudget: string | null
  /** Shown when the object has no budget of its own: "On the ad sets", "Campaign budget". */
  noBudgetLabel: string
}

/**
 * A budget with inline edit. What was typed stays in the field with the reason when Meta or the routes refuse
 * it (below a minimum, too many decimals); a change that went through with Meta's warnings (a 10× jump) keeps
 * the warnings in view until dismissed.
 */
export const BudgetCell = ({ level, object, currency, minimumDailyBudget, noBudgetLabel }: Props) => {
  const budget = budgetOf(object)
  const setBudget = useSetMetaAdBudget()
  const changeKey = useChangeKey()
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [warnings, setWarnings] = useState<{ changeId: string; list: string[] } | null>(null)

  if (!budget) {
    return (
      <Text size="small" className="text-ui-fg-muted whitespace-nowrap">
        {noBudgetLabel}
      </Text>
    )
  }

  const label = `${BUDGET_LABEL[budget.field]} of ${OBJECT_TYPE_LABEL[level]} ${object.name}`
  const editing = text !== null
  const close = () => {
    setText(null)
    setError(null)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (text === null) return
    const parsed = parseBudgetInput(text, currency)
    if (!parsed.ok) {
      setError(parsed.message)
      return
    }
    setError(null)
    setBudget.mutate(
      {
        level,
        id: object.id,
        field: budget.field,
        amount: parsed.amount,
        idempotency_key: changeKey.keyFor(`${object.id}:${budget.field}:${parsed.amount}`),
      },
      {
        onSuccess: ({ change }) => {
          changeKey.settle()
          close()
          setWarnings(change.warnings.length ? { changeId: change.id, list: change.warnings } : null)
          const set = `${BUDGET_LABEL[budget.field]} set to ${formatAdMoney(parsed.amount, currency)}`
          if (change.warnings.length) toast.warning(set, { description: "Meta sent warnings; they are shown next to the budget." })
          else toast.success(set, { description: object.name })
        },
        onError: (e) => setError(e.message),
      }
    )
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !setBudget.isPending) {
      event.preventDefault()
      close()
    }
  }

  return (
    <div className="flex min-w-[11rem] flex-col gap-y-1" onClick={(event) => event.stopPropagation()}>
      {editing ? (
        <form className="flex flex-col gap-y-1" onSubmit={onSubmit} data-testid={`meta-budget-form-${object.id}`}>
          <div className="flex items-center gap-x-1">
            <Input
              size="small"
              className="w-28"
              inputMode="decimal"
              autoFocus
              value={text}
              aria-label={label}
              aria-invalid={!!error}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onKeyDown}
              data-testid={`meta-budget-input-${object.id}`}
            />
            <Text size="xsmall" className="text-ui-fg-subtle">
              {currency}
            </Text>
            <Button size="small" type="submit" isLoading={setBudget.isPending}>
              Save
            </Button>
            <Button size="small" variant="secondary" type="button" disabled={setBudget.isPending} onClick={close}>
              Cancel
            </Button>
          </div>
          {error && (
            <Hint variant="error" className="max-w-xs" data-testid={`meta-budget-error-${object.id}`}>
              {error}
            </Hint>
          )}
          {!error && budget.field === "daily_budget" && minimumDailyBudget && (
            <Hint className="max-w-xs">Meta's minimum for this account: {formatAdMoney(minimumDailyBudget, currency)} a day</Hint>
          )}
        </form>
      ) : (
        <div className="flex items-center gap-x-1">
          <Text size="small" className="tabular-nums whitespace-nowrap">
            {formatBudget(budget.field, budget.amount, currency)}
          </Text>
          <IconButton
            size="small"
            variant="transparent"
            aria-label={`Edit ${label}`}
            onClick={() => setText(budget.amount)}
            data-testid={`meta-budget-edit-${object.id}`}
          >
            <PencilSquare />
          </IconButton>
        </div>
      )}
      {warnings && (
        <Alert key={warnings.changeId} variant="warning" dismissible className="w-72 max-w-full" data-testid={`meta-budget-warnings-${object.id}`}>
          <Text size="small" weight="plus">
            Meta took the new budget, with warnings:
          </Text>
          <ul className="list-disc pl-4">
            {warnings.list.map((warning, index) => (
              <li key={index}>
                <Text size="small">{warning}</Text>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  )
}
