import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The overview's reads from the index alone: Conversions API events per status in a period and failing since
 * a time, catalog totals in one pass, and the match-quality summary over every sent event.
 *
 * `meta_capi_event.user_data_keys` is a stored generated column (written by PostgreSQL on every insert and
 * update, whoever writes the row): the user_data keys of the payload that carry a value — a non-empty array
 * (hashed identifiers) or a non-empty string (browser keys), as presentUserDataKeys in src/lib/capi — sorted
 * and joined by one space, in the "C" collation so that grouping compares bytes. Grouping on it reads a small
 * index instead of every payload. Medusa's data models cannot declare a generated column, so it lives here
 * only (not in the model nor the snapshot, which a later `db:generate` therefore leaves alone). Adding it
 * rewrites the outbox table once.
 */
export class Migration20261203090415 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE OR REPLACE FUNCTION "meta_capi_user_data_keys"("payload" jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT COALESCE(string_agg("key", ' ' ORDER BY "key" COLLATE "C"), '')
          FROM jsonb_each(CASE WHEN jsonb_typeof("payload"->'user_data') = 'object' THEN "payload"->'user_data' ELSE '{}'::jsonb END)
         WHERE "key" ~ '^[a-z_]+$'
           AND ((jsonb_typeof("value") = 'array' AND jsonb_array_length("value") > 0)
             OR (jsonb_typeof("value") = 'string' AND "value" #>> '{}' <> ''))
      $$;`);
    this.addSql(`alter table if exists "meta_capi_event" add column if not exists "user_data_keys" text collate "C" generated always as ("meta_capi_user_data_keys"("payload")) stored;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_status_user_data_keys" ON "meta_capi_event" ("status", "user_data_keys") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_status_event_time" ON "meta_capi_event" ("status", "event_time") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_status_updated_at" ON "meta_capi_event" ("status", "updated_at") WHERE deleted_at IS NULL;`);

    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_status_dirty_excluded_batch_id" ON "meta_catalog_item" ("status", "dirty", "excluded", "batch_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_meta_capi_event_status_user_data_keys";`);
    this.addSql(`alter table if exists "meta_capi_event" drop column if exists "user_data_keys";`);
    this.addSql(`drop function if exists "meta_capi_user_data_keys"(jsonb);`);

    this.addSql(`drop index if exists "IDX_meta_capi_event_status_event_time";`);
    this.addSql(`drop index if exists "IDX_meta_capi_event_status_updated_at";`);

    this.addSql(`drop index if exists "IDX_meta_catalog_item_status_dirty_excluded_batch_id";`);
  }

}
