import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202122943 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_publishing_account" drop constraint if exists "meta_publishing_account_platform_meta_id_unique";`);
    this.addSql(`create table if not exists "meta_publishing_account" ("id" text not null, "platform" text check ("platform" in ('instagram', 'facebook')) not null, "meta_id" text not null, "page_meta_id" text null, "name" text not null, "username" text null, "followers_count" integer null, "picture_url" text null, "enabled" boolean not null default false, "quota_usage" integer null, "quota_total" integer null, "quota_duration" integer null, "quota_checked_at" timestamptz null, "missing_since" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_publishing_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publishing_account_deleted_at" ON "meta_publishing_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_publishing_account_platform_meta_id_unique" ON "meta_publishing_account" ("platform", "meta_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_publication" ("id" text not null, "kind" text check ("kind" in ('instagram_image', 'instagram_carousel', 'instagram_reel', 'instagram_story', 'facebook_post', 'facebook_photo', 'facebook_multi_photo', 'facebook_video')) not null, "status" text check ("status" in ('draft', 'scheduled', 'publishing', 'published', 'failed', 'cancelled', 'missed')) not null default 'draft', "caption" text null, "media" jsonb not null, "product_ids" text[] not null default '{}', "link_url" text null, "first_comment" text null, "first_comment_id" text null, "scheduled_at" timestamptz null, "published_at" timestamptz null, "container_id" text null, "child_container_ids" jsonb null, "photo_ids" jsonb null, "publish_requested_at" timestamptz null, "meta_post_id" text null, "permalink" text null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "last_error" jsonb null, "revision" integer not null default 0, "claim_token" text null, "claimed_until" timestamptz null, "claimed_revision" integer null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_publication_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_account_id" ON "meta_publication" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_deleted_at" ON "meta_publication" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_status_next_attempt_at" ON "meta_publication" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_status_scheduled_at" ON "meta_publication" ("status", "scheduled_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_account_id_scheduled_at" ON "meta_publication" ("account_id", "scheduled_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_publication_meta_post_id" ON "meta_publication" ("meta_post_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "meta_publication" add constraint "meta_publication_account_id_foreign" foreign key ("account_id") references "meta_publishing_account" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" drop constraint if exists "meta_publication_account_id_foreign";`);

    this.addSql(`drop table if exists "meta_publishing_account" cascade;`);

    this.addSql(`drop table if exists "meta_publication" cascade;`);
  }

}
