import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203073542 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_ad_native_rule_run" drop constraint if exists "meta_ad_native_rule_run_meta_rule_id_ran_at_unique";`);
    this.addSql(`alter table if exists "meta_ad_native_rule" drop constraint if exists "meta_ad_native_rule_meta_rule_id_unique";`);
    this.addSql(`alter table if exists "meta_ad_native_rule" drop constraint if exists "meta_ad_native_rule_ad_account_meta_id_kind_unique";`);
    this.addSql(`create table if not exists "meta_ad_native_rule" ("id" text not null, "ad_account_meta_id" text not null, "kind" text check ("kind" in ('spend_cap', 'frequency_cap')) not null, "meta_rule_id" text not null, "spec" jsonb not null, "threshold" text not null, "status" text check ("status" in ('ENABLED', 'DISABLED')) not null default 'ENABLED', "history_synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_native_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_deleted_at" ON "meta_ad_native_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_ad_account_meta_id_kind_unique" ON "meta_ad_native_rule" ("ad_account_meta_id", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_meta_rule_id_unique" ON "meta_ad_native_rule" ("meta_rule_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_ad_native_rule_run" ("id" text not null, "meta_rule_id" text not null, "ran_at" timestamptz not null, "is_manual" boolean not null default false, "results" jsonb not null, "object_ids" text[] not null default '{}', "exception_code" integer null, "exception_message" text null, "rule_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_native_rule_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_run_rule_id" ON "meta_ad_native_rule_run" ("rule_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_run_deleted_at" ON "meta_ad_native_rule_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_run_meta_rule_id_ran_at_unique" ON "meta_ad_native_rule_run" ("meta_rule_id", "ran_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_native_rule_run_rule_id_ran_at" ON "meta_ad_native_rule_run" ("rule_id", "ran_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "meta_ad_native_rule_run" add constraint "meta_ad_native_rule_run_rule_id_foreign" foreign key ("rule_id") references "meta_ad_native_rule" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_ad_native_rule_run" drop constraint if exists "meta_ad_native_rule_run_rule_id_foreign";`);

    this.addSql(`drop table if exists "meta_ad_native_rule" cascade;`);

    this.addSql(`drop table if exists "meta_ad_native_rule_run" cascade;`);
  }

}
