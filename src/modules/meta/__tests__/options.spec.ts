import { resolveMetaOptions } from "../options"

const key = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80="
const valid = { appId: "1234567890", appSecret: "0123456789abcdef", encryptionKey: key }

describe("resolveMetaOptions", () => {
  it("fills the defaults", () => {
    const options = resolveMetaOptions(valid, {})
    expect(options).toEqual(
      expect.objectContaining({
        graphApiUrl: "https://graph.facebook.com",
        oauthDialogUrl: "https://www.facebook.com",
        apiVersion: "v25.0",
        backendUrl: "http://localhost:9000",
        adminUrl: "http://localhost:9000/app",
        autoSetup: true,
        encryptionKeys: [key],
      })
    )
    expect(Object.values(options.features).every(Boolean)).toBe(true)
  })

  it("reads META_* environment variables when an option is not given", () => {
    const options = resolveMetaOptions(
      {},
      {
        META_APP_ID: "42",
        META_APP_SECRET: "env-secret-value",
        META_ENCRYPTION_KEY: `${key}, ${key.replace("q", "r")}`,
        META_GRAPH_API_URL: "http://127.0.0.1:9797/",
        META_API_VERSION: "v26.0",
        MEDUSA_BACKEND_URL: "https://api.shop.example",
      }
    )
    expect(options.appId).toBe("42")
    expect(options.encryptionKeys).toHaveLength(2)
    expect(options.graphApiUrl).toBe("http://127.0.0.1:9797")
    expect(options.apiVersion).toBe("v26.0")
    expect(options.adminUrl).toBe("https://api.shop.example/app")
  })

  it("prefers options over the environment", () => {
    expect(resolveMetaOptions(valid, { META_APP_ID: "999" }).appId).toBe("1234567890")
  })

  it.each([
    [{ ...valid, appId: undefined }, /"appId" is required/],
    [{ ...valid, appId: "my-app" }, /"appId" must be the numeric App ID/],
    [{ ...valid, appSecret: undefined }, /"appSecret" is required/],
    [{ ...valid, encryptionKey: undefined }, /"encryptionKey\/encryptionKeys"/],
    [{ ...valid, graphApiUrl: "graph.facebook.com" }, /"graphApiUrl"/],
    [{ ...valid, graphApiUrl: "ftp://graph.facebook.com" }, /"graphApiUrl" must start with http/],
    [{ ...valid, apiVersion: "25" }, /"apiVersion" must look like v25.0/],
    [{ ...valid, backendUrl: "localhost:9000" }, /"backendUrl"/],
    [{ ...valid, webhookVerifyToken: "short" }, /"webhookVerifyToken"/],
    [{ ...valid, features: { catalog: "yes" } }, /"features.catalog"/],
    [{ ...valid, features: { cataloq: true } }, /cataloq/],
    [{ ...valid, requestTimeoutMs: 5 }, /"requestTimeoutMs"/],
  ])("fails with a message naming the option (%#)", (input, message) => {
    expect(() => resolveMetaOptions(input as any, {})).toThrow(message)
  })

  it("names every bad option at once", () => {
    expect(() => resolveMetaOptions({}, {})).toThrow(/appId.*appSecret.*encryptionKey/)
  })
})

describe("start-up validation", () => {
  it("rejects an encryption key that is not 32 bytes, naming the option", async () => {
    const { default: validateOptionsLoader } = await import("../loaders/validate-options")
    await expect(
      validateOptionsLoader({ options: { ...valid, encryptionKey: "too-short" } } as any)
    ).rejects.toThrow(/encryptionKey/)
    await expect(validateOptionsLoader({ options: valid } as any)).resolves.toBeUndefined()
  })
})
