import { Badge, Button, Drawer, Switch, Text, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaPublishingAccount, MetaPublishingQuota } from "../../../types/http/publishing"
import { useMetaPublishingAccounts, useSetMetaPublishingAccountEnabled } from "../../hooks/api/publishing"
import { ListStates } from "../list/list-states"
import { AccountAvatar } from "./account-avatar"
import { PLATFORM_LABEL } from "./publication-labels"

type Props = { open: boolean; onOpenChange: (open: boolean) => void }

const quotaText = (quota: MetaPublishingQuota) =>
  `${quota.usage.toLocaleString()} / ${quota.total.toLocaleString()} in ${Math.round(quota.duration_seconds / 3600)} h`

const AccountRow = ({ account }: { account: MetaPublishingAccount }) => {
  const setEnabled = useSetMetaPublishingAccountEnabled()
  const switchId = `meta-publishing-account-${account.id}`
  const onToggle = (enabled: boolean) =>
    setEnabled.mutate(
      { id: account.id, enabled },
      {
        onSuccess: () => toast.success(enabled ? `Publishing to ${account.name} is on` : `Publishing to ${account.name} is off`),
        onError: (e) => toast.error(e.message),
      }
    )

  return (
    <div className="flex items-center gap-x-3 px-6 py-4" data-testid={switchId}>
      <AccountAvatar account={account} size="base" />
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus" className="truncate">
            {account.name}
          </Text>
          <Badge size="2xsmall" color="grey">
            {PLATFORM_LABEL[account.platform]}
          </Badge>
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {[
            account.username && `@${account.username}`,
            account.followers_count !== null && `${account.followers_count.toLocaleString()} followers`,
            account.quota && `quota ${quotaText(account.quota)}`,
            // Meta's shopping_product_tag_eligibility, read with the accounts.
            account.product_tag_eligible === true && "can tag products",
            account.product_tag_eligible === false && "cannot tag products (no approved Instagram Shop)",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </div>
      <Switch
        id={switchId}
        aria-label={`Publish to ${account.name}`}
        checked={account.enabled}
        disabled={setEnabled.isPending}
        onCheckedChange={onToggle}
      />
    </div>
  )
}

/** The Pages and Instagram accounts of the Meta connection, each with a switch that allows publishing to it. */
export const AccountsDrawer = ({ open, onOpenChange }: Props) => {
  const query = useMetaPublishingAccounts()
  const accounts = query.data?.accounts
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="meta-publishing-accounts">
        <Drawer.Header>
          <Drawer.Title>Accounts</Drawer.Title>
          <Drawer.Description>
            Posts can only be published to accounts with publishing turned on. Instagram allows a limited number of
            posts through the API per day.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col divide-y overflow-y-auto p-0">
          <ListStates
            query={query}
            count={accounts?.length}
            what="The accounts"
            empty={
              <>
                No Facebook Page or Instagram account is connected. Choose them in{" "}
                <Link className="text-ui-fg-interactive" to="/settings/meta">
                  Settings → Meta
                </Link>
                .
              </>
            }
          >
            {accounts?.map((account) => <AccountRow key={account.id} account={account} />)}
          </ListStates>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Close
            </Button>
          </Drawer.Close>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
