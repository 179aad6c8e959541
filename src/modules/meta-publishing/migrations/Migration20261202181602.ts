import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202181602 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" add column if not exists "prepared_revision" integer null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_scheduled_at" ON "meta_publication" ("scheduled_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_published_at" ON "meta_publication" ("published_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_account_id_published_at" ON "meta_publication" ("account_id", "published_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_meta_publication_scheduled_at";`);
    this.addSql(`drop index if exists "IDX_meta_publication_published_at";`);
    this.addSql(`drop index if exists "IDX_meta_publication_account_id_published_at";`);
    this.addSql(`alter table if exists "meta_publication" drop column if exists "prepared_revision";`);
  }

}
