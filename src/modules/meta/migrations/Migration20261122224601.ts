import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122224601 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_oauth_state" drop constraint if exists "meta_oauth_state_nonce_unique";`);
    this.addSql(`alter table if exists "meta_asset" drop constraint if exists "meta_asset_type_meta_id_unique";`);
    this.addSql(`create table if not exists "meta_connection" ("id" text not null, "status" text check ("status" in ('active', 'expiring', 'expired', 'revoked', 'error')) not null default 'active', "method" text check ("method" in ('oauth', 'system_user')) not null, "meta_user_id" text null, "meta_user_name" text null, "token_type" text null, "access_token" text null, "token_expires_at" timestamptz null, "data_access_expires_at" timestamptz null, "granted_scopes" text[] not null default '{}', "declined_scopes" text[] not null default '{}', "business_id" text null, "page_id" text null, "instagram_account_id" text null, "ad_account_id" text null, "pixel_id" text null, "catalog_id" text null, "feature_overrides" jsonb null, "auto_setup_state" jsonb null, "last_error" text null, "last_error_code" integer null, "last_error_at" timestamptz null, "last_health_check_at" timestamptz null, "last_refreshed_at" timestamptz null, "connected_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_connection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_connection_deleted_at" ON "meta_connection" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_asset" ("id" text not null, "type" text check ("type" in ('business', 'page', 'instagram_account', 'ad_account', 'pixel', 'catalog')) not null, "meta_id" text not null, "name" text not null, "parent_meta_id" text null, "access_token" text null, "metadata" jsonb null, "connection_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_asset_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_asset_connection_id" ON "meta_asset" ("connection_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_asset_deleted_at" ON "meta_asset" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_asset_type_meta_id_unique" ON "meta_asset" ("type", "meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_oauth_state" ("id" text not null, "nonce" text not null, "user_id" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_oauth_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_oauth_state_nonce_unique" ON "meta_oauth_state" ("nonce") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_oauth_state_deleted_at" ON "meta_oauth_state" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "meta_asset" add constraint "meta_asset_connection_id_foreign" foreign key ("connection_id") references "meta_connection" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_asset" drop constraint if exists "meta_asset_connection_id_foreign";`);

    this.addSql(`drop table if exists "meta_connection" cascade;`);

    this.addSql(`drop table if exists "meta_asset" cascade;`);

    this.addSql(`drop table if exists "meta_oauth_state" cascade;`);
  }

}
