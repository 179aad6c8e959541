import { Alert, Button, Checkbox, FocusModal, Heading, Hint, Input, Label, Select, Switch, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState, type ReactNode } from "react"
import { RULE_ACTION_TYPES, RULE_LOOKBACKS, RULE_SCOPES, type RuleActionType, type RuleLookback, type RuleScope } from "../../../lib/ads/rule-definition"
import { findRuleTemplate } from "../../../lib/ads/rule-templates"
import type { MetaAdRule, MetaAdRuleDefinition, MetaAdRuleDraftDecision, MetaAdRuleTemplate } from "../../../types/http/ads"
import { useCreateMetaAdRule, useDeleteMetaAdRule, usePreviewMetaAdRule, usePreviewMetaAdRuleDraft, useUpdateMetaAdRule } from "../../hooks/api/rules"
import { ConditionsEditor } from "./conditions-editor"
import { RuleDecisionsTable } from "./rule-decisions-table"
import { RuleField } from "./rule-field"
import {
  ACTION_LABEL,
  actionValueUnit,
  blankRuleForm,
  decisionWouldAct,
  describeRule,
  FORM_ERROR,
  LOOKBACK_LABEL,
  parseFieldErrors,
  RULE_FIELDS,
  ruleBodyFromForm,
  ruleFormFromDefinition,
  ruleFormFromRule,
  SCOPE_LABEL,
  WEEKDAY_LABEL,
  type RuleForm,
} from "./rule-format"

type Props = {
  /** "new" for a new rule, a rule to edit, or null when closed. */
  rule: MetaAdRule | "new" | null
  templates: MetaAdRuleTemplate[]
  currency: string
  onClose: () => void
}

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-3">
    <Heading level="h3">{title}</Heading>
    {children}
  </div>
)

const SelectField = <T extends string>({
  value,
  options,
  label,
  onChange,
  testId,
}: {
  value: T
  options: { value: T; label: string }[]
  label: string
  onChange: (value: T) => void
  testId?: string
}) => (
  <Select size="small" value={value} onValueChange={(v) => onChange(v as T)}>
    <Select.Trigger aria-label={label} data-testid={testId}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {options.map((o) => (
        <Select.Item key={o.value} value={o.value}>
          {o.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)

/** Step one of a new rule: a template with its blanks, or an empty form. */
const TemplatePicker = ({ templates, currency, onPick }: { templates: MetaAdRuleTemplate[]; currency: string; onPick: (form: RuleForm) => void }) => {
  const [chosen, setChosen] = useState<MetaAdRuleTemplate | null>(null)
  const [values, setValues] = useState<Record<string, string>>({})
  const choose = (template: MetaAdRuleTemplate) => {
    setChosen(template)
    setValues(Object.fromEntries(template.parameters.map((p) => [p.key, p.default ?? ""])))
  }
  const fill = () => {
    if (!chosen) return
    // The same build the route runs for `template` + `values`, so the form shows exactly what would be saved.
    const build = findRuleTemplate(chosen.key)?.build
    const definition = (build ? build(values) : {}) as Partial<MetaAdRuleDefinition>
    onPick(ruleFormFromDefinition(definition, { name: chosen.title, template: chosen.key, values }))
  }
  const unit = (kind: MetaAdRuleTemplate["parameters"][number]["kind"]) =>
    kind === "money" ? currency : kind === "percent" ? "%" : kind === "ratio" ? "×" : ""

  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-rule-templates">
      <Text size="small" className="text-ui-fg-subtle">
        Start from a template and fill in its blanks, or from an empty rule.
      </Text>
      {templates.map((template) => (
        <button
          key={template.key}
          type="button"
          onClick={() => choose(template)}
          className={`shadow-elevation-card-rest rounded-lg px-4 py-3 text-left ${chosen?.key === template.key ? "bg-ui-bg-highlight" : "bg-ui-bg-base hover:bg-ui-bg-base-hover"}`}
          data-testid={`meta-rule-template-${template.key}`}
        >
          <Text size="small" weight="plus">
            {template.title}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {template.description}
          </Text>
        </button>
      ))}
      {chosen && (
        <div className="flex flex-col gap-y-3 rounded-lg border px-4 py-3">
          {chosen.parameters.map((p) => (
            <RuleField key={p.key} label={`${p.label}${p.required ? "" : " (optional)"}`} htmlFor={`template-${p.key}`}>
              <div className="flex items-center gap-x-2">
                <Input
                  id={`template-${p.key}`}
                  size="small"
                  className="w-32"
                  inputMode="decimal"
                  value={values[p.key] ?? ""}
                  onChange={(event) => setValues((current) => ({ ...current, [p.key]: event.target.value }))}
                  data-testid={`meta-rule-template-value-${p.key}`}
                />
                <Text size="small" className="text-ui-fg-subtle">
                  {unit(p.kind)}
                </Text>
              </div>
            </RuleField>
          ))}
          <div>
            <Button size="small" type="button" onClick={fill} data-testid="meta-rule-template-use">
              Use this template
            </Button>
          </div>
        </div>
      )}
      <div>
        <Button size="small" variant="secondary" type="button" onClick={() => onPick(blankRuleForm())} data-testid="meta-rule-blank">
          Start from an empty rule
        </Button>
      </div>
    </div>
  )
}

/** What the last preview showed, and for which form: a later edit makes it stale. */
type PreviewResult = { decisions: MetaAdRuleDraftDecision[]; of: string; saved: boolean }

/**
 * The rule editor: every field of a rule, said in words as it is typed, and a preview of what the rule would do
 * right now — of the form as typed (a new rule, or unsaved changes), or of the saved rule with its own past
 * changes (cooldown, daily maximum). A preview writes nothing, neither to Meta nor to the log.
 */
export const RuleEditor = ({ rule, templates, currency, onClose }: Props) => {
  const prompt = usePrompt()
  const create = useCreateMetaAdRule()
  const update = useUpdateMetaAdRule()
  const remove = useDeleteMetaAdRule()
  const previewSaved = usePreviewMetaAdRule()
  const previewDraft = usePreviewMetaAdRuleDraft()
  const [form, setForm] = useState<RuleForm | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<PreviewResult | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const saved = rule && rule !== "new" ? rule : null

  useEffect(() => {
    setForm(saved ? ruleFormFromRule(saved) : null)
    setErrors({})
    setPreview(null)
    setPreviewError(null)
    previewSaved.reset()
    previewDraft.reset()
    // Only a different rule (or opening) resets the form; a save's new copy of the same rule keeps what is typed.
  }, [rule === null, saved?.id])

  const set = (patch: Partial<RuleForm>) => setForm((current) => (current ? { ...current, ...patch } : current))
  const body = form ? ruleBodyFromForm(form) : null
  const bodyKey = body ? JSON.stringify(body) : ""
  const saving = create.isPending || update.isPending
  const previewing = previewSaved.isPending || previewDraft.isPending
  const valueUnit = form ? actionValueUnit(form.actionType) : null
  const dirty = !saved || (!!body && JSON.stringify(ruleBodyFromForm(ruleFormFromRule(saved))) !== bodyKey)
  const stale = !!preview && preview.of !== bodyKey

  const onSave = () => {
    if (!body) return
    const handlers = {
      onSuccess: ({ rule: stored }: { rule: MetaAdRule }) => {
        setErrors({})
        toast.success(saved ? "Rule saved" : "Rule created", {
          description: stored.dry_run ? "In dry run: it logs what it would do and changes nothing at Meta." : stored.name,
        })
        onClose()
      },
      onError: (e: Error) => setErrors(parseFieldErrors(e.message, RULE_FIELDS)),
    }
    if (saved) update.mutate({ id: saved.id, body }, handlers)
    else create.mutate(body, handlers)
  }

  const onPreview = () => {
    if (!body) return
    const of = bodyKey
    setPreviewError(null)
    if (saved && !dirty) {
      previewSaved.mutate(saved.id, {
        onSuccess: (data) => setPreview({ decisions: data.decisions, of, saved: true }),
        onError: (e) => setPreviewError(e.message),
      })
      return
    }
    // The draft as typed: its mistakes land on their fields, exactly as a save's would.
    previewDraft.mutate(body, {
      onSuccess: (data) => {
        setErrors({})
        setPreview({ decisions: data.decisions, of, saved: false })
      },
      onError: (e) => {
        const fieldErrors = parseFieldErrors(e.message, RULE_FIELDS)
        setPreview(null)
        if (Object.keys(fieldErrors).some((key) => key !== FORM_ERROR)) {
          setErrors(fieldErrors)
          setPreviewError("Fix the fields marked above to preview the rule.")
        } else {
          setPreviewError(e.message)
        }
      },
    })
  }

  const onDelete = async () => {
    if (!saved) return
    const confirmed = await prompt({
      title: "Delete this rule?",
      description: "It stops acting at once. Its past decisions stay in the log.",
      confirmText: "Delete",
      cancelText: "Keep it",
    })
    if (!confirmed) return
    remove.mutate(saved.id, {
      onSuccess: () => {
        toast.success("Rule deleted")
        onClose()
      },
      onError: (e) => toast.error("The rule was not deleted", { description: e.message }),
    })
  }

  const formError = errors[FORM_ERROR] ?? errors.currency ?? errors.template ?? errors.values
  const wouldAct = preview ? preview.decisions.filter(decisionWouldAct).length : 0

  return (
    <FocusModal open={rule !== null} onOpenChange={(open) => !open && onClose()}>
      <FocusModal.Content data-testid="meta-rule-editor">
        <FocusModal.Header>
          <div className="flex w-full items-center justify-end gap-x-2">
            {saved && (
              <Button size="small" variant="danger" type="button" isLoading={remove.isPending} onClick={onDelete}>
                Delete
              </Button>
            )}
            {form && (
              <>
                <Button size="small" variant="secondary" type="button" isLoading={previewing} onClick={onPreview} data-testid="meta-rule-preview">
                  Preview
                </Button>
                <Button size="small" type="button" isLoading={saving} onClick={onSave} data-testid="meta-rule-save">
                  Save
                </Button>
              </>
            )}
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <div className="flex w-full max-w-[720px] flex-col gap-y-6 px-4">
            <FocusModal.Title asChild>
              <Heading>{saved ? saved.name : "New rule"}</Heading>
            </FocusModal.Title>
            <FocusModal.Description className="sr-only">
              The rule's conditions, action and limits, with a preview of what it would do right now.
            </FocusModal.Description>
            {!form ? (
              <TemplatePicker templates={templates} currency={currency} onPick={setForm} />
            ) : (
              <>
                {body && (
                  <Text size="small" className="text-ui-fg-subtle" data-testid="meta-rule-sentence">
                    {describeRule(body, currency)}.
                  </Text>
                )}
                {formError && (
                  <Alert variant="error" data-testid="meta-rule-form-error">
                    {formError}
                  </Alert>
                )}

                <RuleField label="Name" error={errors.name} htmlFor="rule-name">
                  <Input id="rule-name" size="small" value={form.name} onChange={(e) => set({ name: e.target.value })} data-testid="meta-rule-name" />
                </RuleField>

                <Section title="What it watches">
                  <div className="grid grid-cols-2 gap-4">
                    <RuleField label="Applies to" error={errors.scope}>
                      <SelectField<RuleScope>
                        label="Applies to"
                        value={form.scope}
                        options={RULE_SCOPES.map((s) => ({ value: s, label: SCOPE_LABEL[s] }))}
                        onChange={(scope) => set({ scope })}
                        testId="meta-rule-scope"
                      />
                    </RuleField>
                    <RuleField label="Looking back over" error={errors.lookback}>
                      <SelectField<RuleLookback>
                        label="Looking back over"
                        value={form.lookback}
                        options={RULE_LOOKBACKS.map((l) => ({ value: l, label: LOOKBACK_LABEL[l] }))}
                        onChange={(lookback) => set({ lookback })}
                        testId="meta-rule-lookback"
                      />
                    </RuleField>
                  </div>
                  <RuleField
                    label="Only these (optional)"
                    error={errors.object_ids}
                    hint="Meta ids, one per line or comma-separated. Empty: all of them."
                    htmlFor="rule-object-ids"
                  >
                    <Textarea id="rule-object-ids" rows={2} value={form.objectIds} onChange={(e) => set({ objectIds: e.target.value })} />
                  </RuleField>
                </Section>

                <Section title="When (all must hold)">
                  <ConditionsEditor conditions={form.conditions} currency={currency} errors={errors} onChange={(conditions) => set({ conditions })} />
                  <div className="grid grid-cols-2 gap-4">
                    <RuleField label={`Minimum spend (${currency}, optional)`} error={errors.min_spend} hint="Below it the rule does not judge the object." htmlFor="rule-min-spend">
                      <Input id="rule-min-spend" size="small" inputMode="decimal" value={form.minSpend} onChange={(e) => set({ minSpend: e.target.value })} />
                    </RuleField>
                    <RuleField label="Minimum impressions (optional)" error={errors.min_impressions} htmlFor="rule-min-impressions">
                      <Input id="rule-min-impressions" size="small" inputMode="numeric" value={form.minImpressions} onChange={(e) => set({ minImpressions: e.target.value })} />
                    </RuleField>
                  </div>
                </Section>

                <Section title="Then">
                  <div className="grid grid-cols-2 gap-4">
                    <RuleField label="Action" error={errors["action.type"] ?? errors.action}>
                      <SelectField<RuleActionType>
                        label="Action"
                        value={form.actionType}
                        options={RULE_ACTION_TYPES.map((a) => ({ value: a, label: ACTION_LABEL[a] }))}
                        onChange={(actionType) => set({ actionType })}
                        testId="meta-rule-action"
                      />
                    </RuleField>
                    {valueUnit && (
                      <RuleField label={valueUnit === "percent" ? "By (%)" : `To (${currency})`} error={errors["action.value"]} htmlFor="rule-action-value">
                        <Input id="rule-action-value" size="small" inputMode="decimal" value={form.actionValue} onChange={(e) => set({ actionValue: e.target.value })} data-testid="meta-rule-action-value" />
                      </RuleField>
                    )}
                  </div>
                  {form.actionType === "pause" && (
                    <div className="flex items-center gap-x-2">
                      <Switch id="rule-resume" checked={form.resumeWhenClear} onCheckedChange={(resumeWhenClear) => set({ resumeWhenClear })} />
                      <Label htmlFor="rule-resume" size="small">
                        Activate again what this rule paused once the conditions no longer hold
                      </Label>
                    </div>
                  )}
                  {errors.resume_when_clear && <Hint variant="error">{errors.resume_when_clear}</Hint>}
                </Section>

                <Section title="Limits">
                  <div className="grid grid-cols-3 gap-4">
                    <RuleField label={`Daily budget ceiling per object (${currency})`} error={errors.budget_ceiling} htmlFor="rule-ceiling">
                      <Input id="rule-ceiling" size="small" inputMode="decimal" value={form.budgetCeiling} onChange={(e) => set({ budgetCeiling: e.target.value })} />
                    </RuleField>
                    <RuleField label="Cooldown (minutes)" error={errors.cooldown_minutes} hint="Between two changes of one object." htmlFor="rule-cooldown">
                      <Input id="rule-cooldown" size="small" inputMode="numeric" value={form.cooldownMinutes} onChange={(e) => set({ cooldownMinutes: e.target.value })} />
                    </RuleField>
                    <RuleField label="Changes per day, at most" error={errors.max_changes_per_day} htmlFor="rule-max-changes">
                      <Input id="rule-max-changes" size="small" inputMode="numeric" value={form.maxChangesPerDay} onChange={(e) => set({ maxChangesPerDay: e.target.value })} />
                    </RuleField>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <Switch id="rule-active-hours" checked={form.activeHours} onCheckedChange={(activeHours) => set({ activeHours })} />
                    <Label htmlFor="rule-active-hours" size="small">
                      Only at certain hours (the ad account's time zone)
                    </Label>
                  </div>
                  {form.activeHours && (
                    <div className="flex flex-col gap-y-2">
                      <div className="grid grid-cols-2 gap-4">
                        <RuleField label="From" error={errors["active_hours.from"]} htmlFor="rule-from">
                          <Input id="rule-from" size="small" type="time" value={form.activeFrom} onChange={(e) => set({ activeFrom: e.target.value })} />
                        </RuleField>
                        <RuleField label="To" error={errors["active_hours.to"]} htmlFor="rule-to">
                          <Input id="rule-to" size="small" type="time" value={form.activeTo} onChange={(e) => set({ activeTo: e.target.value })} />
                        </RuleField>
                      </div>
                      <div className="flex flex-wrap items-center gap-3">
                        {WEEKDAY_LABEL.map((label, day) => (
                          <div key={day} className="flex items-center gap-x-1">
                            <Checkbox
                              id={`rule-day-${day}`}
                              checked={form.weekdays.includes(day)}
                              onCheckedChange={(checked) =>
                                set({ weekdays: checked ? [...form.weekdays, day] : form.weekdays.filter((d) => d !== day) })
                              }
                            />
                            <Label htmlFor={`rule-day-${day}`} size="small">
                              {label}
                            </Label>
                          </div>
                        ))}
                      </div>
                      <Hint variant={errors["active_hours.weekdays"] || errors.active_hours ? "error" : "info"}>
                        {errors["active_hours.weekdays"] ?? errors.active_hours ?? "No day ticked: every day."}
                      </Hint>
                    </div>
                  )}
                  <div className="flex items-center gap-x-2">
                    <Switch id="rule-dry-run" checked={form.dryRun} onCheckedChange={(dryRun) => set({ dryRun })} data-testid="meta-rule-dry-run" />
                    <Label htmlFor="rule-dry-run" size="small">
                      Dry run: log what it would do, send nothing to Meta
                    </Label>
                  </div>
                </Section>

                <Section title="Preview">
                  {!preview && !previewError && (
                    <Text size="small" className="text-ui-fg-subtle">
                      {dirty
                        ? "Preview shows what the rule as typed would do right now, on the mirrored figures, before you save it. Nothing is saved or sent to Meta."
                        : "Preview shows what the saved rule would do right now, on the mirrored figures, counting its own past changes. Nothing is sent to Meta."}
                    </Text>
                  )}
                  {previewError && (
                    <Alert variant="error" data-testid="meta-rule-preview-error">
                      {previewError}
                    </Alert>
                  )}
                  {preview && (
                    <Text size="small" data-testid="meta-rule-preview-summary">
                      {preview.decisions.length === 0
                        ? "No object to judge right now."
                        : `Right now it would change ${wouldAct} of ${preview.decisions.length} ${preview.decisions.length === 1 ? "object" : "objects"}${preview.saved ? "" : " (as typed, not saved; past changes not counted)"}.`}
                    </Text>
                  )}
                  {stale && <Hint>The form changed since this preview: preview again to see the change.</Hint>}
                  {preview && preview.decisions.length > 0 && (
                    <RuleDecisionsTable decisions={preview.decisions} currency={currency} preview testId="meta-rule-preview-table" />
                  )}
                </Section>
              </>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
