import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203073421 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_ad_attribution" drop constraint if exists "meta_ad_attribution_order_id_unique";`);
    this.addSql(`create table if not exists "meta_ad_attribution" ("id" text not null, "order_id" text not null, "cart_id" text null, "source" text not null, "ad_meta_id" text null, "ad_set_meta_id" text null, "campaign_meta_id" text null, "currency_code" text not null, "total" numeric not null, "placed_at" timestamptz not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_ad_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_deleted_at" ON "meta_ad_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_order_id_unique" ON "meta_ad_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_placed_at" ON "meta_ad_attribution" ("placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_ad_meta_id_placed_at" ON "meta_ad_attribution" ("ad_meta_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_ad_set_meta_id_placed_at" ON "meta_ad_attribution" ("ad_set_meta_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_attribution_campaign_meta_id_placed_at" ON "meta_ad_attribution" ("campaign_meta_id", "placed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_ad_attribution" cascade;`);
  }

}
