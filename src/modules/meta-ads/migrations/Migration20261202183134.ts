import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202183134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_ad" drop constraint if exists "meta_ad_meta_id_unique";`);
    this.addSql(`alter table if exists "meta_ad_set" drop constraint if exists "meta_ad_set_meta_id_unique";`);
    this.addSql(`alter table if exists "meta_campaign" drop constraint if exists "meta_campaign_meta_id_unique";`);
    this.addSql(`alter table if exists "meta_ad_rule_decision" drop constraint if exists "meta_ad_rule_decision_evaluation_id_object_meta_id_unique";`);
    this.addSql(`alter table if exists "meta_ad_change" drop constraint if exists "meta_ad_change_idempotency_key_unique";`);
    this.addSql(`alter table if exists "meta_ad_account" drop constraint if exists "meta_ad_account_meta_id_unique";`);
    this.addSql(`create table if not exists "meta_ad_account" ("id" text not null, "meta_id" text not null, "name" text not null, "currency" text not null, "timezone_name" text not null, "account_status" integer null, "minimum_budgets" jsonb null, "usage_pct" integer null, "synced_at" timestamptz null, "rules_paused" boolean not null default false, "daily_budget_ceiling" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_account_deleted_at" ON "meta_ad_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_account_meta_id_unique" ON "meta_ad_account" ("meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad_change" ("id" text not null, "object_type" text check ("object_type" in ('campaign', 'ad_set', 'ad')) not null, "object_meta_id" text not null, "actor" text not null, "action" text not null, "before" jsonb null, "after" jsonb null, "request" jsonb not null, "status" text check ("status" in ('pending', 'applied', 'failed')) not null default 'pending', "error" text null, "idempotency_key" text null, "applied_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_change_deleted_at" ON "meta_ad_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_change_idempotency_key_unique" ON "meta_ad_change" ("idempotency_key") WHERE deleted_at IS NULL AND idempotency_key IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_change_object_meta_id_created_at" ON "meta_ad_change" ("object_meta_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad_rule" ("id" text not null, "name" text not null, "enabled" boolean not null default true, "template" text null, "definition" jsonb not null, "last_evaluated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_deleted_at" ON "meta_ad_rule" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad_rule_decision" ("id" text not null, "evaluation_id" text not null, "object_type" text not null, "object_meta_id" text not null, "acted" boolean not null, "action" text not null, "skip_code" text null, "skipped_reason" text null, "note" text null, "lookback" text not null, "numbers" jsonb not null, "before" jsonb not null, "after" jsonb not null, "dry_run" boolean not null default false, "change_id" text null, "evaluated_at" timestamptz not null, "rule_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_rule_decision_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_rule_id" ON "meta_ad_rule_decision" ("rule_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_deleted_at" ON "meta_ad_rule_decision" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_rule_id_evaluated_at" ON "meta_ad_rule_decision" ("rule_id", "evaluated_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_object_meta_id_evaluated_at" ON "meta_ad_rule_decision" ("object_meta_id", "evaluated_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_evaluation_id_object_meta_id_unique" ON "meta_ad_rule_decision" ("evaluation_id", "object_meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_campaign" ("id" text not null, "meta_id" text not null, "name" text not null, "objective" text not null, "status" text not null, "effective_status" text not null, "daily_budget" text null, "lifetime_budget" text null, "bid_strategy" text null, "special_ad_categories" jsonb null, "start_time" timestamptz null, "stop_time" timestamptz null, "insights" jsonb null, "synced_at" timestamptz null, "ad_account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_campaign_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_campaign_ad_account_id" ON "meta_campaign" ("ad_account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_campaign_deleted_at" ON "meta_campaign" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_campaign_meta_id_unique" ON "meta_campaign" ("meta_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_campaign_ad_account_id_effective_status" ON "meta_campaign" ("ad_account_id", "effective_status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad_set" ("id" text not null, "meta_id" text not null, "name" text not null, "status" text not null, "effective_status" text not null, "daily_budget" text null, "lifetime_budget" text null, "bid_strategy" text null, "optimization_goal" text null, "billing_event" text null, "targeting" jsonb null, "promoted_object" jsonb null, "start_time" timestamptz null, "end_time" timestamptz null, "insights" jsonb null, "synced_at" timestamptz null, "campaign_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_set_campaign_id" ON "meta_ad_set" ("campaign_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_set_deleted_at" ON "meta_ad_set" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_set_meta_id_unique" ON "meta_ad_set" ("meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad" ("id" text not null, "meta_id" text not null, "name" text not null, "status" text not null, "effective_status" text not null, "creative" jsonb null, "review_feedback" jsonb null, "product_ids" text[] not null default '{}', "insights" jsonb null, "synced_at" timestamptz null, "ad_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_ad_set_id" ON "meta_ad" ("ad_set_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_deleted_at" ON "meta_ad" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_meta_id_unique" ON "meta_ad" ("meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "meta_ad_rule_decision" add constraint "meta_ad_rule_decision_rule_id_foreign" foreign key ("rule_id") references "meta_ad_rule" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_campaign" add constraint "meta_campaign_ad_account_id_foreign" foreign key ("ad_account_id") references "meta_ad_account" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_ad_set" add constraint "meta_ad_set_campaign_id_foreign" foreign key ("campaign_id") references "meta_campaign" ("id") on update cascade;`);

    this.addSql(`alter table if exists "meta_ad" add constraint "meta_ad_ad_set_id_foreign" foreign key ("ad_set_id") references "meta_ad_set" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_campaign" drop constraint if exists "meta_campaign_ad_account_id_foreign";`);

    this.addSql(`alter table if exists "meta_ad_rule_decision" drop constraint if exists "meta_ad_rule_decision_rule_id_foreign";`);

    this.addSql(`alter table if exists "meta_ad_set" drop constraint if exists "meta_ad_set_campaign_id_foreign";`);

    this.addSql(`alter table if exists "meta_ad" drop constraint if exists "meta_ad_ad_set_id_foreign";`);

    this.addSql(`drop table if exists "meta_ad_account" cascade;`);

    this.addSql(`drop table if exists "meta_ad_change" cascade;`);

    this.addSql(`drop table if exists "meta_ad_rule" cascade;`);

    this.addSql(`drop table if exists "meta_ad_rule_decision" cascade;`);

    this.addSql(`drop table if exists "meta_campaign" cascade;`);

    this.addSql(`drop table if exists "meta_ad_set" cascade;`);

    this.addSql(`drop table if exists "meta_ad" cascade;`);
  }

}
