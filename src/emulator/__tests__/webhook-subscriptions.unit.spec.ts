import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { createHash } from "node:crypto"
import { startGraphEmulator, type GraphEmulator } from "../index"
import { APP_ID, graphGet, graphSend } from "./emulator-test-client"

const PAGE = "30001"

describe("emulator: webhook subscriptions", () => {
  let emulator: GraphEmulator
  let userToken: string
  let pageToken: string

  beforeAll(async () => {
    emulator = await startGraphEmulator()
  })
  afterAll(() => emulator.close())
  beforeEach(async () => {
    emulator.reset()
    userToken = emulator.createSystemUserToken()
    pageToken = (await graphGet(emulator, PAGE, userToken, { fields: "access_token" })).body.access_token
  })

  describe("/{page_id}/subscribed_apps", () => {
    it("subscribes the app with the Page's token and lists it with its fields", async () => {
      expect((await graphGet(emulator, `${PAGE}/subscribed_apps`, pageToken)).body.data).toEqual([])
      const created = await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, pageToken, { subscribed_fields: "feed,leadgen" })
      expect(created).toMatchObject({ status: 200, body: { success: true } })
      await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, pageToken, { subscribed_fields: "leadgen,mention" })
      const listed = await graphGet(emulator, `${PAGE}/subscribed_apps`, pageToken)
      expect(listed.body.data).toEqual([expect.objectContaining({ id: APP_ID, subscribed_fields: ["feed", "leadgen", "mention"] })])
      expect(emulator.subscriptions.subscribedApps(PAGE)).toEqual({ [APP_ID]: ["feed", "leadgen", "mention"] })
      expect(emulator.subscriptions.subscribedApps("30002")).toEqual({})
    })

    it("refuses a user token (210), another Page's token, and a token without pages_manage_metadata (200)", async () => {
      const byUser = await graphGet(emulator, `${PAGE}/subscribed_apps`, userToken)
      expect(byUser.status).toBe(400)
      expect(byUser.body.error.code).toBe(210)
      const otherPage = (await graphGet(emulator, "30002", userToken, { fields: "access_token" })).body.access_token
      expect((await graphGet(emulator, `${PAGE}/subscribed_apps`, otherPage)).body.error.code).toBe(100)
      const narrow = emulator.createSystemUserToken({ scopes: ["pages_show_list", "business_management"] })
      const narrowPage = (await graphGet(emulator, PAGE, narrow, { fields: "access_token" })).body.access_token
      const refused = await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, narrowPage, { subscribed_fields: "feed" })
      expect(refused.body.error.code).toBe(200)
      expect(emulator.subscriptions.subscribedApps(PAGE)).toEqual({})
    })

    it("requires subscribed_fields and refuses unknown ones", async () => {
      const missing = await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, pageToken)
      expect(missing.body.error.message).toMatch(/subscribed_fields is required/)
      const unknown = await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, pageToken, { subscribed_fields: "feed,everything" })
      expect(unknown.body.error.message).toMatch(/subscribed_fields\[1\] must be one of/)
      expect(emulator.subscriptions.subscribedApps(PAGE)).toEqual({})
    })

    it("forgets subscriptions on reset", async () => {
      await graphSend(emulator, "POST", `${PAGE}/subscribed_apps`, pageToken, { subscribed_fields: "feed" })
      emulator.reset()
      expect(emulator.subscriptions.subscribedApps(PAGE)).toEqual({})
    })
  })

  describe("pixel last_fired_time", () => {
    it("is absent until the pixel receives an event, then Graph's datetime of the latest", async () => {
      expect((await graphGet(emulator, "60001", userToken, { fields: "last_fired_time" })).body).toEqual({ id: "60001" })
      const event = {
        event_name: "Lead",
        event_time: Math.floor(Date.now() / 1000) - 5,
        action_source: "system_generated",
        user_data: { em: [createHash("sha256").update("a@b.co").digest("hex")] },
      }
      expect((await graphSend(emulator, "POST", "60001/events", userToken, { data: [event] })).status).toBe(200)
      const fired = (await graphGet(emulator, "60001", userToken, { fields: "last_fired_time" })).body.last_fired_time
      expect(fired).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/)
      expect(Math.abs(new Date(fired.replace("+0000", "Z")).getTime() - Date.now())).toBeLessThan(5000)
    })
  })

  describe("verifyCallback", () => {
    let server: Server
    let url: string
    const seen: URLSearchParams[] = []

    beforeAll(async () => {
      server = createServer((req, res) => {
        const query = new URL(req.url ?? "/", "http://x").searchParams
        seen.push(query)
        if (query.get("hub.verify_token") !== "right-token") {
          res.writeHead(403).end("Forbidden")
          return
        }
        const echo = query.get("hub.challenge") ?? ""
        res.writeHead(200, { "content-type": "text/plain" }).end(req.url?.includes("wrong-echo") ? `${echo}0` : echo)
      })
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/meta/webhooks`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it("sends Meta's handshake and accepts only the exact challenge back", async () => {
      expect(await emulator.subscriptions.verifyCallback(url, "right-token")).toMatchObject({ verified: true, status: 200 })
      const query = seen[seen.length - 1]
      expect(query.get("hub.mode")).toBe("subscribe")
      expect(query.get("hub.challenge")).toMatch(/^\d{10}$/)
      expect(await emulator.subscriptions.verifyCallback(url, "wrong-token")).toMatchObject({ verified: false, status: 403 })
      expect(await emulator.subscriptions.verifyCallback(`${url}?wrong-echo=1`, "right-token")).toMatchObject({ verified: false, status: 200 })
    })
  })
})
