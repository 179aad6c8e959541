import { z } from "@medusajs/framework/zod"
import { FEATURE_NAMES, type FeatureName } from "../../lib/connection/features"

export const META_FEATURES = FEATURE_NAMES
export type MetaFeatureName = FeatureName

/** The default Graph API version: v25.0 has a published Graph window to 2028-07-29 and a live
 * Marketing API window (v24.0's Marketing API expired on 2026-10-06). See https://developers.facebook.com/docs/graph-api/guides/versioning. */
export const DEFAULT_API_VERSION = "v25.0"

/** Options as a store owner writes them in `plugins: [{ resolve: "medusa-plugin-meta", options }]`. */
export type MetaPluginOptions = {
  appId?: string
  appSecret?: string
  encryptionKey?: string
  encryptionKeys?: string[]
  graphApiUrl?: string
  apiVersion?: string
  oauthDialogUrl?: string
  backendUrl?: string
  adminUrl?: string
  webhookVerifyToken?: string
  storefrontUrl?: string
  productUrlTemplate?: string
  /** The store's privacy policy, as entered in the Meta App Dashboard (the App Review kit checks it). */
  privacyPolicyUrl?: string
  autoSetup?: boolean
  features?: Partial<Record<MetaFeatureName, boolean>>
  capi?: { testEventCode?: string }
  catalog?: MetaCatalogOptions
  publishing?: MetaPublishingOptions
  requestTimeoutMs?: number
}

/** Organic publishing. */
export type MetaPublishingOptions = {
  /**
   * A scheduled post found due after the store was down is still published if it is at most this many
   * minutes late; later than that it is marked missed for the merchant to decide. Default 60.
   */
  graceMinutes?: number
}

export type ResolvedMetaOptions = {
  appId: string
  appSecret: string
  encryptionKeys: string[]
  graphApiUrl: string
  apiVersion: string
  oauthDialogUrl: string
  backendUrl: string
  adminUrl: string
  webhookVerifyToken?: string
  storefrontUrl?: string
  productUrlTemplate: string
  privacyPolicyUrl?: string
  autoSetup: boolean
  features: Record<MetaFeatureName, boolean>
  capi: { testEventCode?: string }
  catalog: MetaCatalogOptions
  publishing: { graceMinutes: number }
  requestTimeoutMs: number
}

/**
 * Catalog sync: which price and which products go to Meta. Defaults: the store's default currency and
 * default sales channel; brand falls back to the store name; condition to "new".
 */
export type MetaCatalogOptions = {
  currencyCode?: string
  salesChannelId?: string
  brand?: string
  defaultCondition?: "new" | "refurbished" | "used"
  /** Product type or category name → Google product category id or path. */
  categoryMapping?: Record<string, string>
  /** Meta Shops checkout: storefront path the shopper lands on, with {cart_id} and {country_code}. */
  checkoutPath?: string
  /** Meta Shops checkout: region of the carts it creates (default: the store's default region). */
  checkoutRegionId?: string
}

/** Each option and the environment variable it falls back to. */
const ENV_FALLBACKS = {
  appId: "META_APP_ID",
  appSecret: "META_APP_SECRET",
  encryptionKey: "META_ENCRYPTION_KEY",
  graphApiUrl: "META_GRAPH_API_URL",
  apiVersion: "META_API_VERSION",
  oauthDialogUrl: "META_OAUTH_DIALOG_URL",
  backendUrl: "MEDUSA_BACKEND_URL",
  webhookVerifyToken: "META_WEBHOOK_VERIFY_TOKEN",
  storefrontUrl: "META_STOREFRONT_URL",
  privacyPolicyUrl: "META_PRIVACY_POLICY_URL",
} as const

const httpUrl = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
  .transform((value) => value.replace(/\/+$/, ""))

const optionsSchema = z.object({
  appId: z
    .string({ error: "is required (or set META_APP_ID)" })
    .regex(/^\d+$/, "must be the numeric App ID from the Meta App Dashboard"),
  appSecret: z
    .string({ error: "is required (or set META_APP_SECRET)" })
    .min(8, "looks too short to be a Meta app secret"),
  encryptionKeys: z
    .array(z.string().min(1))
    .min(1, "at least one key is required (set encryptionKey or META_ENCRYPTION_KEY)"),
  graphApiUrl: httpUrl.default("https://graph.facebook.com"),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, "must look like v25.0")
    .default(DEFAULT_API_VERSION),
  oauthDialogUrl: httpUrl.default("https://www.facebook.com"),
  backendUrl: httpUrl.default("http://localhost:9000"),
  adminUrl: httpUrl.optional(),
  webhookVerifyToken: z.string().min(8, "must be at least 8 characters").optional(),
  storefrontUrl: httpUrl.optional(),
  productUrlTemplate: z.string().default("{storefrontUrl}/products/{handle}"),
  privacyPolicyUrl: httpUrl.optional(),
  autoSetup: z.boolean().default(true),
  features: z
    .object(Object.fromEntries(META_FEATURES.map((f) => [f, z.boolean().default(true)])))
    .strict()
    .default({}),
  capi: z.object({ testEventCode: z.string().optional() }).strict().default({}),
  catalog: z
    .object({
      currencyCode: z.string().regex(/^[A-Za-z]{3}$/, "currencyCode must be an ISO-4217 code like usd").optional(),
      salesChannelId: z.string().min(1).optional(),
      brand: z.string().min(1).optional(),
      defaultCondition: z.enum(["new", "refurbished", "used"]).optional(),
      categoryMapping: z.record(z.string(), z.string()).optional(),
      checkoutPath: z.string().regex(/\{cart_id\}/, "checkoutPath must contain {cart_id}").optional(),
      checkoutRegionId: z.string().min(1).optional(),
    })
    .strict()
    .default({}),
  publishing: z
    .object({
      graceMinutes: z.number().int("graceMinutes must be whole minutes").min(0).max(7 * 24 * 60).default(60),
    })
    .strict()
    .default({ graceMinutes: 60 }),
  requestTimeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
})

export class InvalidMetaOptionsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "InvalidMetaOptionsError"
  }
}

function fromEnv(name: keyof typeof ENV_FALLBACKS, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[ENV_FALLBACKS[name]]
  return value === undefined || value === "" ? undefined : value
}

/**
 * Validates the plugin options (falling back to META_* environment variables) and fills the defaults.
 * Throws an error that names the offending option, so a misconfigured store fails at start-up.
 */
export function resolveMetaOptions(
  input: MetaPluginOptions = {},
  env: NodeJS.ProcessEnv = process.env
): ResolvedMetaOptions {
  const keys =
    input.encryptionKeys ??
    (input.encryptionKey ?? fromEnv("encryptionKey", env) ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
  const raw = {
    ...input,
    appId: input.appId ?? fromEnv("appId", env),
    appSecret: input.appSecret ?? fromEnv("appSecret", env),
    encryptionKeys: keys,
    graphApiUrl: input.graphApiUrl ?? fromEnv("graphApiUrl", env),
    apiVersion: input.apiVersion ?? fromEnv("apiVersion", env),
    oauthDialogUrl: input.oauthDialogUrl ?? fromEnv("oauthDialogUrl", env),
    backendUrl: input.backendUrl ?? fromEnv("backendUrl", env),
    webhookVerifyToken: input.webhookVerifyToken ?? fromEnv("webhookVerifyToken", env),
    storefrontUrl: input.storefrontUrl ?? fromEnv("storefrontUrl", env),
    privacyPolicyUrl: input.privacyPolicyUrl ?? fromEnv("privacyPolicyUrl", env),
    capi: {
      ...input.capi,
      testEventCode: input.capi?.testEventCode ?? env.META_CAPI_TEST_EVENT_CODE ?? undefined,
    },
  }
  delete (raw as MetaPluginOptions).encryptionKey

  const parsed = optionsSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "options"
      const option = name === "encryptionKeys" ? "encryptionKey/encryptionKeys" : name
      return `option "${option}" ${issue.message}`
    })
    throw new InvalidMetaOptionsError(
      `medusa-plugin-meta: invalid plugin options: ${problems.join("; ")}`
    )
  }
  const options = parsed.data
  return {
    ...options,
    adminUrl: options.adminUrl ?? `${options.backendUrl}/app`,
    features: options.features as Record<MetaFeatureName, boolean>,
  }
}
