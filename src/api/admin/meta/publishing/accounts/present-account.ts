import type { MetaPublicationKind, MetaPublishingAccount } from "../../../../../types/http/publishing"

const KINDS: Record<MetaPublishingAccount["platform"], MetaPublicationKind[]> = {
  instagram: ["instagram_image", "instagram_carousel", "instagram_reel", "instagram_story"],
  facebook: ["facebook_post", "facebook_photo", "facebook_multi_photo", "facebook_video", "facebook_reel"],
}

type AccountRow = Record<string, unknown> & { id: string; platform: MetaPublishingAccount["platform"] }

export function presentAccount(row: AccountRow): MetaPublishingAccount {
  const quota =
    typeof row.quota_total === "number" && row.quota_checked_at
      ? {
          usage: Number(row.quota_usage ?? 0),
          total: row.quota_total,
          duration_seconds: Number(row.quota_duration ?? 86400),
          checked_at: new Date(row.quota_checked_at as string).toISOString(),
        }
      : null
  return {
    id: row.id,
    platform: row.platform,
    meta_id: row.meta_id as string,
    page_meta_id: (row.page_meta_id as string | null) ?? null,
    name: row.name as string,
    username: (row.username as string | null) ?? null,
    followers_count: (row.followers_count as number | null) ?? null,
    picture_url: (row.picture_url as string | null) ?? null,
    enabled: Boolean(row.enabled),
    quota,
    kinds: KINDS[row.platform],
    product_tag_eligible: typeof row.product_tag_eligible === "boolean" ? row.product_tag_eligible : null,
  }
}
