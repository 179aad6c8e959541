import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202123239 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_comment" add column if not exists "hidden_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_comment" drop column if exists "hidden_at";`);
  }

}
