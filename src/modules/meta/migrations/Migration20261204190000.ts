import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A lead keeps the name of the form it came from, so the admin can show it instead of the form id. */
export class Migration20261204190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_lead" add column if not exists "form_name" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_lead" drop column if exists "form_name";`);
  }

}
