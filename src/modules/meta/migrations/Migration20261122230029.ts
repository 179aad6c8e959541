import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122230029 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_webhook_event" drop constraint if exists "meta_webhook_event_idempotency_key_unique";`);
    this.addSql(`alter table if exists "meta_lead" drop constraint if exists "meta_lead_leadgen_id_unique";`);
    this.addSql(`alter table if exists "meta_data_deletion_request" drop constraint if exists "meta_data_deletion_request_confirmation_code_unique";`);
    this.addSql(`alter table if exists "meta_comment" drop constraint if exists "meta_comment_comment_id_unique";`);
    this.addSql(`alter table if exists "meta_cart_context" drop constraint if exists "meta_cart_context_cart_id_unique";`);
    this.addSql(`alter table if exists "meta_capi_event" drop constraint if exists "meta_capi_event_pixel_id_event_name_event_id_unique";`);
    this.addSql(`create table if not exists "meta_capi_event" ("id" text not null, "pixel_id" text not null, "event_name" text not null, "event_id" text not null, "subject_id" text null, "status" text check ("status" in ('pending', 'sent', 'failed', 'expired')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "event_time" timestamptz not null, "payload" jsonb not null, "test_event_code" text null, "response" jsonb null, "last_error" text null, "last_error_code" integer null, "sent_at" timestamptz null, "replayed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_capi_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_deleted_at" ON "meta_capi_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_capi_event_pixel_id_event_name_event_id_unique" ON "meta_capi_event" ("pixel_id", "event_name", "event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_status_next_attempt_at" ON "meta_capi_event" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_event_subject_id" ON "meta_capi_event" ("subject_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_capi_setting" ("id" text not null, "test_event_code" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_capi_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_capi_setting_deleted_at" ON "meta_capi_setting" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_cart_context" ("id" text not null, "cart_id" text not null, "consent" boolean not null default true, "fbp" text null, "fbc" text null, "client_ip_address" text null, "client_user_agent" text null, "event_source_url" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_cart_context_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_cart_context_cart_id_unique" ON "meta_cart_context" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_cart_context_deleted_at" ON "meta_cart_context" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_comment" ("id" text not null, "comment_id" text not null, "platform" text check ("platform" in ('facebook', 'instagram')) not null, "kind" text check ("kind" in ('comment', 'mention')) not null default 'comment', "media_id" text null, "parent_id" text null, "publication_id" text null, "author_id" text null, "author_name" text null, "text" text null, "created_time" timestamptz null, "read_at" timestamptz null, "connection_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_comment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_comment_deleted_at" ON "meta_comment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_comment_comment_id_unique" ON "meta_comment" ("comment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_comment_media_id" ON "meta_comment" ("media_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_comment_publication_id" ON "meta_comment" ("publication_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_data_deletion_request" ("id" text not null, "confirmation_code" text not null, "meta_user_id" text not null, "status" text check ("status" in ('pending', 'completed', 'failed')) not null default 'pending', "summary" jsonb null, "last_error" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_data_deletion_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_data_deletion_request_confirmation_code_unique" ON "meta_data_deletion_request" ("confirmation_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_data_deletion_request_deleted_at" ON "meta_data_deletion_request" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_lead" ("id" text not null, "leadgen_id" text not null, "page_id" text null, "form_id" text null, "ad_id" text null, "adset_id" text null, "campaign_id" text null, "platform" text null, "is_organic" boolean null, "answers" jsonb not null, "consents" jsonb not null, "customer_id" text null, "connection_id" text null, "lead_created_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_lead_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_lead_deleted_at" ON "meta_lead" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_lead_leadgen_id_unique" ON "meta_lead" ("leadgen_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_lead_customer_id" ON "meta_lead" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "meta_webhook_event" ("id" text not null, "object" text not null, "field" text not null, "entry_id" text not null, "entry_time" timestamptz null, "idempotency_key" text not null, "payload" jsonb not null, "status" text check ("status" in ('received', 'processing', 'processed', 'failed')) not null default 'received', "outcome" text null, "attempts" integer not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "processed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "meta_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_webhook_event_deleted_at" ON "meta_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_meta_webhook_event_idempotency_key_unique" ON "meta_webhook_event" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_meta_webhook_event_status_next_attempt_at" ON "meta_webhook_event" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "meta_capi_event" cascade;`);

    this.addSql(`drop table if exists "meta_capi_setting" cascade;`);

    this.addSql(`drop table if exists "meta_cart_context" cascade;`);

    this.addSql(`drop table if exists "meta_comment" cascade;`);

    this.addSql(`drop table if exists "meta_data_deletion_request" cascade;`);

    this.addSql(`drop table if exists "meta_lead" cascade;`);

    this.addSql(`drop table if exists "meta_webhook_event" cascade;`);
  }

}
