import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261204013000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" add column if not exists "product_tags" jsonb null, add column if not exists "publish_warnings" jsonb null;`);
    this.addSql(`alter table if exists "meta_publishing_account" add column if not exists "product_tag_eligible" boolean null, add column if not exists "product_tag_checked_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" drop column if exists "product_tags", drop column if exists "publish_warnings";`);
    this.addSql(`alter table if exists "meta_publishing_account" drop column if exists "product_tag_eligible", drop column if exists "product_tag_checked_at";`);
  }

}
