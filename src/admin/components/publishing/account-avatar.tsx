import { Avatar } from "@medusajs/ui"
import type { MetaPublishingAccount } from "../../../types/http/publishing"
import { PLATFORM_LABEL } from "./publication-labels"

type Props = { account: MetaPublishingAccount | undefined; size?: "2xsmall" | "xsmall" | "small" | "base" }

/** The account's profile picture: round for Instagram, square for a Facebook Page. */
export const AccountAvatar = ({ account, size = "2xsmall" }: Props) => (
  <Avatar
    size={size}
    variant={account?.platform === "facebook" ? "squared" : "rounded"}
    src={account?.picture_url ?? undefined}
    fallback={(account?.name ?? "?").charAt(0).toUpperCase()}
    title={account ? accountLabel(account) : undefined}
  />
)

/** "Acme Store (Instagram)". */
export const accountLabel = (account: MetaPublishingAccount) => `${account.name} (${PLATFORM_LABEL[account.platform]})`
