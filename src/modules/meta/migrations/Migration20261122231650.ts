import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122231650 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_catalog_product_set" drop constraint if exists "meta_catalog_product_set_source_type_source_id_unique";`);
    this.addSql(`create table if not exists "meta_catalog_product_set" ("id" text not null, "source_type" text check ("source_type" in ('collection', 'category')) not null, "source_id" text not null, "catalog_id" text null, "meta_product_set_id" text null, "name" text null, "content_hash" text null, "retailer_ids" jsonb null, "item_count" integer not null default 0, "status" text check ("status" in ('pending', 'synced', 'error', 'removed')) not null default 'pending', "dirty" boolean not null default true, "error" text null, "last_synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_catalog_product_set_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_product_set_deleted_at" ON "meta_catalog_product_set" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_catalog_product_set_source_type_source_id_unique" ON "meta_catalog_product_set" ("source_type", "source_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_catalog_product_set_dirty" ON "meta_catalog_product_set" ("dirty") WHERE deleted_at IS NULL AND dirty = true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_catalog_product_set" cascade;`);
  }

}
