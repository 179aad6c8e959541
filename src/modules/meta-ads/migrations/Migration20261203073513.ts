import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203073513 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_ad_sync" drop constraint if exists "meta_ad_sync_ad_account_meta_id_unique";`);
    this.addSql(`create table if not exists "meta_ad_sync" ("id" text not null, "ad_account_meta_id" text not null, "state" text check ("state" in ('complete', 'partial', 'waiting')) not null default 'partial', "reason" text null, "resumes_at" timestamptz null, "progress" jsonb null, "calls" integer not null default 0, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_sync_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_sync_deleted_at" ON "meta_ad_sync" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_sync_ad_account_meta_id_unique" ON "meta_ad_sync" ("ad_account_meta_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_ad_sync" cascade;`);
  }

}
