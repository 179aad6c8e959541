import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203074225 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_api_usage" drop constraint if exists "meta_api_usage_process_key_unique";`);
    this.addSql(`alter table if exists "meta_alert_settings" drop constraint if exists "meta_alert_settings_scope_unique";`);
    this.addSql(`alter table if exists "meta_alert" drop constraint if exists "meta_alert_cause_key_unique";`);
    this.addSql(`alter table if exists "meta_ad_spend_day" drop constraint if exists "meta_ad_spend_day_ad_account_id_day_unique";`);
    this.addSql(`create table if not exists "meta_ad_spend_day" ("id" text not null, "ad_account_id" text not null, "day" text not null, "currency" text not null, "spend" text not null, "purchase_value" text not null, "purchases" integer not null default 0, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_spend_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_spend_day_deleted_at" ON "meta_ad_spend_day" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_spend_day_ad_account_id_day_unique" ON "meta_ad_spend_day" ("ad_account_id", "day") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_alert" ("id" text not null, "kind" text not null, "cause_key" text not null, "status" text check ("status" in ('active', 'resolved')) not null default 'active', "title" text not null, "description" text not null, "link" text not null, "numbers" jsonb null, "fired_at" timestamptz not null, "resolved_at" timestamptz null, "notification_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_alert_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_alert_deleted_at" ON "meta_alert" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_alert_cause_key_unique" ON "meta_alert" ("cause_key") WHERE deleted_at IS NULL AND status = 'active';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_alert_status_fired_at" ON "meta_alert" ("status", "fired_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_alert_settings" ("id" text not null, "scope" text not null default 'store', "settings" jsonb not null, "evaluated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_alert_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_alert_settings_deleted_at" ON "meta_alert_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_alert_settings_scope_unique" ON "meta_alert_settings" ("scope") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_api_usage" ("id" text not null, "process_key" text not null, "snapshot" jsonb not null, "recorded_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_api_usage_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_api_usage_deleted_at" ON "meta_api_usage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_api_usage_process_key_unique" ON "meta_api_usage" ("process_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_ad_spend_day" cascade;`);

    this.addSql(`drop table if exists "meta_alert" cascade;`);

    this.addSql(`drop table if exists "meta_alert_settings" cascade;`);

    this.addSql(`drop table if exists "meta_api_usage" cascade;`);
  }

}
