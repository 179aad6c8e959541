import { backendUrlWarning, publicUrlProblem } from "../public-url"

describe("publicUrlProblem", () => {
  it.each([
    ["https://shop.example.com", null],
    ["https://shop.example.com:8443/medusa", null],
    ["https://172.15.0.1", null],
    ["https://8.8.8.8", null],
    ["http://shop.example.com", "not_https"],
    ["http://localhost:9000", "not_public"],
    ["https://localhost", "not_public"],
    ["https://127.0.0.1:9000", "not_public"],
    ["https://10.1.2.3", "not_public"],
    ["https://192.168.1.20", "not_public"],
    ["https://172.16.0.1", "not_public"],
    ["https://172.31.255.255", "not_public"],
    ["https://169.254.1.1", "not_public"],
    ["https://0.0.0.0", "not_public"],
    ["https://[::1]:9000", "not_public"],
    ["https://[fd12:3456::1]", "not_public"],
    ["https://shop.local", "not_public"],
    ["https://api.localhost", "not_public"],
    ["https://medusa.internal", "not_public"],
    ["https://medusa-server", "not_public"],
    ["ftp://shop.example.com", "invalid"],
    ["not a url", "invalid"],
    ["", "invalid"],
  ])("%s → %s", (url, problem) => {
    expect(publicUrlProblem(url)).toBe(problem)
  })
})

describe("backendUrlWarning", () => {
  it("is null for a public https address", () => {
    expect(backendUrlWarning("https://shop.example.com")).toBeNull()
  })

  it("names the unreachable host and the option to set", () => {
    const warning = backendUrlWarning("http://localhost:9000")!
    expect(warning).toMatch(/^The store's address is localhost:9000, which Meta's servers cannot reach/)
    expect(warning).toMatch(/backendUrl \(or MEDUSA_BACKEND_URL\)/)
  })

  it("says https when only the scheme is wrong", () => {
    expect(backendUrlWarning("http://shop.example.com")).toMatch(/^The store's address shop\.example\.com uses http: Meta calls webhooks and callbacks only over https/)
  })

  it("does not throw on an address that is not a URL", () => {
    expect(backendUrlWarning("shop")).toMatch(/"shop" is not a web address/)
  })
})
