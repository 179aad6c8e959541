import { accessTokenProblem } from "../token-input"

const TOKEN = `EAAB${"x1Y_-".repeat(40)}`

describe("accessTokenProblem", () => {
  it.each([
    ["a system-user token", TOKEN],
    ["a token with surrounding white space", `  ${TOKEN}\n`],
    ["the shortest accepted token", "E".repeat(20)],
    ["the longest accepted token", "E".repeat(1024)],
    ["a token with dots and bars", `EAAB.${"a".repeat(30)}|b`],
  ])("accepts %s", (_, value) => {
    expect(accessTokenProblem(value)).toBeNull()
  })

  it.each([undefined, null, "", "   \n\t"])("asks for the token when nothing was pasted (%p)", (value) => {
    expect(accessTokenProblem(value)).toMatch(/^Paste the system-user access token\. Copy it again from Meta Business settings/)
  })

  it.each([42, true, {}, ["EAAB"]])("wants text, not %p", (value) => {
    expect(accessTokenProblem(value)).toBe("The access token must be text, pasted as Meta shows it.")
  })

  it("says a token is longer than Meta's, with its length", () => {
    expect(accessTokenProblem("E".repeat(2500))).toBe(
      "That doesn't look like a Meta token: it is longer than Meta's tokens (2,500 characters). Copy only the token, without anything around it."
    )
  })

  it("says a token is shorter than Meta's, with its length", () => {
    expect(accessTokenProblem("EAAB123")).toMatch(/^That doesn't look like a Meta token: it is shorter than Meta's tokens \(7 characters\)\./)
    expect(accessTokenProblem("E")).toMatch(/\(1 character\)/)
  })

  it("recognises a pasted Authorization header", () => {
    expect(accessTokenProblem(`Bearer ${TOKEN}`)).toBe("Paste only the token itself, without “Bearer ” in front of it.")
    expect(accessTokenProblem(`bearer   ${TOKEN}`)).toMatch(/without “Bearer ”/)
  })

  it("recognises an app secret and an app access token, which cannot connect a store", () => {
    expect(accessTokenProblem("0123456789abcdef0123456789ABCDEF")).toMatch(/^That looks like an app secret/)
    expect(accessTokenProblem("1234567890|0123456789abcdef0123456789abcdef")).toMatch(/^That is an app access token/)
  })

  it("refuses spaces or line breaks inside the token", () => {
    expect(accessTokenProblem(`${TOKEN.slice(0, 50)} ${TOKEN.slice(50)}`)).toMatch(/contains spaces or line breaks/)
    expect(accessTokenProblem(`${TOKEN.slice(0, 50)}\n${TOKEN.slice(50)}`)).toMatch(/contains spaces or line breaks/)
  })

  it.each([`"${TOKEN}"`, `${TOKEN}/`, `${TOKEN}é`, `${TOKEN}<script>`])("refuses characters Meta's tokens never have: %s", (value) => {
    expect(accessTokenProblem(value)).toMatch(/contains characters Meta's tokens never have/)
  })

  it("never repeats what was pasted (it may be a secret)", () => {
    const secretish = `EAAB${"S3cr3t".repeat(300)}`
    for (const value of [secretish, `Bearer ${secretish}`, `${secretish} tail`, `"${secretish}"`]) {
      expect(accessTokenProblem(value)).not.toContain("S3cr3t")
    }
  })
})
