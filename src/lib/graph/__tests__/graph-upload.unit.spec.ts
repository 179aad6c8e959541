import { GraphClient } from "../graph-client"
import { GraphError } from "../graph-error"
import { FakeGraphServer, metaError, sendJson } from "./fake-graph-server"

const TOKEN = "EAABsbCS1iHgBAKZCZApageToken0123456789"

describe("GraphClient.upload (a reel's rupload URL)", () => {
  const server = new FakeGraphServer()
  let client: GraphClient

  beforeAll(async () => {
    await server.start()
    client = new GraphClient({ graphApiUrl: server.url, apiVersion: "v25.0", appId: "1234567890", appSecret: "sandbox-app-secret-0123456789", sleep: async () => undefined })
  })
  afterAll(() => server.stop())

  it("posts to the upload URL with the token as Authorization: OAuth and the upload's headers, nothing in the URL", async () => {
    server.handle((_req, res) => sendJson(res, 200, { success: true }))
    const answer = await client.upload<{ success: boolean }>(`${server.url}/video-upload/v25.0/123`, { token: TOKEN, headers: { file_url: "https://cdn.shop.example/reel.mp4" } })
    expect(answer).toEqual({ success: true })
    const [request] = server.requests
    expect(request).toMatchObject({ method: "POST", path: "/video-upload/v25.0/123" })
    expect(request.headers.authorization).toBe(`OAuth ${TOKEN}`)
    expect(request.headers.file_url).toBe("https://cdn.shop.example/reel.mp4")
    expect([...request.query.keys()]).toEqual([])
  })

  it.each([
    "https://evil.example/video-upload/v25.0/123",
    "http://rupload.facebook.com/video-upload/v25.0/123",
    "https://rupload.facebook.com.evil.example/x",
    "not a url",
  ])("never sends the token to %s", async (url) => {
    server.handle((_req, res) => sendJson(res, 200, { success: true }))
    await expect(client.upload(url, { token: TOKEN })).rejects.toThrow(/upload/)
    expect(server.requests).toHaveLength(0)
  })

  it("answers Meta's errors as typed GraphErrors, never retried, the token redacted", async () => {
    server.handle((_req, res) => metaError(res, 400, { code: 100, message: `(#100) bad token ${TOKEN}` }))
    const error = await client.upload(`${server.url}/video-upload/v25.0/123`, { token: TOKEN }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GraphError)
    expect((error as GraphError).message).not.toContain(TOKEN)
    expect(server.requests).toHaveLength(1)
  })
})
