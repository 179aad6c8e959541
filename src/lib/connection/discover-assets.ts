import { GraphClient, GraphError } from "../graph"
import type { DiscoveredAsset } from "./select-assets"

export type DiscoveredPage = DiscoveredAsset & { page_token: string | null }

export type Discovery = {
  assets: (DiscoveredAsset | DiscoveredPage)[]
  /** Edges Meta refused (missing permission): discovery goes on without them and says so. */
  warnings: string[]
}

type Named = { id: string; name?: string }
type PageRow = Named & {
  access_token?: string
  category?: string
  tasks?: string[]
  instagram_business_account?: { id: string }
}
type InstagramRow = Named & { username?: string }
type AdAccountRow = Named & {
  account_id?: string
  currency?: string
  account_status?: number
  timezone_name?: string
}
type CatalogRow = Named & { product_count?: number; vertical?: string }

/**
 * Finds everything the token can use: businesses, pages (with their page tokens), the Instagram
 * accounts linked to those pages, and each business's ad accounts, pixels and catalogs.
 * An auth error stops discovery (the token is bad); a permission error on one edge only drops that
 * edge, because a merchant may legitimately not grant, say, ads permissions.
 */
export async function discoverAssets(graph: GraphClient, token: string): Promise<Discovery> {
  const assets: (DiscoveredAsset | DiscoveredPage)[] = []
  const warnings: string[] = []

  async function list<T>(path: string, fields: string, what: string): Promise<T[]> {
    try {
      return await graph.listAll<T>(path, { token, params: { fields, limit: 100 } })
    } catch (error) {
      if (error instanceof GraphError && (error.category === "permission" || error.category === "invalid")) {
        warnings.push(`Could not read ${what}: ${error.message}`)
        return []
      }
      throw error
    }
  }

  const businesses = await list<Named>("me/businesses", "id,name", "businesses")
  for (const business of businesses) {
    assets.push(asset("business", business.id, business.name, null, null))
  }

  const pages = await list<PageRow>(
    "me/accounts",
    "id,name,access_token,category,tasks,instagram_business_account",
    "Facebook pages"
  )
  for (const page of pages) {
    assets.push({
      ...asset("page", page.id, page.name, null, {
        category: page.category ?? null,
        tasks: page.tasks ?? [],
      }),
      page_token: page.access_token ?? null,
    })
    const instagramId = page.instagram_business_account?.id
    if (instagramId) {
      let username: string | undefined
      let name: string | undefined
      try {
        const ig = await graph.get<InstagramRow>(instagramId, {
          token,
          params: { fields: "id,username,name" },
        })
        username = ig.username
        name = ig.name
      } catch (error) {
        if (!(error instanceof GraphError) || error.category === "auth") {
          throw error
        }
        warnings.push(`Could not read Instagram account ${instagramId}: ${error.message}`)
      }
      assets.push(
        asset("instagram_account", instagramId, username ? `@${username}` : name, page.id, {
          username: username ?? null,
        })
      )
    }
  }

  for (const business of businesses) {
    const adAccounts = await list<AdAccountRow>(
      `${business.id}/owned_ad_accounts`,
      "id,account_id,name,currency,account_status,timezone_name",
      `ad accounts of ${business.name ?? business.id}`
    )
    for (const account of adAccounts) {
      assets.push(
        asset("ad_account", account.id, account.name, business.id, {
          currency: account.currency ?? null,
          account_status: account.account_status ?? null,
          timezone_name: account.timezone_name ?? null,
        })
      )
    }
    const pixels = await list<Named>(
      `${business.id}/adspixels`,
      "id,name",
      `pixels of ${business.name ?? business.id}`
    )
    for (const pixel of pixels) {
      assets.push(asset("pixel", pixel.id, pixel.name, business.id, null))
    }
    const catalogs = await list<CatalogRow>(
      `${business.id}/owned_product_catalogs`,
      "id,name,product_count,vertical",
      `catalogs of ${business.name ?? business.id}`
    )
    for (const catalog of catalogs) {
      assets.push(
        asset("catalog", catalog.id, catalog.name, business.id, {
          product_count: catalog.product_count ?? null,
          vertical: catalog.vertical ?? null,
        })
      )
    }
  }

  return { assets: dedupe(assets), warnings }
}

function asset(
  type: DiscoveredAsset["type"],
  metaId: string,
  name: string | undefined,
  parent: string | null,
  metadata: Record<string, unknown> | null
): DiscoveredAsset {
  return { type, meta_id: String(metaId), name: name || String(metaId), parent_meta_id: parent, metadata }
}

/** The same object can come through two edges (e.g. a pixel shared by two businesses). */
function dedupe<T extends DiscoveredAsset>(assets: T[]): T[] {
  const seen = new Set<string>()
  return assets.filter((a) => {
    const key = `${a.type}:${a.meta_id}`
    if (seen.has(key)) {
      return false
    }
    seen.add(key)
    return true
  })
}
