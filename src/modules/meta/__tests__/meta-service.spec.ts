import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { GraphError } from "../../../lib/graph"
import { META_MODULE } from ".."
import { MetaAsset } from "../models/meta-asset"
import { MetaConnection } from "../models/meta-connection"
import { MetaOAuthState } from "../models/meta-oauth-state"
import MetaModuleService from "../service"

jest.setTimeout(60_000)

const options = {
  appId: "1234567890",
  appSecret: "module-test-app-secret",
  encryptionKey: "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
  graphApiUrl: "http://127.0.0.1:9",
  oauthDialogUrl: "http://127.0.0.1:9",
  backendUrl: "https://shop.example.com",
}

function authError(subcode: number) {
  return new GraphError({
    message: "Error validating access token: Session has expired",
    code: 190,
    subcode,
  })
}

moduleIntegrationTestRunner<MetaModuleService>({
  moduleName: META_MODULE,
  moduleModels: [MetaConnection, MetaAsset, MetaOAuthState],
  resolve: "./src/modules/meta",
  moduleOptions: options,
  testSuite: ({ service }) => {
    describe("OAuth state", () => {
      it("builds the dialog URL on the configured host with a redirect URI on the store", async () => {
        const url = new URL(await service.createOAuthDialogUrl("user_1"))
        expect(url.origin + url.pathname).toBe("http://127.0.0.1:9/v25.0/dialog/oauth")
        expect(url.searchParams.get("redirect_uri")).toBe(
          "https://shop.example.com/meta/oauth/callback"
        )
        expect(url.searchParams.get("client_id")).toBe("1234567890")
      })

      it("accepts a state once, for the user it was issued to", async () => {
        const state = new URL(await service.createOAuthDialogUrl("user_1")).searchParams.get("state")!
        await expect(service.consumeOAuthState(state)).resolves.toEqual({ ok: true, userId: "user_1" })
        await expect(service.consumeOAuthState(state)).resolves.toEqual({ ok: false, reason: "used" })
      })

      it("rejects tampered, foreign and garbage states", async () => {
        const state = new URL(await service.createOAuthDialogUrl("user_1")).searchParams.get("state")!
        const [payload, signature] = state.split(".")
        const otherPayload = Buffer.from(
          JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), u: "user_2" })
        ).toString("base64url")
        expect((await service.consumeOAuthState(`${otherPayload}.${signature}`)).ok).toBe(false)
        expect(await service.consumeOAuthState("not-a-state")).toEqual({ ok: false, reason: "malformed" })
        expect((await service.consumeOAuthState("")).ok).toBe(false)
        // the untouched state still works afterwards
        expect((await service.consumeOAuthState(state)).ok).toBe(true)
      })

      it("rejects a state after ten minutes", async () => {
        const state = new URL(await service.createOAuthDialogUrl("user_1")).searchParams.get("state")!
        const realNow = Date.now
        const spy = jest.spyOn(Date, "now").mockImplementation(() => realNow() + 10 * 60 * 1000 + 1)
        try {
          expect(await service.consumeOAuthState(state)).toEqual({ ok: false, reason: "expired" })
        } finally {
          spy.mockRestore()
        }
      })
    })

    describe("tokens at rest", () => {
      it("stores tokens sealed and hands them out opened", async () => {
        const sealed = service.sealSecret("EAAB-secret-token")
        expect(sealed).not.toContain("EAAB-secret-token")
        const connection = await service.createMetaConnections({
          method: "oauth",
          access_token: sealed,
        })
        const raw = await service.retrieveMetaConnection(connection.id)
        expect(raw.access_token).toBe(sealed)
        expect(await service.getConnectionToken()).toEqual({
          connectionId: connection.id,
          token: "EAAB-secret-token",
        })
      })

      it("hands out no token when the connection needs attention", async () => {
        await service.createMetaConnections({
          method: "oauth",
          status: "expired",
          access_token: service.sealSecret("EAAB-old"),
        })
        expect(await service.getConnectionToken()).toBeNull()
      })

      it("hands out no token once it has run out, even before a job noticed", async () => {
        await service.createMetaConnections({
          method: "oauth",
          access_token: service.sealSecret("EAAB-ran-out"),
          token_expires_at: new Date(Date.now() - 1000),
        })
        expect(await service.getConnectionToken()).toBeNull()
      })
    })

    describe("key rotation", () => {
      it("re-seals tokens sealed with an older key, including page tokens", async () => {
        const { TokenVault } = await import("../../../lib/vault")
        const oldKey = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE="
        const oldVault = TokenVault.fromKeys([oldKey])
        const connection = await service.createMetaConnections({
          method: "oauth",
          access_token: oldVault.encrypt("EAAB-user"),
        })
        await service.createMetaAssets({
          type: "page",
          meta_id: "30001",
          name: "Shop",
          access_token: oldVault.encrypt("EAAB-page"),
          connection_id: connection.id,
        })

        // the module only knows the new key: it cannot read old values…
        expect(() => service.openSecret(oldVault.encrypt("x"))).toThrow()
        // …so a module configured with [new, old] does the rotation
        const rotating = new (MetaModuleService as any)(
          (service as any).__container__,
          { ...options, encryptionKeys: [options.encryptionKey, oldKey], encryptionKey: undefined }
        ) as MetaModuleService
        expect(await rotating.reencryptSecrets()).toBe(2)
        expect(await rotating.reencryptSecrets()).toBe(0)
        expect(await service.getConnectionToken()).toEqual(
          expect.objectContaining({ token: "EAAB-user" })
        )
        const [page] = await service.listMetaAssets({ meta_id: "30001" })
        expect(service.openSecret(page.access_token!)).toBe("EAAB-page")
      })
    })

    describe("Graph failures", () => {
      it.each([
        [458, "revoked"],
        [463, "expired"],
        [460, "error"],
      ])("an auth error with subcode %i marks the connection %s", async (subcode, status) => {
        const connection = await service.createMetaConnections({
          method: "oauth",
          access_token: service.sealSecret("EAAB-x"),
        })
        await service.recordGraphFailure(connection.id, authError(subcode))
        const after = await service.retrieveMetaConnection(connection.id)
        expect(after.status).toBe(status)
        expect(after.last_error).toMatch(/Session has expired/)
        expect(after.last_error_code).toBe(190)
      })

      it("ignores errors that are not about the token", async () => {
        const connection = await service.createMetaConnections({ method: "oauth" })
        await service.recordGraphFailure(connection.id, new Error("socket hang up"))
        expect((await service.retrieveMetaConnection(connection.id)).status).toBe("active")
      })
    })

    describe("feature flags", () => {
      it("uses the options unless the admin overrode a feature", () => {
        expect(service.featureFlags(null).ads).toEqual({ enabled: true, source: "options" })
        expect(service.featureFlags({ feature_overrides: { ads: false } }).ads).toEqual({
          enabled: false,
          source: "admin",
        })
      })
    })
  },
})
