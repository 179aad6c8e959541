import { DatePicker, Hint, Label, RadioGroup } from "@medusajs/ui"
import type { MetaPublicationIssue } from "../../../types/http/publishing"
import { BestTimeSuggestions } from "../insights/best-time-suggestions"
import { startOfDay } from "./calendar-dates"
import type { ComposeWhen } from "./compose-form"
import { FieldIssues } from "./field-issues"

type Props = {
  when: ComposeWhen
  scheduledAt: Date | null
  issues: MetaPublicationIssue[]
  /** The account the post is for: its best times are offered as shortcuts. */
  accountId?: string
  onWhenChange: (when: ComposeWhen) => void
  onScheduledAtChange: (at: Date | null) => void
}

/** When it goes out: at a picked date and time, not yet (a draft), or right after saving. */
export const ScheduleField = ({ when, scheduledAt, issues, accountId, onWhenChange, onScheduledAtChange }: Props) => (
  <div className="flex flex-col gap-y-2" data-testid="meta-compose-schedule">
    <Label size="small" weight="plus">
      When
    </Label>
    <RadioGroup value={when} onValueChange={(value) => onWhenChange(value as ComposeWhen)} className="grid grid-cols-3 gap-2">
      <RadioGroup.ChoiceBox value="schedule" label="Schedule" description="At the date and time below." />
      <RadioGroup.ChoiceBox value="draft" label="Save as draft" description="No time yet; finish it later." />
      <RadioGroup.ChoiceBox value="now" label="Publish now" description="Right after saving." />
    </RadioGroup>
    {when === "schedule" && (
      <>
        <DatePicker
          aria-label="Publication date and time"
          granularity="minute"
          minValue={startOfDay(new Date())}
          value={scheduledAt}
          onChange={onScheduledAtChange}
        />
        {accountId && <BestTimeSuggestions accountId={accountId} selected={scheduledAt} onPick={onScheduledAtChange} />}
        {!scheduledAt && <Hint>Pick a date and time, or save it as a draft.</Hint>}
      </>
    )}
    <FieldIssues issues={issues} />
  </div>
)
