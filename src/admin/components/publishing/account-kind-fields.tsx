import { Alert, Button, Label, Select } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaPublicationIssue, MetaPublicationKind, MetaPublishingAccount } from "../../../types/http/publishing"
import { AccountAvatar, accountLabel } from "./account-avatar"
import { FieldIssues, issuesAt } from "./field-issues"
import { KIND_LABEL } from "./publication-labels"

type Props = {
  accounts: MetaPublishingAccount[]
  account: MetaPublishingAccount | undefined
  kind: MetaPublicationKind | undefined
  /** An existing publication stays on its account. */
  accountLocked: boolean
  issues: MetaPublicationIssue[]
  onAccountChange: (account: MetaPublishingAccount) => void
  onKindChange: (kind: MetaPublicationKind) => void
  /** Where "Turn publishing on" leads; without it, a link to the Publishing page's accounts. */
  onOpenAccounts?: () => void
}

/** No account to publish to yet: publishing is off until the merchant turns it on per account. */
const NoEnabledAccount = ({ onOpenAccounts }: Pick<Props, "onOpenAccounts">) => (
  <Alert variant="info" data-testid="meta-compose-no-account">
    <div className="flex flex-col gap-y-2">
      <span>No account has publishing turned on. Turn it on for a Page or an Instagram account first.</span>
      <div>
        {onOpenAccounts ? (
          <Button size="small" variant="secondary" type="button" onClick={onOpenAccounts}>
            Open accounts
          </Button>
        ) : (
          <Button size="small" variant="secondary" type="button" asChild>
            <Link to="/meta/publishing?accounts=open">Open accounts</Link>
          </Button>
        )}
      </div>
    </div>
  </Alert>
)

/** Where it goes and what it is: the account (enabled ones only) and a kind that account can publish. */
export const AccountKindFields = ({
  accounts,
  account,
  kind,
  accountLocked,
  issues,
  onAccountChange,
  onKindChange,
  onOpenAccounts,
}: Props) => {
  const choices = accounts.filter((a) => a.enabled || a.id === account?.id)
  if (!choices.length) return <NoEnabledAccount onOpenAccounts={onOpenAccounts} />
  return (
    <div className="grid grid-cols-2 gap-4">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" htmlFor="meta-compose-account">
          Account
        </Label>
        <Select
          size="small"
          value={account?.id ?? ""}
          disabled={accountLocked}
          onValueChange={(id) => {
            // As for the kind: a value that is no account (the hidden native select's "") is ignored.
            const next = choices.find((a) => a.id === id)
            if (next) onAccountChange(next)
          }}
        >
          <Select.Trigger id="meta-compose-account" data-testid="meta-compose-account">
            <Select.Value placeholder="Choose an account" />
          </Select.Trigger>
          <Select.Content>
            {choices.map((a) => (
              <Select.Item key={a.id} value={a.id}>
                <span className="flex items-center gap-x-2">
                  <AccountAvatar account={a} />
                  {accountLabel(a)}
                </span>
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <FieldIssues issues={issuesAt(issues, "account_id")} />
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" htmlFor="meta-compose-kind">
          Kind
        </Label>
        <Select
          size="small"
          value={kind ?? ""}
          disabled={!account}
          // Radix's hidden native select can report "" inside a form; only real kinds count.
          onValueChange={(value) => account?.kinds.includes(value as MetaPublicationKind) && onKindChange(value as MetaPublicationKind)}
        >
          <Select.Trigger id="meta-compose-kind" data-testid="meta-compose-kind">
            <Select.Value placeholder="Choose a kind" />
          </Select.Trigger>
          <Select.Content>
            {(account?.kinds ?? []).map((k) => (
              <Select.Item key={k} value={k}>
                {KIND_LABEL[k]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <FieldIssues issues={issuesAt(issues, "kind")} />
      </div>
    </div>
  )
}
