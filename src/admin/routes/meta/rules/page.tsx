import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import type { MetaAdRule } from "../../../../types/http/ads"
import { MetaFeatureNotice, useMetaFeatureReadiness } from "../../../components/meta-feature-notice"
import { RuleDecisionsSection } from "../../../components/rules/rule-decisions-section"
import { RuleEditor } from "../../../components/rules/rule-editor"
import { RulesListSection } from "../../../components/rules/rules-list-section"
import { RulesSwitchSection } from "../../../components/rules/rules-switch-section"
import { SafetyNetSection } from "../../../components/rules/safety-net-section"
import { SectionError } from "../../../components/webhooks/section-error"
import { useMetaAdAccount, useMetaAdRules } from "../../../hooks/api/rules"

/** Rules: the switch that stops them all, the rules in words with their editor, and every decision they made. */
const MetaRulesPage = () => {
  const account = useMetaAdAccount()
  const rules = useMetaAdRules()
  const [editing, setEditing] = useState<MetaAdRule | "new" | null>(null)
  const connection = useMetaFeatureReadiness("ads")
  // Rules act through Meta: while ads cannot reach it, only the notice and the decisions already logged show.
  const ready = connection.readiness?.state === "ready"
  const pending = account.isPending || rules.isPending || connection.isPending
  const error = account.error ?? rules.error

  return (
    <div className="flex flex-col gap-y-3" data-testid="meta-rules">
      <Container className="px-6 py-4">
        <Heading>Rules</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Automated rules the plugin evaluates on fresh figures — including what Meta does not know: the store's revenue
          and stock. Every decision, acted or skipped, is logged below.
        </Text>
      </Container>

      <MetaFeatureNotice readiness={connection.readiness} />

      {pending && (
        <Container className="flex flex-col gap-y-3 px-6 py-4" aria-busy data-testid="meta-rules-loading">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-8 w-full" />
          ))}
        </Container>
      )}

      {!pending && error && (
        <Container className="p-0">
          <SectionError
            what="The rules"
            message={error.message}
            onRetry={() => {
              void account.refetch()
              void rules.refetch()
            }}
          />
        </Container>
      )}

      {ready && !pending && !error && !account.data && (
        <Container className="flex flex-col gap-y-1 px-6 py-4" data-testid="meta-rules-not-synced">
          <Text size="small" weight="plus">
            The ad account has not been read from Meta yet
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Rules act on the ad account's figures. Read them with Sync from Meta on the{" "}
            <Link to="/meta/campaigns" className="text-ui-fg-interactive">Campaigns</Link> page, then make rules here.
          </Text>
        </Container>
      )}

      {!ready && account.data && rules.data && (
        <RuleDecisionsSection rules={rules.data.rules} currency={account.data.currency} />
      )}

      {ready && account.data && rules.data && (
        <>
          <RulesSwitchSection account={account.data} />
          <RulesListSection
            rules={rules.data.rules}
            currency={account.data.currency}
            rulesPaused={account.data.rules_paused}
            onNew={() => setEditing("new")}
            onOpen={setEditing}
          />
          <SafetyNetSection />
          <RuleDecisionsSection rules={rules.data.rules} currency={account.data.currency} />
          <RuleEditor rule={editing} templates={rules.data.templates} currency={account.data.currency} onClose={() => setEditing(null)} />
        </>
      )}
    </div>
  )
}

// A sub-item of the "Meta" sidebar entry (routes/meta/page.tsx): nested by its path, ordered by rank.
export const config = defineRouteConfig({
  label: "Rules",
  rank: 70,
})

export default MetaRulesPage
