/**
 * `npm run bench -- overview`: `GET /admin/meta/overview` on a store of issue 14's size — 100,000 catalog
 * items, 100,000 Conversions API events and 10,000 publications — with the ads part connected (a mirrored
 * account, its daily spend, rule decisions and attributed orders) and webhook changes. Target: p95 < 150 ms.
 *
 * The store is one `medusa start` process of a snapshot of this repository (temp directory) on a scratch
 * database, connected to the Graph emulator through the admin API; the ad account is mirrored and its spend
 * days read through the plugin's own sync. The volumes are written with bulk SQL into the plugin's tables
 * (spreads of statuses and dates below), then VACUUM ANALYZE — what autovacuum does on a live store after
 * that many writes. Measured: the overview's figures against the seeded rows, p50/p95/max over 100
 * sequential requests after 10 warm-up, and each read of the overview alone inside the store (a bench-only
 * route of the temp copy), which names the slow one when the target is missed; for comparison, the
 * match-quality count as it was read before (every sent event's payload opened), which must agree.
 *
 * Bounded: the request part stops after 100 requests or 60 s; processes, the temp directory and the database
 * are removed in `finally`. BENCH_OVERVIEW_SCALE=0.1 tries the bench on a tenth of the rows (printed, not
 * recorded); BENCH_OVERVIEW_KEEP_DB=1 keeps the scratch database for EXPLAIN ANALYZE afterwards.
 */
import { rmSync } from "node:fs"
import { loadavg } from "node:os"
import path from "node:path"
import { startGraphEmulator, type GraphEmulator } from "../src/emulator"
import { MATCH_KEYS, summarizeMatchQualityGroups } from "../src/lib/capi"
import { freePort, query, runMedusaCli, stopGroup } from "./lib/harness"
import { percentile, recordBenchmark, type Row } from "./lib/record"
import { ADMIN_USER_ROUTE, adminHeaders, boot, http, snapshotAppDir, storeEnv, waitForHealth, type Store } from "./lib/store"

const SCALE = Number(process.env.BENCH_OVERVIEW_SCALE ?? 1)
const KEEP_DB = process.env.BENCH_OVERVIEW_KEEP_DB === "1"
const CATALOG_ITEMS = Math.round(100_000 * SCALE)
const CAPI_EVENTS = Math.round(100_000 * SCALE)
const PUBLICATIONS = Math.round(10_000 * SCALE)
const WEBHOOK_CHANGES = Math.round(5_000 * SCALE)
const AD_ORDERS = Math.round(3_000 * SCALE)
/** The mirrored account: 60 campaigns × 2 ad sets × 4 ads, 40 days of delivery at the emulator. */
const CAMPAIGNS = 60
const AD_SETS_PER_CAMPAIGN = 2
const ADS_PER_AD_SET = 4
const HISTORY_DAYS = 40
/** Rule decisions: two rules evaluated every RULE_EVERY_HOURS over the last 30 days, every object logged. */
const RULE_EVERY_HOURS = 3
const RULE_DAYS = 30
const REQUESTS = 100
const WARMUP = 10
const REQUEST_BUDGET_MS = 60_000
const READ_RUNS = 20
const P95_TARGET_MS = 150
const RECORDED = SCALE === 1 && !KEEP_DB
const ACT = "act_50001"
const PIXEL = "60001"
const DB_NAME = "meta_bench_overview"
const ADMIN_DB_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@localhost:5432/postgres"
const DB_URL = ADMIN_DB_URL.replace(/\/[^/]*$/, `/${DB_NAME}`)
const root = path.join(__dirname, "..")
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const benchStarted = Date.now()

const adminQuery = (sql: string) => query(ADMIN_DB_URL, sql)
const db = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => query<T>(DB_URL, sql, params)
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)
const count = (n: number) => n.toLocaleString("en-US")

/** Bench only (temp copy): the spend-days read the scheduled job runs (Meta's daily spend of the account). */
const SPEND_DAYS_ROUTE = `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncMetaAdSpendDaysWorkflow } from "../../../../workflows/overview"

/** Bench only (temp copy): one run of the spend-days sync. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { result } = await syncMetaAdSpendDaysWorkflow(req.scope).run()
  res.json({ result })
}
`

/**
 * Bench only (temp copy): each read the overview makes, alone and in turn (3 warm-up, then \`runs\`), with
 * the arguments readOverview gives it; and readOverview itself. Answers p50/p95 per read in ms.
 */
const READS_ROUTE = `import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStoreRevenue } from "../../../admin/meta/campaigns/present-ads"
import { readOverview } from "../../../admin/meta/overview/read-overview"
import { currentPeriods, resolveReportContext } from "../../../admin/meta/overview/report-context"
import { monthStart } from "../../../../lib/overview/report-time"
import { META_OVERVIEW_MODULE } from "../../../../modules/meta-overview"
import { META_PUBLISHING_MODULE } from "../../../../modules/meta-publishing"

/** Bench only (temp copy): the overview's reads one at a time. */
export const POST = async (req: MedusaRequest<{ runs?: number }>, res: MedusaResponse) => {
  const runs = Number(req.body?.runs ?? 20)
  const ctx = await resolveReportContext(req.scope)
  const { meta, ads, account } = ctx
  const publishing: any = req.scope.resolve(META_PUBLISHING_MODULE)
  const overview: any = req.scope.resolve(META_OVERVIEW_MODULE)
  const now = new Date()
  const { todayDay, today, week } = currentPeriods(now, ctx.timeZone)
  const reads: Record<string, () => Promise<unknown>> = {
    "connection, ad account and currency (resolveReportContext)": () => resolveReportContext(req.scope),
    "API usage: this process's reading written (recordApiUsage)": () => overview.recordApiUsage(meta.getGraphClient().usage()),
    "API usage: readings of the last hour (listRecentApiUsage)": () => overview.listRecentApiUsage(3_600_000),
    "catalog: items per status (countCatalogItemsByStatus)": () => meta.countCatalogItemsByStatus(),
    "Conversions API: events per status and key set, this week, failing (capiCounts)": () =>
      meta.capiCounts({ periodStart: week.start, periodEnd: week.end, failingSince: new Date(now.getTime() - 86_400_000) }),
    "webhooks: failed and this week (webhookCounts)": () => meta.webhookCounts({ periodStart: week.start, periodEnd: week.end }),
    "publications: today, this week, failed, total (publicationCounts)": () =>
      publishing.publicationCounts({ today: { from: today.start, to: new Date(today.end.getTime() - 1) }, week: { from: week.start, to: new Date(week.end.getTime() - 1) } }),
    "publications: 5 newest failed (listFailedPublications)": () => publishing.listFailedPublications({ limit: 5 }),
    "alerts: active (listActiveAlerts)": () => overview.listActiveAlerts(20),
    "ads: rule decisions this week (countRuleDecisions)": () => ads.countRuleDecisions({ from: week.start, to: week.end }),
    "ads: the account's campaigns (listAccountCampaigns)": () => ads.listAccountCampaigns(account!.meta_id),
    "ads: spend days this month (listSpendDays)": () => overview.listSpendDays({ adAccountId: account!.meta_id, fromDay: monthStart(todayDay), toDay: todayDay }),
    "ads: store revenue of attributed orders, account totals (loadStoreRevenue)": () => loadStoreRevenue(ads, account!, []),
    "ads: advertised products (listAdvertisedProducts)": () => ads.listAdvertisedProducts(account!.meta_id),
    "the whole overview in the store (readOverview)": () => readOverview(req.scope),
  }
  const answer: Record<string, { p50: number; p95: number; runs: number }> = {}
  for (const [name, read] of Object.entries(reads)) {
    for (let i = 0; i < 3; i++) await read()
    const ms: number[] = []
    // At most 10 s per read (a slow one still gets 3 runs), so the route answers in bounded time.
    const until = Date.now() + 10_000
    for (let i = 0; i < runs && (i < 3 || Date.now() < until); i++) {
      const started = performance.now()
      await read()
      ms.push(performance.now() - started)
    }
    ms.sort((a, b) => a - b)
    answer[name] = { p50: ms[Math.ceil(ms.length / 2) - 1], p95: ms[Math.ceil(ms.length * 0.95) - 1], runs: ms.length }
  }
  res.json({ reads: answer })
}
`

type Part = { rows: Row[]; notes: string[]; met: boolean }

/**
 * The match-quality count as it was read before the generated column `user_data_keys`: every sent event's
 * payload opened and its user_data keys listed (jsonb_each per row). For comparison, and as a check of
 * the column: both must give the same summary.
 */
const MATCH_QUALITY_FROM_PAYLOADS_SQL = `
  SELECT "keys", count(*) AS "events"
    FROM (SELECT ARRAY(SELECT "entry"."key"
                         FROM jsonb_each(CASE WHEN jsonb_typeof("payload"->'user_data') = 'object' THEN "payload"->'user_data' ELSE '{}'::jsonb END) AS "entry"
                        WHERE "entry"."key" IN (SELECT jsonb_array_elements_text($1::jsonb))
                          AND ((jsonb_typeof("entry"."value") = 'array' AND jsonb_array_length("entry"."value") > 0)
                            OR (jsonb_typeof("entry"."value") = 'string' AND "entry"."value" #>> '{}' <> ''))
                        ORDER BY "entry"."key" COLLATE "C") AS "keys"
            FROM "meta_capi_event" WHERE "deleted_at" IS NULL AND "status" = 'sent') AS "event_keys"
   GROUP BY "keys"`

/** The statement above, 3 times on one connection: its time (p50) and the summary it gives. */
async function matchQualityFromPayloads(): Promise<{ ms: number; summary: unknown }> {
  const ms: number[] = []
  let rows: { keys: string[]; events: string }[] = []
  for (let i = 0; i < 3; i++) {
    const started = performance.now()
    rows = await db<{ keys: string[]; events: string }>(MATCH_QUALITY_FROM_PAYLOADS_SQL, [JSON.stringify(MATCH_KEYS)])
    ms.push(performance.now() - started)
  }
  return { ms: percentile(sorted(ms), 50), summary: summarizeMatchQualityGroups(rows.map((r) => ({ keys: r.keys, events: Number(r.events) }))) }
}
type Setup = { store: Store; headers: Record<string, string>; bootedMs: number; seedMs: number; seeded: Seeded; accounts: number }

/** What the SQL wrote, counted back from the tables (the figures the overview must show). */
type Seeded = {
  catalog: Record<string, number>
  capi: Record<string, number>
  publications: Record<string, number>
  webhooksFailed: number
  decisions: number
}

/** 100,000 variants' catalog items: mostly synced, some pending, needing attention, in error, being deleted, removed. */
const seedCatalogSql = (n: number) => `
  INSERT INTO "meta_catalog_item" ("id", "variant_id", "product_id", "retailer_id", "catalog_id", "status", "dirty", "dirty_at", "attempts",
                                   "content_hash", "last_synced_at", "seen_in_meta_at", "errors", "excluded", "created_at", "updated_at")
  SELECT 'metaci_bench_' || lpad(i::text, 6, '0'), 'variant_bench_' || i, 'prod_bench_' || (i / 4), 'SKU-' || lpad(i::text, 6, '0'), '70001',
         s."status", s."status" IN ('pending', 'deleting'), CASE WHEN s."status" IN ('pending', 'deleting') THEN now() - (i % 600) * interval '1 second' END,
         CASE WHEN s."status" = 'error' THEN 1 + i % 3 ELSE 0 END, md5('item' || i),
         CASE WHEN s."status" <> 'pending' THEN now() - (i % (30 * 24)) * interval '1 hour' END,
         CASE WHEN s."status" = 'synced' THEN now() - (i % 24) * interval '1 hour' END,
         CASE s."status"
           WHEN 'error' THEN jsonb_build_array(jsonb_build_object('field', 'price', 'message', 'The price is missing or not a number.', 'hint', 'Give the variant a price in the catalog currency.'))
           WHEN 'needs_attention' THEN jsonb_build_array(jsonb_build_object('field', 'image_link', 'message', 'The product has no image.', 'hint', 'Add an image to the product.'))
         END,
         i % 250 = 0, now() - interval '90 days' + (i % 90) * interval '1 day', now() - (i % (30 * 24)) * interval '1 hour'
    FROM generate_series(1, ${n}) AS i
   CROSS JOIN LATERAL (SELECT CASE WHEN i % 1000 < 930 THEN 'synced' WHEN i % 1000 < 960 THEN 'pending' WHEN i % 1000 < 980 THEN 'needs_attention'
                                   WHEN i % 1000 < 995 THEN 'error' WHEN i % 1000 < 998 THEN 'deleting' ELSE 'removed' END AS "status") AS s`

/**
 * 100,000 outbox events over 60 days: Purchases (62 %), registrations (8 %), browser-mirrored AddToCart,
 * InitiateCheckout and ViewContent; ~96.7 % sent, the rest pending (some retrying after an error), failed or
 * expired. user_data as the plugin writes it — every identifier its own SHA-256 hex in an array, the browser
 * keys plain — with the key sets orders really have: with or without phone, address, click id, browser id.
 */
const seedCapiSql = (n: number) => `
  INSERT INTO "meta_capi_event" ("id", "pixel_id", "event_name", "event_id", "subject_id", "status", "attempts", "next_attempt_at", "event_time",
                                 "payload", "response", "last_error", "last_error_code", "sent_at", "created_at", "updated_at")
  SELECT 'metaevt_bench_' || lpad(i::text, 6, '0'), '${PIXEL}', e."name", e."prefix" || i, CASE WHEN e."prefix" <> 'evt_' THEN e."prefix" || i END,
         s."status", s."attempts", CASE WHEN s."status" = 'pending' THEN t."at" + interval '5 minutes' END, t."at",
         jsonb_build_object('event_name', e."name", 'event_time', extract(epoch FROM t."at")::bigint, 'event_id', e."prefix" || i,
           'action_source', 'website', 'event_source_url', 'https://shop.example.com/products/item-' || (i % 500),
           'user_data', jsonb_strip_nulls(jsonb_build_object(
              'em', CASE WHEN k."em" THEN jsonb_build_array(encode(sha256(('em' || i)::bytea), 'hex')) END,
              'ph', CASE WHEN k."ph" THEN jsonb_build_array(encode(sha256(('ph' || i)::bytea), 'hex')) END,
              'fn', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256(('fn' || i)::bytea), 'hex')) END,
              'ln', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256(('ln' || i)::bytea), 'hex')) END,
              'ct', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256(('ct' || i % 900)::bytea), 'hex')) END,
              'st', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256(('st' || i % 50)::bytea), 'hex')) END,
              'zp', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256(('zp' || i % 3000)::bytea), 'hex')) END,
              'country', CASE WHEN k."addr" THEN jsonb_build_array(encode(sha256('us'::bytea), 'hex')) END,
              'external_id', CASE WHEN k."ext" THEN jsonb_build_array(encode(sha256(('cus' || i % 40000)::bytea), 'hex')) END,
              'client_ip_address', CASE WHEN k."browser" THEN '203.0.' || (i % 250) || '.' || (i % 199) END,
              'client_user_agent', CASE WHEN k."browser" THEN 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15' END,
              'fbp', CASE WHEN k."fbp" THEN 'fb.1.1596403881668.' || (1000000000 + i) END,
              'fbc', CASE WHEN k."fbc" THEN 'fb.1.1596403881668.IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB' || i END)),
           'custom_data', CASE WHEN e."name" IN ('Purchase', 'AddToCart', 'InitiateCheckout')
             THEN jsonb_build_object('value', ((i % 20000) / 100.0)::text, 'currency', 'USD', 'content_type', 'product',
                    'content_ids', jsonb_build_array('SKU-' || lpad((i % 5000)::text, 6, '0')),
                    'contents', jsonb_build_array(jsonb_build_object('id', 'SKU-' || lpad((i % 5000)::text, 6, '0'), 'quantity', 1 + i % 3, 'item_price', ((i % 9000) / 100.0)::text)),
                    'num_items', 1 + i % 3)
             ELSE '{}'::jsonb END),
         CASE WHEN s."status" = 'sent' THEN jsonb_build_object('events_received', 1, 'messages', '[]'::jsonb, 'fbtrace_id', 'A' || md5(i::text)) END,
         s."last_error", CASE WHEN s."last_error" IS NOT NULL THEN 100 END,
         CASE WHEN s."status" = 'sent' THEN t."at" + interval '4 seconds' END, t."at", t."at" + interval '4 seconds'
    FROM generate_series(1, ${n}) AS i
   CROSS JOIN LATERAL (SELECT i % 100 AS b) AS bucket
   CROSS JOIN LATERAL (SELECT CASE WHEN b < 62 THEN 'Purchase' WHEN b < 70 THEN 'CompleteRegistration' WHEN b < 84 THEN 'AddToCart'
                                   WHEN b < 94 THEN 'InitiateCheckout' ELSE 'ViewContent' END AS "name",
                              CASE WHEN b < 62 THEN 'order_bench_' WHEN b < 70 THEN 'cus_bench_' ELSE 'evt_' END AS "prefix") AS e
   CROSS JOIN LATERAL (SELECT b < 70 OR i % 5 = 0 AS "em", b < 62 AND i % 3 <> 0 AS "ph", b < 62 AND i % 7 <> 0 AS "addr", b < 70 OR i % 4 = 0 AS "ext",
                              (b < 62 AND i % 6 <> 0) OR b >= 70 AS "browser", ((b < 62 AND i % 6 <> 0) OR b >= 70) AND i % 9 <> 0 AS "fbp",
                              ((b < 62 AND i % 6 <> 0) OR b >= 70) AND i % 4 = 0 AS "fbc") AS k
   CROSS JOIN LATERAL (SELECT CASE WHEN i % 97 = 0 THEN 'pending' WHEN i % 89 = 0 THEN 'failed' WHEN i % 83 = 0 THEN 'expired' ELSE 'sent' END AS "status") AS s0
   CROSS JOIN LATERAL (SELECT s0."status", CASE s0."status" WHEN 'sent' THEN 1 WHEN 'pending' THEN i % 3 ELSE 5 END AS "attempts",
                              CASE WHEN s0."status" IN ('failed', 'expired') OR (s0."status" = 'pending' AND i % 3 > 0)
                                   THEN 'Invalid parameter: the event could not be processed' END AS "last_error") AS s
   CROSS JOIN LATERAL (SELECT now() - CASE s."status" WHEN 'pending' THEN (i % 3600) * interval '1 second'
                                                      WHEN 'expired' THEN interval '8 days' + (i % 86400) * interval '20 seconds'
                                                      ELSE ((i::bigint * 7919) % (60 * 86400)) * interval '1 second' END AS "at") AS t`

/**
 * 10,000 publications over the store's publishing accounts, one every ~50 minutes from 330 days ago to 17
 * days ahead: in the past mostly published (a few failed with Meta's reason, cancelled, missed or left as
 * drafts), ahead scheduled (a few drafts).
 */
const seedPublicationsSql = (n: number, accounts: { id: string; platform: string }[]) => `
  INSERT INTO "meta_publication" ("id", "kind", "status", "caption", "media", "product_ids", "account_id", "scheduled_at", "published_at", "meta_post_id",
                                  "permalink", "attempts", "last_error", "revision", "created_at", "updated_at")
  SELECT 'metapub_bench_' || lpad(i::text, 5, '0'), k."kind", s."status",
         'New in store: item ' || i || ' — limited run, ships in 2 days. Tap the link in bio to shop the drop before it is gone. #newin #shop',
         jsonb_build_array(jsonb_build_object('url', 'https://cdn.example.com/media/' || i || '.jpg', 'type', 'image', 'mime', 'image/jpeg', 'width', 1080, 'height', 1080, 'bytes', 182000 + i)),
         ARRAY['prod_bench_' || (i * 7 % 25000)], a."id",
         CASE WHEN s."status" <> 'draft' THEN t."at" END,
         CASE WHEN s."status" = 'published' THEN t."at" + interval '8 seconds' END,
         CASE WHEN s."status" = 'published' THEN '1790' || lpad(i::text, 11, '0') END,
         CASE WHEN s."status" = 'published' THEN 'https://www.instagram.com/p/bench' || i || '/' END,
         CASE s."status" WHEN 'published' THEN 1 WHEN 'failed' THEN 3 ELSE 0 END,
         CASE WHEN s."status" = 'failed' THEN jsonb_build_object('message', 'The media could not be fetched from its URL.', 'hint', 'Check that the image URL is public.', 'code', 9004, 'subcode', 2207052) END,
         1, t."at" - interval '2 days', CASE WHEN s."status" IN ('scheduled', 'draft') THEN t."at" - interval '2 days' ELSE t."at" + interval '8 seconds' END
    FROM generate_series(1, ${n}) AS i
   CROSS JOIN LATERAL (SELECT now() - interval '330 days' + (i * (347 * 86400 / ${Math.max(1, n)}.0)) * interval '1 second' AS "at") AS t
    JOIN (VALUES ${accounts.map((a, k) => `(${k}, '${a.id}', '${a.platform}')`).join(", ")}) AS a("k", "id", "platform") ON a."k" = i % ${accounts.length}
   CROSS JOIN LATERAL (SELECT CASE WHEN a."platform" = 'facebook' THEN CASE WHEN i % 3 = 0 THEN 'facebook_post' ELSE 'facebook_photo' END
                                   WHEN i % 10 < 7 THEN 'instagram_image' WHEN i % 10 < 8 THEN 'instagram_carousel' ELSE 'instagram_reel' END AS "kind") AS k
   CROSS JOIN LATERAL (SELECT CASE WHEN t."at" > now() THEN CASE WHEN i % 20 = 0 THEN 'draft' ELSE 'scheduled' END
                                   WHEN i % 100 < 3 THEN 'failed' WHEN i % 100 < 5 THEN 'cancelled' WHEN i % 100 = 5 THEN 'missed' WHEN i % 100 = 6 THEN 'draft'
                                   ELSE 'published' END AS "status") AS s`

/** Webhook changes over 60 days (feed comments, leads, mentions), 1 % failed. */
const seedWebhooksSql = (n: number) => `
  INSERT INTO "meta_webhook_event" ("id", "object", "field", "entry_id", "entry_time", "idempotency_key", "payload", "status", "outcome", "attempts",
                                    "last_error", "processed_at", "created_at", "updated_at")
  SELECT 'metawh_bench_' || lpad(i::text, 6, '0'), CASE WHEN i % 3 = 0 THEN 'instagram' ELSE 'page' END, (ARRAY['feed', 'leadgen', 'comments', 'mentions'])[1 + i % 4],
         '30001', t."at", 'bench:' || i,
         jsonb_build_object('field', (ARRAY['feed', 'leadgen', 'comments', 'mentions'])[1 + i % 4], 'value', jsonb_build_object('item', 'comment', 'comment_id', '30001_' || i, 'message', 'Is this in stock?')),
         CASE WHEN i % 100 = 0 THEN 'failed' ELSE 'processed' END, CASE WHEN i % 100 <> 0 THEN 'stored' END,
         CASE WHEN i % 100 = 0 THEN 5 ELSE 1 END, CASE WHEN i % 100 = 0 THEN 'The lead could not be read from Meta' END,
         CASE WHEN i % 100 <> 0 THEN t."at" + interval '1 second' END, t."at", t."at" + interval '1 second'
    FROM generate_series(1, ${n}) AS i
   CROSS JOIN LATERAL (SELECT now() - ((i::bigint * 6007) % (60 * 86400)) * interval '1 second' AS "at") AS t`

/** Orders attributed to the mirrored ads over 45 days (an ad named for most, the campaign only or nothing for some). */
const seedAdOrdersSql = (n: number) => `
  WITH ads AS (SELECT ad."meta_id" AS "ad", s."meta_id" AS "ad_set", c."meta_id" AS "campaign", row_number() OVER (ORDER BY ad."meta_id") - 1 AS "k"
                 FROM "meta_ad" ad JOIN "meta_ad_set" s ON s."id" = ad."ad_set_id" JOIN "meta_campaign" c ON c."id" = s."campaign_id"),
       total AS (SELECT count(*) AS "n" FROM ads)
  INSERT INTO "meta_ad_attribution" ("id", "order_id", "source", "ad_meta_id", "ad_set_meta_id", "campaign_meta_id", "currency_code", "total", "placed_at", "raw_total", "created_at", "updated_at")
  SELECT 'metaattr_bench_' || lpad(i::text, 6, '0'), 'order_bench_ad_' || i, CASE WHEN i % 10 < 8 THEN 'utm' ELSE 'fbclid' END,
         CASE WHEN i % 10 < 8 THEN a."ad" END, CASE WHEN i % 10 < 8 THEN a."ad_set" END, CASE WHEN i % 10 < 9 THEN a."campaign" END,
         'usd', round((19.95 + (i % 180))::numeric, 2), t."at", jsonb_build_object('value', round((19.95 + (i % 180))::numeric, 2)::text, 'precision', 20), t."at", t."at"
    FROM generate_series(1, ${n}) AS i
   CROSS JOIN total
   JOIN ads a ON a."k" = i % total."n"
   CROSS JOIN LATERAL (SELECT now() - ((i::bigint * 4001) % (45 * 86400)) * interval '1 second' AS "at") AS t`

/** Every RULE_EVERY_HOURS for RULE_DAYS days: the ad-set rule over every ad set, the ad rule over every ad, each decision logged. */
const seedDecisionsSql = (adSetRule: string, adRule: string) => `
  WITH rounds AS (SELECT r AS "round", now() - r * interval '${RULE_EVERY_HOURS} hours' AS "at" FROM generate_series(0, ${Math.floor((RULE_DAYS * 24) / RULE_EVERY_HOURS) - 1}) AS r),
       objects AS (SELECT 'ad_set' AS "type", "meta_id", '${adSetRule}' AS "rule_id" FROM "meta_ad_set"
                   UNION ALL SELECT 'ad', "meta_id", '${adRule}' FROM "meta_ad")
  INSERT INTO "meta_ad_rule_decision" ("id", "evaluation_id", "object_type", "object_meta_id", "acted", "action", "skip_code", "skipped_reason", "lookback",
                                       "numbers", "before", "after", "dry_run", "evaluated_at", "rule_id", "created_at", "updated_at")
  SELECT 'metadec_bench_' || o."type" || '_' || r."round" || '_' || o."meta_id", 'metaeval_bench_' || o."rule_id" || '_' || r."round", o."type", o."meta_id",
         x."acted", CASE o."type" WHEN 'ad' THEN 'pause' ELSE 'raise_budget_pct' END, CASE WHEN NOT x."acted" THEN 'condition_not_met' END,
         CASE WHEN NOT x."acted" THEN 'The condition does not hold.' END, 'last_3d',
         jsonb_build_object('cpm', '8.40', 'roas', '1.90', 'spend', '31.20', 'impressions', 3714),
         jsonb_build_object('status', 'ACTIVE', 'daily_budget', '10.00'),
         CASE WHEN x."acted" THEN jsonb_build_object('status', 'PAUSED') ELSE jsonb_build_object('status', 'ACTIVE', 'daily_budget', '10.00') END,
         false, r."at", o."rule_id", r."at", r."at"
    FROM rounds r CROSS JOIN objects o
   CROSS JOIN LATERAL (SELECT hashtext(o."meta_id" || r."round") % 50 = 0 AS "acted") AS x`

async function setup(emulator: GraphEmulator, store: Store, appDir: string): Promise<Setup> {
  await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE "${DB_NAME}"`)
  console.log("[bench] migrating the scratch database and booting the store…")
  await runMedusaCli(cli, ["db:migrate"], appDir, storeEnv(emulator, DB_URL, store.port), "medusa db:migrate")
  boot(store, appDir, storeEnv(emulator, DB_URL, store.port))
  emulator.ads.configure({ accessTier: "standard_access" })
  const account = emulator.ads.seedAccount({ id: ACT, campaigns: CAMPAIGNS, adSetsPerCampaign: AD_SETS_PER_CAMPAIGN, adsPerAdSet: ADS_PER_AD_SET, historyDays: HISTORY_DAYS })
  account.campaignIds.forEach((id, i) => emulator.ads.setPerformance(id, i % 3 === 0 ? { cpm: "9", purchaseRate: "0.4", orderValue: "35" } : { cpm: "6", purchaseRate: "2", orderValue: "60" }))
  await waitForHealth(store, 240_000)
  const bootedMs = Date.now() - benchStarted

  const headers = await adminHeaders(store, "overview")
  await http(`${store.url}/admin/meta/connection`, { body: { access_token: emulator.createSystemUserToken(), pixel_id: PIXEL, ad_account_id: ACT }, headers })
  const { accounts } = await http<{ accounts: { id: string; platform: string }[] }>(`${store.url}/admin/meta/publishing/accounts`, { headers })
  if (!accounts.length) throw new Error("the store lists no publishing accounts after connecting")
  console.log("[bench] mirroring the ad account and reading its spend days…")
  await http(`${store.url}/admin/meta/campaigns/sync`, { body: {}, headers, timeoutMs: 300_000 })
  await http(`${store.url}/bench/overview/spend-days`, { body: {}, timeoutMs: 120_000 })
  const rules: string[] = []
  for (const body of [
    { name: "Raise ad sets over ROAS 3", template: "scale_budget_high_roas", values: { min_roas: "3", budget_ceiling: "25.00" } },
    { name: "Pause ads over CPM 15", template: "pause_high_cpm", values: { max_cpm: "15", min_impressions: "500" } },
  ]) {
    const { rule } = await http(`${store.url}/admin/meta/rules`, { body, headers })
    rules.push(rule.id)
  }

  console.log(`[bench] writing ${count(CATALOG_ITEMS)} catalog items, ${count(CAPI_EVENTS)} Conversions API events, ${count(PUBLICATIONS)} publications…`)
  const seedStarted = Date.now()
  await Promise.all([
    db(seedCatalogSql(CATALOG_ITEMS)),
    db(seedCapiSql(CAPI_EVENTS)),
    db(seedPublicationsSql(PUBLICATIONS, accounts)),
    db(seedWebhooksSql(WEBHOOK_CHANGES)),
    db(seedAdOrdersSql(AD_ORDERS)),
    db(seedDecisionsSql(rules[0], rules[1])),
  ])
  await db(`VACUUM ANALYZE`)
  const seedMs = Date.now() - seedStarted

  const byStatus = async (table: string) =>
    Object.fromEntries(
      (await db<{ status: string; n: string }>(`SELECT "status", count(*) AS "n" FROM "${table}" WHERE "deleted_at" IS NULL GROUP BY 1`)).map((r) => [r.status, Number(r.n)])
    )
  const [[wh], [dec]] = await Promise.all([
    db<{ n: string }>(`SELECT count(*) AS "n" FROM "meta_webhook_event" WHERE "status" = 'failed'`),
    db<{ n: string }>(`SELECT count(*) AS "n" FROM "meta_ad_rule_decision"`),
  ])
  const seeded: Seeded = {
    catalog: await byStatus("meta_catalog_item"),
    capi: await byStatus("meta_capi_event"),
    publications: await byStatus("meta_publication"),
    webhooksFailed: Number(wh.n),
    decisions: Number(dec.n),
  }
  return { store, headers, bootedMs, seedMs, seeded, accounts: accounts.length }
}

/** The overview's figures against the rows written (each must equal its table's count). */
function checkFigures(overview: any, seeded: Seeded): { ok: boolean; mismatches: string[] } {
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
  const expected: [string, unknown, unknown][] = [
    ["catalog.synced", overview.catalog.synced, seeded.catalog.synced ?? 0],
    ["catalog.errors", overview.catalog.errors, seeded.catalog.error ?? 0],
    ["catalog.needs_attention", overview.catalog.needs_attention, seeded.catalog.needs_attention ?? 0],
    ["catalog.pending", overview.catalog.pending, (seeded.catalog.pending ?? 0) + (seeded.catalog.deleting ?? 0)],
    ["capi.sent", overview.capi.sent, seeded.capi.sent ?? 0],
    ["capi.failed", overview.capi.failed, seeded.capi.failed ?? 0],
    ["capi.pending", overview.capi.pending, seeded.capi.pending ?? 0],
    ["capi.expired", overview.capi.expired, seeded.capi.expired ?? 0],
    ["capi.match_quality.events", overview.capi.match_quality.events, seeded.capi.sent ?? 0],
    ["publishing.total", overview.publishing.total, total(seeded.publications)],
    ["publishing.failed", overview.publishing.failed, seeded.publications.failed ?? 0],
    ["webhooks.failed", overview.webhooks.failed, seeded.webhooksFailed],
    ["ads.campaigns", overview.ads.campaigns, CAMPAIGNS],
  ]
  const mismatches = expected.filter(([, got, want]) => got !== want).map(([name, got, want]) => `${name} ${got} (rows: ${want})`)
  return { ok: mismatches.length === 0, mismatches }
}

async function requestPart(s: Setup): Promise<Part> {
  const { store, headers } = s
  const url = `${store.url}/admin/meta/overview`
  console.log(`[bench] ${WARMUP} warm-up + up to ${REQUESTS} requests of GET /admin/meta/overview…`)
  const loadBefore = loadavg()[0]
  const latencies: number[] = []
  let first: any
  let bytes = 0
  const until = Date.now() + REQUEST_BUDGET_MS
  for (let i = 0; i < WARMUP + REQUESTS && (i < WARMUP + 50 || Date.now() < until); i++) {
    const started = performance.now()
    const res = await fetch(url, { headers })
    const text = await res.text()
    const ms = performance.now() - started
    if (!res.ok) throw new Error(`GET /admin/meta/overview → ${res.status} ${text.slice(0, 300)}`)
    if (i === 0) {
      first = JSON.parse(text).overview
      bytes = text.length
    }
    if (i >= WARMUP) latencies.push(ms)
  }
  const load = loadavg()[0]
  const l = sorted(latencies)
  const p95 = percentile(l, 95)
  const figures = checkFigures(first, s.seeded)
  // The match-quality summary as the events screen answers it for the same filter.
  const screen = (await http<{ match_quality: unknown }>(`${store.url}/admin/meta/events/match-quality?status=sent`, { headers })).match_quality
  if (JSON.stringify(screen) !== JSON.stringify(first.capi.match_quality)) {
    figures.ok = false
    figures.mismatches.push(`capi.match_quality ${JSON.stringify(first.capi.match_quality)} (events screen: ${JSON.stringify(screen)})`)
  }
  console.log(`[bench] p50 ${fmtMs(percentile(l, 50))}, p95 ${fmtMs(p95)}, max ${fmtMs(l[l.length - 1])} over ${l.length} requests (load average ${loadBefore.toFixed(1)} before, ${load.toFixed(1)} after)`)
  if (!figures.ok) console.log(`[bench] figures differ: ${figures.mismatches.join("; ")}`)

  console.log("[bench] the match-quality count from every payload, for comparison…")
  const fromPayloads = await matchQualityFromPayloads()
  const sameSummary = JSON.stringify(fromPayloads.summary) === JSON.stringify(first.capi.match_quality)
  if (!sameSummary) {
    figures.ok = false
    figures.mismatches.push(`capi.match_quality from the payloads ${JSON.stringify(fromPayloads.summary)}`)
  }

  console.log("[bench] each read alone, inside the store…")
  const { reads } = await http<{ reads: Record<string, { p50: number; p95: number; runs: number }> }>(`${store.url}/bench/overview/reads`, { body: { runs: READ_RUNS }, timeoutMs: 300_000 })
  const slowest = Object.entries(reads)
    .filter(([name]) => !name.startsWith("the whole"))
    .sort((a, b) => b[1].p50 - a[1].p50)

  const mq = first.capi.match_quality
  return {
    met: p95 < P95_TARGET_MS && figures.ok && l.length >= 50,
    rows: [
      {
        metric: "GET /admin/meta/overview, p50 / p95",
        value: `${fmtMs(percentile(l, 50))} / ${fmtMs(p95)} over ${l.length} requests`,
        target: `p95 < ${P95_TARGET_MS} ms`,
        met: p95 < P95_TARGET_MS,
      },
      { metric: "GET /admin/meta/overview, max", value: fmtMs(l[l.length - 1]) },
      {
        metric: "the overview's figures equal the rows behind them",
        value: figures.ok ? `yes (catalog, Conversions API, publications, webhooks, campaigns; match quality equal to GET /admin/meta/events/match-quality?status=sent; ${(bytes / 1024).toFixed(1)} KiB of JSON)` : figures.mismatches.join("; "),
        target: "all equal",
        met: figures.ok,
      },
      {
        metric: "each read alone inside the store, p50 / p95 (slowest first)",
        value: slowest.map(([name, r]) => `${name} ${fmtMs(r.p50)} / ${fmtMs(r.p95)}${r.runs < READ_RUNS ? ` (${r.runs} runs)` : ""}`).join(" · "),
      },
      {
        metric: "for comparison: the match-quality count opening every sent event's payload (the read before the generated column), straight from PostgreSQL, p50 of 3",
        value: `${fmtMs(fromPayloads.ms)} (same summary as the overview's: ${sameSummary ? "yes" : "**no**"})`,
      },
      {
        metric: "readOverview inside the store (the reads side by side), p50 / p95",
        value: `${fmtMs(reads["the whole overview in the store (readOverview)"].p50)} / ${fmtMs(reads["the whole overview in the store (readOverview)"].p95)}`,
      },
      {
        metric: "what the overview showed",
        value: `catalog ${count(first.catalog.synced)} synced, ${count(first.catalog.pending)} pending, ${count(first.catalog.needs_attention)} need attention, ${count(first.catalog.errors)} errors · Conversions API ${count(first.capi.sent)} sent (${count(first.capi.sent_this_week)} this week), ${count(first.capi.failed)} failed, match quality over ${count(mq.events)} events: great ${count(mq.ratings.great)}, good ${count(mq.ratings.good)}, ok ${count(mq.ratings.ok)}, poor ${count(mq.ratings.poor)} · publications ${count(first.publishing.total)} (${first.publishing.scheduled_this_week} scheduled this week, ${first.publishing.published_this_week} published this week, ${count(first.publishing.failed)} failed) · ads ${first.ads.campaigns} campaigns (${first.ads.active_campaigns} active), spend this month ${first.ads.spend_this_month}, ${count(first.ads.rule_decisions_this_week)} rule decisions this week, store ROAS (30 d) ${first.ads.store_roas_last_30d} · ${first.suggestions.length} suggestions`,
      },
    ],
    notes: [
      `The machine meanwhile (2 cores shared with whatever else runs there): 1-minute load average ${loadBefore.toFixed(1)} before the requests, ${load.toFixed(1)} after them.`,
      `What makes it fast (migrations Migration20261203090415 of the meta module and Migration20261203090413 of meta-ads): every count reads an index alone. The match-quality summary groups the sent events by the stored generated column meta_capi_event.user_data_keys (the user_data keys carrying a value, computed by PostgreSQL from the payload on write) over the (status, user_data_keys) index, in the same pass as the totals per status; the period and failing counts use (status, event_time) and (status, updated_at); the catalog totals are one pass over (status, dirty, excluded, batch_id); rule decisions this week (evaluated_at, acted); the store revenue is read for the account's totals only; the reads that need neither the connection nor the account's time zone start beside it.`,
      `Requests: sequential, admin bearer token, client-side time on loopback until the whole body was read, ${WARMUP} warm-up, then ${REQUESTS} (or ${REQUEST_BUDGET_MS / 1000} s, at least 50). "Each read alone": a bench-only route of the temp copy (POST /bench/overview/reads) calls each module method the overview calls, with the overview's arguments, ${READ_RUNS} times (or 10 s) after 3 warm-up, one read at a time (the overview runs them side by side), then readOverview itself.`,
    ],
  }
}

async function main() {
  const parts: Part[] = []
  const emulator = await startGraphEmulator({ port: 0 })
  const appDir = snapshotAppDir("meta-bench-overview-", "overview", { "admin-user": ADMIN_USER_ROUTE, "spend-days": SPEND_DAYS_ROUTE, reads: READS_ROUTE })
  const port = await freePort()
  const store: Store = { name: "store", port, url: `http://localhost:${port}`, log: "" }
  let s: Setup | undefined
  try {
    s = await setup(emulator, store, appDir)
    parts.push(await requestPart(s))
  } catch (error) {
    console.error(`[bench] failed: ${(error as Error).stack ?? error}`)
    if (store.log) console.error(`[bench] last store output:\n${store.log.slice(-3000)}`)
    parts.push({ met: false, rows: [], notes: [`Not fully measured in this run: ${(error as Error).message.split("\n")[0]}`] })
  } finally {
    await stopGroup(store.child)
    await emulator.close()
    if (KEEP_DB) console.log(`[bench] kept the database ${DB_URL}`)
    else await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch(() => undefined)
    rmSync(appDir, { recursive: true, force: true })
  }
  const seeded = s?.seeded
  const rows = parts.flatMap((p) => p.rows)
  const notes = [
    `Store: one \`medusa start\` process (TypeScript sources as \`medusa develop\` runs them, without its file watcher; NODE_ENV=development, admin off, local event bus, in-process workflow engine, MEDUSA_WORKER_MODE=server so no scheduled job runs) of a snapshot of this repository in a temp directory, on a scratch PostgreSQL database on localhost (PostgreSQL's default settings, JIT on); the emulator in the bench's process on the same 2 cores. Migrated and booted ${s ? fmtS(s.bootedMs) : "(not reached)"} after the bench started.`,
    `Connected through the admin API (system-user token, pixel ${PIXEL}, ad account ${ACT}); the account (${CAMPAIGNS} campaigns × ${AD_SETS_PER_CAMPAIGN} ad sets × ${ADS_PER_AD_SET} ads, ${HISTORY_DAYS} days of delivery at the emulator) mirrored by POST /admin/meta/campaigns/sync and its spend days read by the spend-days workflow (a bench-only route runs it); two rules created through POST /admin/meta/rules.`,
    seeded
      ? `Written by SQL in ${fmtS(s!.seedMs)} (then VACUUM ANALYZE): catalog items ${count(CATALOG_ITEMS)} (${Object.entries(seeded.catalog).map(([k, v]) => `${k} ${count(v)}`).join(", ")}; 1 in 250 excluded); Conversions API events ${count(CAPI_EVENTS)} over 60 days (${Object.entries(seeded.capi).map(([k, v]) => `${k} ${count(v)}`).join(", ")}; Purchase 62 %, CompleteRegistration 8 %, AddToCart 14 %, InitiateCheckout 10 %, ViewContent 6 %; user_data with SHA-256 identifiers and the browser keys, in the key sets orders, registrations and browser events carry, ~1.1 KB of payload each); publications ${count(PUBLICATIONS)} from 330 days ago to 17 days ahead over the store's ${s!.accounts} publishing accounts (${Object.entries(seeded.publications).map(([k, v]) => `${k} ${count(v)}`).join(", ")}); webhook changes ${count(WEBHOOK_CHANGES)} over 60 days (${seeded.webhooksFailed} failed); orders attributed to ads ${count(AD_ORDERS)} over 45 days; rule decisions ${count(seeded.decisions)} (both rules every ${RULE_EVERY_HOURS} h for ${RULE_DAYS} days over every ad set / ad).`
      : "Not seeded.",
    ...parts.flatMap((p) => p.notes),
    `This run: ${fmtS(Date.now() - benchStarted)} in all. Traffic only on 127.0.0.1/localhost.`,
  ]
  if (rows.length && RECORDED) recordBenchmark("overview", "Overview: GET /admin/meta/overview on 100k catalog items, 100k events, 10k publications (issue 14)", rows, notes)
  else console.log(JSON.stringify({ rows, notes }, null, 2))
  if (parts.some((p) => !p.met)) process.exitCode = 1
}

main()
