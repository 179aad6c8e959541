import {
  captionLength,
  composeProductCaption,
  countHashtags,
  countMentions,
  DEFAULT_PRODUCT_CAPTION_TEMPLATE,
  formatPrice,
  hashtagsIn,
  mentionsIn,
} from "../caption"

describe("captionLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["😀😀😀", 3],
    ["tee 👕", 5],
    // A flag is two regional-indicator code points; Meta counts code points.
    ["🇫🇷", 2],
    ["é", 1],
    ["e\u0301", 2],
    ["日本語", 3],
    ["a\nb", 3],
  ])("%p → %i", (value, expected) => {
    expect(captionLength(value)).toBe(expected)
  })

  it("counts 2,200 emoji as 2,200 characters although they are 4,400 UTF-16 units", () => {
    const caption = "😀".repeat(2200)
    expect(caption.length).toBe(4400)
    expect(captionLength(caption)).toBe(2200)
  })

  it("ignores non-strings", () => {
    expect(captionLength(null)).toBe(0)
    expect(captionLength(undefined)).toBe(0)
    expect(captionLength(42 as unknown as string)).toBe(0)
  })
})

describe("hashtagsIn / countHashtags", () => {
  it.each([
    ["#summer sale", ["summer"]],
    ["New in: #summer #sale #tee", ["summer", "sale", "tee"]],
    ["#summer#sale", ["summer", "sale"]],
    ["Été #été #夏 #лето #مرحبا", ["été", "夏", "лето", "مرحبا"]],
    ["#snake_case_tag and #CamelCase", ["snake_case_tag", "CamelCase"]],
    ["#tag, #tag. #tag!", ["tag", "tag", "tag"]],
    ["(#inparens)", ["inparens"]],
    ["line\n#next", ["next"]],
    ["#2024drop", ["2024drop"]],
    ["We are #1 in town", []],
    ["#123", []],
    ["C# and F# developers", []],
    ["page#2", []],
    ["Don&#39;t", []],
    ["# alone", []],
    ["##double", ["double"]],
    ["#", []],
    ["", []],
  ])("%p → %j", (text, expected) => {
    expect(hashtagsIn(text)).toEqual(expected)
    expect(countHashtags(text)).toBe(expected.length)
  })

  it.each([
    ["https://shop.example/tee#size-guide", 0],
    ["See https://shop.example/tee#size #tee", 1],
    ["www.shop.example/#top #realtag", 1],
    ["shop.example/products/tee#reviews", 0],
    ["http://a.b/c?x=1#frag#frag2 and #one", 1],
    ["(https://shop.example/#a) #b", 1],
    ["#sale:https://shop.example/#a", 1],
    ["WWW.SHOP.EXAMPLE/#a", 0],
    ["Sizes S/M/L #tee", 1],
  ])("does not count #fragments of links: %p → %i", (text, expected) => {
    expect(countHashtags(text)).toBe(expected)
  })

  it("counts repeats (each counts toward Meta's 30)", () => {
    expect(countHashtags("#tee #tee #tee")).toBe(3)
  })

  it("counts exactly 30 and 31", () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#tag${i}`).join(" ")
    expect(countHashtags(tags(30))).toBe(30)
    expect(countHashtags(tags(31))).toBe(31)
  })

  it.each([
    ["a.".repeat(50_000) + "#x"],
    ["-".repeat(100_000) + "#x"],
    ["x".repeat(100_000) + "://#x"],
    ["#a".repeat(50_000)],
    ["@a.".repeat(30_000)],
  ])("stays fast on a pathological paste (%#)", (text) => {
    const started = Date.now()
    countHashtags(text)
    countMentions(text)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it("ignores non-strings", () => {
    expect(hashtagsIn(undefined)).toEqual([])
    expect(countHashtags(null)).toBe(0)
  })
})

describe("mentionsIn / countMentions", () => {
  it.each([
    ["Thanks @shop", ["shop"]],
    ["Thanks @shop.", ["shop"]],
    ["@a.b_c and @d", ["a.b_c", "d"]],
    ["(@inparens)", ["inparens"]],
    ["@first\n@second", ["first", "second"]],
    ["orders@shop.com", []],
    ["Mail orders@shop.com or ping @shop", ["shop"]],
    ["mailto:orders@shop.com", []],
    ["https://medium.com/@brand/story", []],
    ["@", []],
    ["@ shop", []],
    ["@...", []],
    ["@@double", []],
    [`@${"a".repeat(30)}`, ["a".repeat(30)]],
    [`@${"a".repeat(31)}`, []],
    ["@josé", ["jos"]],
    ["", []],
  ])("%p → %j", (text, expected) => {
    expect(mentionsIn(text)).toEqual(expected)
    expect(countMentions(text)).toBe(expected.length)
  })

  it("counts 20 and 21", () => {
    const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(" ")
    expect(countMentions(mentions(20))).toBe(20)
    expect(countMentions(mentions(21))).toBe(21)
  })
})

describe("composeProductCaption", () => {
  const product = { title: "Blue Tee", price: "$19.99", link: "https://shop.example/products/blue-tee", handle: "blue-tee" }

  it("uses the default template", () => {
    expect(DEFAULT_PRODUCT_CAPTION_TEMPLATE).toContain("{title}")
    expect(composeProductCaption(product)).toBe("Blue Tee\n$19.99\n\nhttps://shop.example/products/blue-tee")
  })

  it("fills a merchant's template, placeholders case-insensitive", () => {
    expect(composeProductCaption({ ...product, template: "New: {TITLE} for {price} → {link} ({handle})" })).toBe(
      "New: Blue Tee for $19.99 → https://shop.example/products/blue-tee (blue-tee)"
    )
  })

  it("leaves unknown placeholders as written", () => {
    expect(composeProductCaption({ ...product, template: "{title} in {colour} {}" })).toBe("Blue Tee in {colour} {}")
  })

  it("inserts values literally (no re-expansion, no $-patterns)", () => {
    expect(composeProductCaption({ title: "Save $& {price} $1", price: "€5", link: "", template: "{title} / {price}" })).toBe(
      "Save $& {price} $1 / €5"
    )
  })

  it("drops lines whose placeholders are all empty, and collapses blank runs", () => {
    expect(composeProductCaption({ title: "Tee", price: null, link: "" })).toBe("Tee")
    expect(composeProductCaption({ title: "Tee", price: "", link: "https://x.example", template: "{title}\nPrice: {price}\n\n\n\nShop: {link}" })).toBe(
      "Tee\n\nShop: https://x.example"
    )
  })

  it("keeps a line with one filled placeholder of two", () => {
    expect(composeProductCaption({ title: "Tee", price: "", link: "", template: "{title} {price}" })).toBe("Tee")
  })

  it("keeps literal lines and normalises CRLF", () => {
    expect(composeProductCaption({ ...product, template: "{title}\r\n#newin #tee" })).toBe("Blue Tee\n#newin #tee")
  })

  it("collapses whitespace inside values", () => {
    expect(composeProductCaption({ title: "  Blue \n Tee  ", price: "$1", link: "", template: "{title}!" })).toBe("Blue Tee!")
  })

  it("falls back to the default for an empty template", () => {
    expect(composeProductCaption({ ...product, template: "   " })).toBe(composeProductCaption(product))
  })

  it("survives missing values entirely", () => {
    expect(composeProductCaption({})).toBe("")
  })
})

describe("formatPrice", () => {
  it.each([
    ["19.99", "USD", "en-US", "$19.99"],
    [19.99, "usd", "en-US", "$19.99"],
    ["12.5", "USD", "en-US", "$12.50"],
    ["20", "USD", "en-US", "$20.00"],
    [0.1 + 0.2, "USD", "en-US", "$0.30"],
    ["0.30000000000000004", "USD", "en-US", "$0.30"],
    ["0.005", "USD", "en-US", "$0.01"],
    ["1.005", "USD", "en-US", "$1.01"],
    [1.005, "USD", "en-US", "$1.01"],
    ["-3.335", "USD", "en-US", "-$3.34"],
    ["-0.001", "USD", "en-US", "$0.00"],
    ["1234567.891", "USD", "en-US", "$1,234,567.89"],
    ["12345678901234567.89", "USD", "en-US", "$12,345,678,901,234,567.89"],
    ["1000", "JPY", "en-US", "¥1,000"],
    ["999.5", "JPY", "en-US", "¥1,000"],
    ["1.2345", "KWD", "en-US", "KWD 1.235"],
    ["1.2344", "BHD", "en-US", "BHD 1.234"],
    ["1234.5", "EUR", "de-DE", "1.234,50 €"],
    ["1e3", "USD", "en-US", "$1,000.00"],
    [" 42.10 ", "GBP", "en-GB", "£42.10"],
  ])("%p %s %s → %s", (amount, currency, locale, expected) => {
    expect(formatPrice(amount, currency, locale).replace(/\u00a0/g, " ")).toBe(expected)
  })

  it("defaults to en-US and survives a malformed locale", () => {
    expect(formatPrice("5", "USD")).toBe("$5.00")
    expect(formatPrice("5", "USD", "not a locale!!")).toBe("$5.00")
    expect(formatPrice("5", "USD", "")).toBe("$5.00")
  })

  it.each([
    ["abc", "USD"],
    ["", "USD"],
    ["1,000.00", "USD"],
    ["$5", "USD"],
    [NaN, "USD"],
    [Infinity, "USD"],
    ["5", "US"],
    ["5", "US$"],
    ["5", ""],
    ["5", null],
  ])("gives no price for %p %p", (amount, currency) => {
    expect(formatPrice(amount as number, currency as string)).toBe("")
  })
})
