import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203090413 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_ad_rule_decision_evaluated_at_acted" ON "meta_ad_rule_decision" ("evaluated_at", "acted") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_meta_ad_rule_decision_evaluated_at_acted";`);
  }

}
