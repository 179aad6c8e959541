import { GraphEmulator, startGraphEmulator } from "../../../emulator"
import { GraphClient, GraphError } from "../../graph"
import { discoverAssets } from "../discover-assets"

const app = { appId: "777000111", appSecret: "discovery-test-secret" }
let emulator: GraphEmulator
let graph: GraphClient

beforeAll(async () => {
  emulator = await startGraphEmulator({ port: 0, apps: [app] })
  graph = new GraphClient({
    graphApiUrl: emulator.url,
    apiVersion: "v25.0",
    appId: app.appId,
    appSecret: app.appSecret,
    maxRetries: 0,
  })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

describe("discoverAssets (against the Graph API emulator)", () => {
  it("finds businesses, pages with their tokens, linked Instagram accounts, ad accounts and pixels", async () => {
    const { assets, warnings } = await discoverAssets(graph, emulator.createSystemUserToken())
    expect(warnings).toEqual([])
    const summary = assets.map((a) => `${a.type}:${a.meta_id}:${a.parent_meta_id ?? "-"}`)
    expect(summary).toEqual(
      expect.arrayContaining([
        "business:20001:-",
        "page:30001:-",
        "page:30002:-",
        "instagram_account:40001:30001",
        "ad_account:act_50001:20001",
        "ad_account:act_50002:20001",
        "pixel:60001:20001",
      ])
    )
    expect(assets.filter((a) => a.type === "catalog")).toEqual([])
    const page = assets.find((a) => a.meta_id === "30001") as any
    expect(page.page_token).toEqual(expect.any(String))
    expect(emulator.tokenInfo(page.page_token)?.type).toBe("PAGE")
    expect(assets.find((a) => a.meta_id === "40001")?.name).toBe("@acmestore")
    expect(assets.find((a) => a.meta_id === "act_50002")?.metadata).toEqual(
      expect.objectContaining({ currency: "EUR" })
    )
  })

  it("drops the edges a narrow token may not read, and says which", async () => {
    const token = emulator.createSystemUserToken({ scopes: ["business_management", "pages_show_list"] })
    const { assets, warnings } = await discoverAssets(graph, token)
    expect(assets.some((a) => a.type === "business")).toBe(true)
    expect(assets.some((a) => a.type === "catalog")).toBe(false)
    expect(warnings.join("\n")).toMatch(/catalogs of Acme Commerce/)
  })

  it("stops on a dead token instead of returning a half-empty world", async () => {
    const token = emulator.createSystemUserToken()
    emulator.revokeToken(token)
    await expect(discoverAssets(graph, token)).rejects.toMatchObject({ category: "auth", code: 190 })
    await expect(discoverAssets(graph, token)).rejects.toBeInstanceOf(GraphError)
  })
})
