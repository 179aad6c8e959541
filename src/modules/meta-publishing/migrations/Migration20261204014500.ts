import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** A new kind, facebook_reel (Facebook Page reels through /{page-id}/video_reels). */
export class Migration20261204014500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" drop constraint if exists "meta_publication_kind_check";`);
    this.addSql(`alter table if exists "meta_publication" add constraint "meta_publication_kind_check" check ("kind" in ('instagram_image', 'instagram_carousel', 'instagram_reel', 'instagram_story', 'facebook_post', 'facebook_photo', 'facebook_multi_photo', 'facebook_video', 'facebook_reel'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "meta_publication" drop constraint if exists "meta_publication_kind_check";`);
    this.addSql(`alter table if exists "meta_publication" add constraint "meta_publication_kind_check" check ("kind" in ('instagram_image', 'instagram_carousel', 'instagram_reel', 'instagram_story', 'facebook_post', 'facebook_photo', 'facebook_multi_photo', 'facebook_video'));`);
  }

}
