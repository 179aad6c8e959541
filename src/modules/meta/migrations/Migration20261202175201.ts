import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202175201 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_cart_context" add column if not exists "landing_url" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_cart_context" drop column if exists "landing_url";`);
  }

}
