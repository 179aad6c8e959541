import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122230217 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_catalog_item" drop constraint if exists "meta_catalog_item_variant_id_unique";`);
    this.addSql(`alter table if exists "meta_catalog_cursor" drop constraint if exists "meta_catalog_cursor_name_unique";`);
    this.addSql(`create table if not exists "meta_catalog_batch" ("id" text not null, "catalog_id" text not null, "handle" text null, "status" text check ("status" in ('sending', 'submitted', 'finished', 'failed')) not null default 'sending', "request_count" integer not null default 0, "item_ids" jsonb not null, "attempts" integer not null default 0, "next_poll_at" timestamptz null, "errors_total" integer not null default 0, "error" text null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_catalog_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_batch_deleted_at" ON "meta_catalog_batch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_batch_status" ON "meta_catalog_batch" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_catalog_cursor" ("id" text not null, "name" text not null, "position" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_catalog_cursor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_cursor_deleted_at" ON "meta_catalog_cursor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_catalog_cursor_name_unique" ON "meta_catalog_cursor" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_catalog_item" ("id" text not null, "variant_id" text not null, "product_id" text null, "retailer_id" text null, "catalog_id" text null, "status" text check ("status" in ('pending', 'synced', 'needs_attention', 'error', 'deleting', 'removed')) not null default 'pending', "dirty" boolean not null default true, "dirty_at" timestamptz null, "next_attempt_at" timestamptz null, "attempts" integer not null default 0, "content_hash" text null, "batch_id" text null, "claimed_at" timestamptz null, "sent_method" text null, "sent_hash" text null, "sent_retailer_id" text null, "last_synced_at" timestamptz null, "seen_in_meta_at" timestamptz null, "errors" jsonb null, "excluded" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_catalog_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_deleted_at" ON "meta_catalog_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_catalog_item_variant_id_unique" ON "meta_catalog_item" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_product_id" ON "meta_catalog_item" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_retailer_id" ON "meta_catalog_item" ("retailer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_status" ON "meta_catalog_item" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_dirty_dirty_at" ON "meta_catalog_item" ("dirty", "dirty_at") WHERE deleted_at IS NULL AND dirty = true;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_item_batch_id" ON "meta_catalog_item" ("batch_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_catalog_run" ("id" text not null, "kind" text check ("kind" in ('full_sync', 'reconcile')) not null, "status" text check ("status" in ('running', 'completed', 'failed', 'stopped')) not null default 'running', "catalog_id" text null, "total" integer not null default 0, "processed" integer not null default 0, "deleted" integer not null default 0, "message" text null, "started_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_catalog_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_run_deleted_at" ON "meta_catalog_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_run_kind_started_at" ON "meta_catalog_run" ("kind", "started_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_catalog_batch" cascade;`);

    this.addSql(`drop table if exists "meta_catalog_cursor" cascade;`);

    this.addSql(`drop table if exists "meta_catalog_item" cascade;`);

    this.addSql(`drop table if exists "meta_catalog_run" cascade;`);
  }

}
