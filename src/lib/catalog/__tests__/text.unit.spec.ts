import { htmlToPlainText, singleLine, truncateText } from "../text"

describe("htmlToPlainText", () => {
  it.each([
    ["<p>Soft <b>cotton</b> tee</p>", "Soft cotton tee"],
    ["<p>One</p><p>Two</p>", "One\nTwo"],
    ["Line<br>break<br/>again", "Line\nbreak\nagain"],
    ["<ul><li>A</li><li>B</li></ul>", "- A\n- B"],
    ["Fish &amp; Chips &lt;3 &quot;yum&quot; &#39;ok&#39;", "Fish & Chips <3 \"yum\" 'ok'"],
    ["&#x1F600; &#128512; smile", "😀 😀 smile"],
    ["bad &#xD800; surrogate &#0; null &#99999999; big", "bad surrogate null big"],
    ["&unknown; stays", "&unknown; stays"],
    ["<script>alert(1)</script>Safe<style>p{}</style>", "Safe"],
    ["<!-- hidden -->Shown", "Shown"],
    ["<!-- never closed", ""],
    ["<scr<script>ipt>alert(1)</script>", ""],
    ["a\u0000b\u0007c\u001fd", "abcd"],
    ["  lots \t of \r\n\r\n\r\n\r\n space  ", "lots of\n\nspace"],
    ["Price&nbsp;5&nbsp;€", "Price 5 €"],
    ["<div", ""],
    ["5 < 6 and 7 > 3", "5 < 6 and 7 > 3"],
    ["", ""],
  ])("%p → %p", (html, expected) => {
    expect(htmlToPlainText(html)).toBe(expected)
  })

  it("ignores non-strings", () => {
    expect(htmlToPlainText(null)).toBe("")
    expect(htmlToPlainText(42)).toBe("")
  })
})

describe("truncateText", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly ten", 11, "exactly ten"],
    ["The quick brown fox jumps over", 20, "The quick brown fox…"],
    ["Supercalifragilisticexpialidocious", 10, "Supercali…"],
    ["emoji 😀😀😀😀😀😀", 9, "emoji 😀😀…"],
    ["trailing, comma, here and more", 17, "trailing, comma…"],
    // Longer in UTF-16 units than the limit, yet within it in code points (as Meta counts): kept whole.
    ["😀😀😀😀😀", 5, "😀😀😀😀😀"],
    ["tee 👕👕", 6, "tee 👕👕"],
    ["", 5, ""],
  ])("%p at %i → %p", (value, max, expected) => {
    const out = truncateText(value, max)
    expect(out).toBe(expected)
    expect(Array.from(out).length).toBeLessThanOrEqual(max)
  })

  it("never splits a surrogate pair", () => {
    const out = truncateText("😀".repeat(200), 150)
    expect(Array.from(out)).toHaveLength(150)
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
  })
})

describe("singleLine", () => {
  it("collapses whitespace and drops control characters", () => {
    expect(singleLine("  Blue\n\tTee\u0000 ")).toBe("Blue Tee")
    expect(singleLine(undefined)).toBe("")
  })
})
