import { createHash } from "node:crypto"
import { buildUserData } from "../user-data"
import { isHashed, sha256Hex } from "../hash"

const sha = (v: string) => createHash("sha256").update(v).digest("hex")

describe("buildUserData", () => {
  it("hashes every PII key after normalization and keeps browser keys plain", () => {
    const data = buildUserData({
      emails: ["  Jane.Doe@Example.com "],
      externalIds: ["cus_01ABC"],
      addresses: [
        {
          first_name: "Zoë",
          last_name: "O'Neil",
          phone: "(415) 555-2671",
          city: "San Francisco",
          province: "California",
          postal_code: "94105-1234",
          country_code: "US",
        },
      ],
      clientIpAddress: " 203.0.113.7 ",
      clientUserAgent: "Mozilla/5.0",
      fbc: "fb.1.1554763741205.AbCdEfGhIj",
      fbp: "fb.1.1596403881668.1116446470",
    })
    expect(data).toEqual({
      em: [sha("jane.doe@example.com")],
      ph: [sha("14155552671")],
      fn: [sha("zoë")],
      ln: [sha("oneil")],
      ct: [sha("sanfrancisco")],
      st: [sha("ca")],
      zp: [sha("94105")],
      country: [sha("us")],
      external_id: [sha("cus_01abc")],
      client_ip_address: "203.0.113.7",
      client_user_agent: "Mozilla/5.0",
      fbc: "fb.1.1554763741205.AbCdEfGhIj",
      fbp: "fb.1.1596403881668.1116446470",
    })
  })

  it("de-duplicates identical billing and shipping addresses and keeps different ones", () => {
    const address = { first_name: "Ann", last_name: "Lee", city: "Paris", country_code: "fr", postal_code: "75008" }
    const data = buildUserData({ addresses: [address, { ...address, first_name: " ANN " }, { ...address, city: "Lyon" }] })
    expect(data.fn).toEqual([sha("ann")])
    expect(data.ct).toEqual([sha("paris"), sha("lyon")])
  })

  it("reads each address's phone with that address's country", () => {
    const data = buildUserData({
      addresses: [
        { phone: "06 12 34 56 78", country_code: "FR" },
        { phone: "020 7946 0958", country_code: "GB" },
      ],
    })
    expect(data.ph).toEqual([sha("33612345678"), sha("442079460958")])
  })

  it("passes values that are already SHA-256 or MD5 digests through, lowercased", () => {
    const digest = sha("jane@example.com")
    const md5 = "0123456789abcdef0123456789ABCDEF"
    const data = buildUserData({ emails: [digest.toUpperCase()], addresses: [{ first_name: md5 }] })
    expect(data.em).toEqual([digest])
    expect(data.fn).toEqual([md5.toLowerCase()])
  })

  it.each([
    [{ emails: ["", "   ", null, undefined, "junk"] }],
    [{ addresses: [null, undefined, {}, { first_name: "", last_name: "   ", phone: "n/a", postal_code: "-" }] }],
    [{ clientIpAddress: " ", clientUserAgent: "", fbc: null, fbp: undefined }],
    [{}],
  ])("drops empty and junk input entirely: %j", (input) => {
    expect(buildUserData(input as never)).toEqual({})
  })

  it("never leaves a raw value in a hashed key", () => {
    const data = buildUserData({
      emails: ["a@b.co"],
      phones: ["+1 212 555 0100"],
      externalIds: ["x"],
      genders: ["female"],
      datesOfBirth: ["1990-01-31"],
      addresses: [{ first_name: "A", last_name: "B", city: "C", province: "NY", postal_code: "10001", country_code: "us" }],
    })
    for (const key of ["em", "ph", "fn", "ln", "ge", "db", "ct", "st", "zp", "country", "external_id"] as const) {
      expect(data[key]?.length).toBe(1)
      for (const value of data[key]!) expect(isHashed(value)).toBe(true)
    }
  })

  it("sha256Hex hashes UTF-8 bytes", () => {
    expect(sha256Hex("josé")).toBe(createHash("sha256").update(Buffer.from("josé", "utf8")).digest("hex"))
  })
})
