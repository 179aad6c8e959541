import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202175200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_account_insight" drop constraint if exists "meta_account_insight_account_id_day_unique";`);
    this.addSql(`alter table if exists "meta_account_post" drop constraint if exists "meta_account_post_account_id_meta_id_unique";`);
    this.addSql(`alter table if exists "meta_publication_attribution" drop constraint if exists "meta_publication_attribution_order_id_unique";`);
    this.addSql(`alter table if exists "meta_publication_insight" drop constraint if exists "meta_publication_insight_publication_id_day_unique";`);
    this.addSql(`create table if not exists "meta_publication_insight" ("id" text not null, "day" text not null, "metrics" jsonb not null, "publication_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_publication_insight_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_insight_publication_id" ON "meta_publication_insight" ("publication_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_insight_deleted_at" ON "meta_publication_insight" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_publication_insight_publication_id_day_unique" ON "meta_publication_insight" ("publication_id", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_publication_attribution" ("id" text not null, "order_id" text not null, "cart_id" text null, "currency_code" text not null, "total" numeric not null, "placed_at" timestamptz not null, "publication_id" text not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_publication_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_attribution_publication_id" ON "meta_publication_attribution" ("publication_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_attribution_deleted_at" ON "meta_publication_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_publication_attribution_order_id_unique" ON "meta_publication_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_attribution_publication_id_placed_at" ON "meta_publication_attribution" ("publication_id", "placed_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_account_post" ("id" text not null, "meta_id" text not null, "published_at" timestamptz not null, "engagement" integer not null default 0, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_account_post_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_account_post_account_id" ON "meta_account_post" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_account_post_deleted_at" ON "meta_account_post" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_account_post_account_id_meta_id_unique" ON "meta_account_post" ("account_id", "meta_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_account_post_account_id_published_at" ON "meta_account_post" ("account_id", "published_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_account_insight" ("id" text not null, "day" text not null, "followers_count" integer null, "metrics" jsonb not null, "online_followers" jsonb null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_account_insight_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_account_insight_account_id" ON "meta_account_insight" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_account_insight_deleted_at" ON "meta_account_insight" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_account_insight_account_id_day_unique" ON "meta_account_insight" ("account_id", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "meta_publication_insight" add constraint "meta_publication_insight_publication_id_foreign" foreign key ("publication_id") references "meta_publication" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_publication_attribution" add constraint "meta_publication_attribution_publication_id_foreign" foreign key ("publication_id") references "meta_publication" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_account_post" add constraint "meta_account_post_account_id_foreign" foreign key ("account_id") references "meta_publishing_account" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_account_insight" add constraint "meta_account_insight_account_id_foreign" foreign key ("account_id") references "meta_publishing_account" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_publishing_account" add column if not exists "insights_refreshed_at" timestamptz null, add column if not exists "insights_unavailable_reason" text null;`);

    this.addSql(`alter table if exists "meta_publication" add column if not exists "metrics" jsonb null, add column if not exists "insights_refreshed_at" timestamptz null, add column if not exists "insights_unavailable_reason" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_status_published_at" ON "meta_publication" ("status", "published_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_publication_insight" cascade;`);

    this.addSql(`drop table if exists "meta_publication_attribution" cascade;`);

    this.addSql(`drop table if exists "meta_account_post" cascade;`);

    this.addSql(`drop table if exists "meta_account_insight" cascade;`);

    this.addSql(`alter table if exists "meta_publishing_account" drop column if exists "insights_refreshed_at", drop column if exists "insights_unavailable_reason";`);

    this.addSql(`drop index if exists "IDX_meta_publication_status_published_at";`);
    this.addSql(`alter table if exists "meta_publication" drop column if exists "metrics", drop column if exists "insights_refreshed_at", drop column if exists "insights_unavailable_reason";`);
  }

}
