/**
 * Permissions the emulator can grant, with the wording the consent page shows. Scopes outside this list
 * are ignored, as Meta's dialog does ("Invalid Scopes: … Users of your app will ignore these permissions").
 */
export const PERMISSION_DESCRIPTIONS: Record<string, string> = {
  public_profile: "Your name and profile picture",
  email: "Your email address",
  pages_show_list: "Show a list of the Pages you manage",
  pages_read_engagement: "Read content posted on your Pages",
  pages_manage_posts: "Create and manage content on your Pages",
  pages_manage_metadata: "Manage accounts, settings and webhooks for your Pages",
  pages_read_user_content: "Read user content on your Pages",
  pages_manage_engagement: "Manage comments on your Pages",
  read_insights: "Read Page insights",
  instagram_basic: "Access profile and posts from the Instagram accounts connected to your Pages",
  instagram_content_publish: "Create posts on the Instagram accounts connected to your Pages",
  instagram_manage_comments: "Manage comments on the Instagram accounts connected to your Pages",
  instagram_manage_insights: "Read insights of the Instagram accounts connected to your Pages",
  instagram_shopping_tag_products: "Tag products in Instagram posts",
  business_management: "Manage your business",
  catalog_management: "Manage your product catalogs",
  ads_management: "Manage your ads",
  ads_read: "Read your ads performance",
  leads_retrieval: "Retrieve leads from your lead ads",
}

export const KNOWN_PERMISSIONS = Object.keys(PERMISSION_DESCRIPTIONS)

/** Meta always grants public_profile with a login. */
export function grantableScopes(requested: string[]): { granted: string[]; unknown: string[] } {
  const granted = new Set<string>(["public_profile"])
  const unknown: string[] = []
  for (const scope of requested) {
    if (PERMISSION_DESCRIPTIONS[scope]) granted.add(scope)
    else unknown.push(scope)
  }
  return { granted: KNOWN_PERMISSIONS.filter((p) => granted.has(p)), unknown }
}

export function parseScopeParam(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}
