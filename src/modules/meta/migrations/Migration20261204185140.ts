import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204185140 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "meta_webhook_subscription" ("id" text not null, "last_verified_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_webhook_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_webhook_subscription_deleted_at" ON "meta_webhook_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_webhook_subscription" cascade;`);
  }

}
