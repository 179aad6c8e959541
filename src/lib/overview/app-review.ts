/**
 * The App Review kit: what a store owner submits to Meta before merchants without a role on the Meta app can
 * connect. Apps get Standard Access to every permission for people with a role on the app; everyone else needs
 * Advanced Access, granted per permission through App Review, and since 2023 Advanced Access may require a
 * verified business (https://developers.facebook.com/docs/graph-api/overview/access-levels). For each permission
 * Meta asks how the app uses it and a screencast of that use (https://developers.facebook.com/docs/app-review,
 * https://developers.facebook.com/docs/permissions). The texts below are generated from what this plugin does with
 * each permission, so the submission describes the code that ships.
 */
import { FEATURE_NAMES, type FeatureName } from "../connection/features"
import { BASE_PERMISSIONS, FEATURE_PERMISSIONS, OPTIONAL_FEATURE_PERMISSIONS } from "../oauth/permissions"

export const APP_REVIEW_DOCS = {
  app_review: "https://developers.facebook.com/docs/app-review",
  permissions: "https://developers.facebook.com/docs/permissions",
  access_levels: "https://developers.facebook.com/docs/graph-api/overview/access-levels",
  business_verification: "https://developers.facebook.com/docs/development/release/business-verification",
  data_deletion: "https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback",
  webhooks: "https://developers.facebook.com/docs/graph-api/webhooks/getting-started",
} as const

export type AppReviewState = "done" | "todo" | "blocked" | "unknown"

export type AppReviewScreen = { path: string; title: string; show: string }

export type AppReviewPermission = {
  permission: string
  /** The enabled features that request it ("connection" for the ones every connection needs). */
  requested_by: (FeatureName | "connection")[]
  /** What Meta asks for in the submission of this permission. */
  meta_asks: string[]
  /** The use-case text to paste into the submission. */
  use_case: string
  /** What to record for the screencast, in order. */
  screens: AppReviewScreen[]
  /** Granted to the store's current connection (works now for people with a role on the app). */
  granted: boolean
  state: AppReviewState
  docs_url: string
}

export type AppReviewItem = {
  key: "privacy_policy_url" | "data_deletion_url" | "deauthorize_url" | "oauth_redirect_uri" | "webhooks_url" | "business_verification"
  title: string
  value: string | null
  state: AppReviewState
  detail: string
  docs_url: string
}

export type AppReviewKit = { permissions: AppReviewPermission[]; items: AppReviewItem[]; docs: typeof APP_REVIEW_DOCS }

/** What Meta asks for every permission submitted (App Review: usage description, screencast, test access). */
const COMMON_ASKS = [
  "A description of how the app uses the permission and why it needs it (paste the use case below).",
  "A screencast of the whole flow: logging in with Facebook, granting the permission, and the feature using it.",
  "Instructions and a test account the reviewer can use to reach the flow on a live store.",
]

/** What each permission lets the plugin do, in the words of what the merchant sees (one sentence per use). */
const USES: Record<string, Partial<Record<FeatureName | "connection", string>>> = {
  business_management: {
    connection: "lists the businesses the merchant manages and the ad accounts, pixels and catalogs they own, so the merchant chooses in Medusa Admin which ones the store uses",
    catalog: "creates the store's product catalog in the merchant's business when none exists",
    capi: "reaches the business's pixel to send the store's server-side conversion events",
  },
  pages_show_list: {
    connection: "lists the Facebook Pages the merchant manages, and the Instagram accounts linked to them, so the merchant picks the store's Page",
    publishing: "lets the merchant choose which Page and Instagram account a post goes to",
  },
  instagram_shopping_tag_products: {
    publishing: "tags the store's products on the merchant's Instagram posts (optional: only when the merchant's Instagram Shop may tag products and the merchant places tags in Medusa Admin), so shoppers can open the product from the post",
  },
  catalog_management: {
    publishing: "looks up the Meta product id of each product the merchant tags on an Instagram post, in the catalog the store keeps in sync (optional: only for product tags)",
    catalog: "keeps the merchant's Meta catalog equal to the store's products: a product, variant, price or stock change in Medusa is sent as a catalog item (items_batch), removed products are deleted, and Meta's per-item errors are shown on the product in Medusa Admin",
  },
  ads_management: {
    capi: "sends the store's purchases and sign-ups to the merchant's pixel through the Conversions API, deduplicated with the browser pixel, so the merchant's ads are measured on real orders",
    ads: "shows the merchant's campaigns, ad sets and ads with their results, and lets the merchant pause, activate, re-budget and duplicate them, boost a published post and create a catalog sales campaign; automated rules the merchant sets up make the same changes, each one logged with the numbers behind it",
  },
  ads_read: {
    ads: "reads the performance of the merchant's campaigns, ad sets and ads (spend, impressions, clicks, purchases) for the Campaigns page, the ROI report and the merchant's automated rules",
  },
  pages_read_engagement: {
    publishing: "reads the posts the store published on the merchant's Page, to show their links and status",
    insights: "reads the reach and engagement of the Page's posts for the Insights page",
    webhooks: "reads the Page content that comments and leads refer to",
  },
  pages_manage_posts: {
    publishing: "publishes and schedules the merchant's posts about the store's products on the merchant's Facebook Page, when the merchant composes them in Medusa Admin",
  },
  instagram_basic: {
    publishing: "reads the merchant's Instagram business account (username, profile picture, published media) to show where a post goes and link to it once published",
  },
  instagram_content_publish: {
    publishing: "publishes the merchant's photos, carousels, reels and stories about the store's products to the merchant's Instagram business account, now or at the time the merchant scheduled",
  },
  read_insights: {
    insights: "reads the Facebook Page's insights for the Insights page (views, engagement over time)",
  },
  instagram_manage_insights: {
    insights: "reads the Instagram account's and posts' insights (reach, views, interactions, followers online) for the Insights page and its best times to post",
  },
  pages_manage_metadata: {
    webhooks: "subscribes the merchant's Page to webhooks, so new leads and comments reach the store as they happen",
  },
  leads_retrieval: {
    webhooks: "retrieves the answers of a lead-ad form when Meta notifies the store of a new lead, and creates the lead as a customer in Medusa",
  },
  instagram_manage_comments: {
    webhooks: "shows comments on the store's Instagram posts in the store's inbox, and lets the merchant reply to or hide them",
  },
}

/** The screens to record per feature (admin paths), in the order a reviewer follows them. */
const SCREENS: Record<FeatureName | "connection", AppReviewScreen[]> = {
  connection: [
    { path: "/settings/meta", title: "Settings → Meta", show: "Click Connect with Meta, log in, grant the permissions, pick the business, Page, ad account, pixel and catalog" },
  ],
  catalog: [
    { path: "/meta/catalog", title: "Meta → Catalog", show: "Start a full sync and watch the items reach the catalog; open an item with an error" },
    { path: "/products", title: "A product", show: "Change a price, then see the product's catalog status update" },
  ],
  capi: [
    { path: "/meta/events", title: "Meta → Events", show: "Place an order on the storefront, then show its Purchase event sent to Meta (Test Events code set)" },
  ],
  publishing: [
    { path: "/meta/publishing", title: "Meta → Publishing", show: "Compose a post from a product, schedule it, then publish one now and open it on Instagram/Facebook" },
  ],
  insights: [{ path: "/meta/insights", title: "Meta → Insights", show: "Show a published post's figures and the account's trend" }],
  webhooks: [{ path: "/meta/webhooks", title: "Meta → Inbox", show: "Submit a test lead and a comment, then show them arriving in the inbox" }],
  ads: [
    { path: "/meta/campaigns", title: "Meta → Campaigns", show: "Show campaigns with results, pause one, change a budget, boost a published post" },
    { path: "/meta/rules", title: "Meta → Rules", show: "Create a rule from a template, preview it, and show its decisions" },
  ],
}

/** Which permissions the enabled features request, and by whom (base permissions count for the connection). */
export function requestedPermissions(enabled: readonly FeatureName[]): Map<string, (FeatureName | "connection")[]> {
  const out = new Map<string, (FeatureName | "connection")[]>()
  for (const permission of BASE_PERMISSIONS) out.set(permission, ["connection"])
  for (const feature of FEATURE_NAMES) {
    if (!enabled.includes(feature)) continue
    // Optional ones too (asked for at login, e.g. Instagram product tags): Meta reviews every permission the dialog asks for.
    for (const permission of [...FEATURE_PERMISSIONS[feature], ...(OPTIONAL_FEATURE_PERMISSIONS[feature] ?? [])]) {
      const by = out.get(permission) ?? []
      if (!by.includes(feature)) out.set(permission, [...by, feature])
    }
  }
  return out
}

/** The use-case text for a permission: one paragraph naming each use the enabled features make of it. */
export function useCaseText(permission: string, requestedBy: readonly (FeatureName | "connection")[], storeName = "the store"): string {
  const uses = requestedBy.map((by) => USES[permission]?.[by]).filter((u): u is string => !!u)
  const body = uses.length ? uses.join("; ") : "is needed by a Graph API call the app makes for this feature"
  return (
    `This app connects ${storeName}'s Medusa store to the merchant's own Meta assets. With ${permission} it ${body}. ` +
    "It acts only on assets the merchant chose after logging in, only when the merchant uses the feature (or a rule or schedule the merchant set up), and the merchant can disconnect at any time in Medusa Admin."
  )
}

export type AppReviewInput = {
  enabledFeatures: FeatureName[]
  granted: string[]
  declined: string[]
  backendUrl: string
  privacyPolicyUrl: string | null
  /** Meta's `verification_status` of the selected business, or null when it could not be read. */
  businessVerification: { status: string | null; business_id: string | null; error: string | null }
  storeName?: string
}

/** A URL Meta can call: https and not a loopback or private host. */
export function isPublicHttpsUrl(url: string | null): boolean {
  if (!url) return false
  try {
    const { protocol, hostname } = new URL(url)
    if (protocol !== "https:") return false
    return !/^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?$|0\.0\.0\.0)/.test(hostname) && !hostname.endsWith(".local")
  } catch {
    return false
  }
}

function urlItem(key: AppReviewItem["key"], title: string, value: string, what: string, docs: string): AppReviewItem {
  const ok = isPublicHttpsUrl(value)
  return {
    key,
    title,
    value,
    state: ok ? "done" : "blocked",
    detail: ok
      ? `Served by the plugin. Enter it in the App Dashboard: ${what}.`
      : `Meta needs a public https URL; set the plugin's backendUrl (MEDUSA_BACKEND_URL) to the store's public address. Then enter it in the App Dashboard: ${what}.`,
    docs_url: docs,
  }
}

/** Verification states a merchant cannot move past by submitting again (Meta's Business `verification_status`). */
const REFUSED_VERIFICATION = ["rejected", "revoked", "failed"]

export function buildAppReviewKit(input: AppReviewInput): AppReviewKit {
  const granted = new Set(input.granted.map((p) => p.toLowerCase()))
  const declined = new Set(input.declined.map((p) => p.toLowerCase()))
  const permissions: AppReviewPermission[] = [...requestedPermissions(input.enabledFeatures)].map(([permission, requestedBy]) => {
    const isGranted = granted.has(permission)
    const asks = [...COMMON_ASKS]
    if (permission === "ads_management" || permission === "ads_read") {
      asks.push("Advanced Access to the Marketing API needs a verified business (see Business verification below).")
    }
    return {
      permission,
      requested_by: requestedBy,
      meta_asks: asks,
      use_case: useCaseText(permission, requestedBy, input.storeName),
      screens: [...new Map(requestedBy.flatMap((by) => SCREENS[by]).map((s) => [s.path, s])).values()],
      granted: isGranted,
      // Granted to the connection proves the flow works; Advanced Access itself is only visible in the App Dashboard.
      state: isGranted ? "done" : declined.has(permission) ? "blocked" : "todo",
      docs_url: APP_REVIEW_DOCS.permissions,
    }
  })
  const backend = input.backendUrl.replace(/\/+$/, "")
  const items: AppReviewItem[] = [
    input.privacyPolicyUrl
      ? {
          key: "privacy_policy_url",
          title: "Privacy policy URL",
          value: input.privacyPolicyUrl,
          state: isPublicHttpsUrl(input.privacyPolicyUrl) ? "done" : "blocked",
          detail: "Enter it in the App Dashboard → App settings → Basic. It must say what the app does with Meta data and how to ask for deletion.",
          docs_url: APP_REVIEW_DOCS.app_review,
        }
      : {
          key: "privacy_policy_url",
          title: "Privacy policy URL",
          value: null,
          state: "todo",
          detail: "Set the plugin option privacyPolicyUrl (or META_PRIVACY_POLICY_URL) to the store's privacy policy, and enter it in the App Dashboard → App settings → Basic.",
          docs_url: APP_REVIEW_DOCS.app_review,
        },
    urlItem("data_deletion_url", "Data deletion callback URL", `${backend}/meta/data-deletion`, "App settings → Basic → Data deletion → Data deletion callback URL", APP_REVIEW_DOCS.data_deletion),
    urlItem("deauthorize_url", "Deauthorize callback URL", `${backend}/meta/deauthorize`, "Facebook Login → Settings → Deauthorize callback URL", APP_REVIEW_DOCS.data_deletion),
    urlItem("oauth_redirect_uri", "Valid OAuth redirect URI", `${backend}/meta/oauth/callback`, "Facebook Login → Settings → Valid OAuth Redirect URIs", APP_REVIEW_DOCS.app_review),
  ]
  if (input.enabledFeatures.includes("webhooks")) {
    items.push(urlItem("webhooks_url", "Webhooks callback URL", `${backend}/meta/webhooks`, "Webhooks → Page and Instagram subscriptions, with the webhookVerifyToken", APP_REVIEW_DOCS.webhooks))
  }
  const verification = input.businessVerification
  const status = verification.status
  items.push({
    key: "business_verification",
    title: "Business verification",
    value: status,
    state: status === "verified" ? "done" : status === null ? "unknown" : REFUSED_VERIFICATION.includes(status) ? "blocked" : "todo",
    detail:
      status === "verified"
        ? "The business is verified: Advanced Access (the Marketing API's included) can be granted."
        : status === null
          ? `Could not read the business's verification status${verification.error ? ` (${verification.error})` : ""}. Check it in Business Settings → Security Center.`
          : `The business is "${status}". Verify it in Business Settings → Security Center before asking for Advanced Access${input.enabledFeatures.includes("ads") ? " (the Marketing API needs it)" : ""}.`,
    docs_url: APP_REVIEW_DOCS.business_verification,
  })
  return { permissions, items, docs: APP_REVIEW_DOCS }
}
