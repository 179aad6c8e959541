import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import type { MetaAdRule } from "../../../types/http/ads"
import { META_RULE_DECISIONS_PAGE_SIZE, useMetaRuleDecisions, type MetaRuleDecisionFilters } from "../../hooks/api/rules"
import { FilterSelect } from "../list/filter-select"
import { ListStates } from "../list/list-states"
import { OffsetPagination } from "../offset-pagination"
import { RuleDecisionsTable } from "./rule-decisions-table"

type Props = { rules: MetaAdRule[]; currency: string }

/** Every decision the rules made — acted or skipped — with the numbers behind it; filtered by rule and outcome. */
export const RuleDecisionsSection = ({ rules, currency }: Props) => {
  const [filters, setFilters] = useState<MetaRuleDecisionFilters>({})
  const [offset, setOffset] = useState(0)
  const query = useMetaRuleDecisions(filters, offset)
  const { data } = query
  const names = new Map(rules.map((r) => [r.id, r.name]))
  const change = (patch: MetaRuleDecisionFilters) => {
    setFilters((current) => ({ ...current, ...patch }))
    setOffset(0)
  }
  const filtered = !!(filters.rule_id || filters.acted)

  return (
    <Container className="divide-y p-0" data-testid="meta-rule-decisions">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">Decisions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What each evaluation decided for each object, acted or skipped, with the numbers that drove it.
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <FilterSelect
            testId="meta-rule-decisions-filter-rule"
            className="w-52"
            value={filters.rule_id}
            all="All rules"
            options={rules.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(value) => change({ rule_id: value })}
          />
          <FilterSelect
            testId="meta-rule-decisions-filter-acted"
            value={filters.acted}
            all="Acted and skipped"
            options={[
              { value: "true", label: "Acted" },
              { value: "false", label: "Skipped" },
            ]}
            onChange={(value) => change({ acted: value as MetaRuleDecisionFilters["acted"] })}
          />
        </div>
      </div>
      <ListStates
        query={query}
        count={data?.count}
        what="The decisions"
        empty={filtered ? "No decisions match these filters." : "No decisions yet: they appear after the rules' next evaluation."}
      >
        {data && (
          <>
            <RuleDecisionsTable decisions={data.decisions} currency={currency} ruleNames={names} />
            <OffsetPagination count={data.count} offset={offset} pageSize={META_RULE_DECISIONS_PAGE_SIZE} onOffsetChange={setOffset} />
          </>
        )}
      </ListStates>
    </Container>
  )
}
