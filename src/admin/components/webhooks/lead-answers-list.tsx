import { Badge, Text } from "@medusajs/ui"
import { leadAnswerRows, leadConsentRows } from "../../../lib/webhooks/lead-answers"
import type { MetaLead } from "../../../types/http/webhooks"

/** What the person answered on the form, and which consents they gave. */
export const LeadAnswersList = ({ lead }: { lead: Pick<MetaLead, "answers" | "consents"> }) => {
  const answers = leadAnswerRows(lead.answers)
  const consents = leadConsentRows(lead.consents)
  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-lead-answers">
      {answers.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          The form sent no answers.
        </Text>
      ) : (
        <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-4 gap-y-2">
          {answers.map((row) => (
            <div key={row.key} className="contents">
              <dt>
                <Text size="small" className="text-ui-fg-subtle">
                  {row.label}
                </Text>
              </dt>
              <dd>
                <Text size="small" className="break-words">
                  {row.value}
                </Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {consents.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {consents.map((consent) => (
            <Badge key={consent.key} size="2xsmall" color={consent.accepted ? "green" : "grey"}>
              {consent.label}: {consent.accepted ? "agreed" : "not agreed"}
            </Badge>
          ))}
        </div>
      )}
    </div>
  )
}
