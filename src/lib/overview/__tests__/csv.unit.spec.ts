import { parseCsv } from "../../../../integration-tests/helpers/parse-csv"
import { csvField, toCsv } from "../csv"

describe("CSV (RFC 4180)", () => {
  it("writes a header and CRLF records, quoting only what needs it", () => {
    expect(toCsv(["a", "b"], [["1", "x"], ["2", "y"]])).toBe("a,b\r\n1,x\r\n2,y\r\n")
  })

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField('He said "hi", then left')).toBe('"He said ""hi"", then left"')
    expect(csvField("two\nlines")).toBe('"two\nlines"')
    expect(csvField("cr\rhere")).toBe('"cr\rhere"')
    expect(csvField("")).toBe("")
    expect(csvField(null)).toBe("")
    expect(csvField(undefined)).toBe("")
  })

  it("defuses formulas in text but leaves negative numbers alone", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField("+cmd")).toBe("'+cmd")
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)")
    expect(csvField("-3.25")).toBe("-3.25")
    expect(csvField("-")).toBe("'-")
    expect(csvField(-7)).toBe("-7")
  })

  it("reads back to the same cells, unicode and empty fields included", () => {
    const rows = [
      ["Ünïcødé ✓", "", "a,b", '"quoted"'],
      ["line\r\nbreak", "0.10", "1e5", " spaced "],
    ]
    const csv = toCsv(["c1", "c2", "c3", "c4"], rows)
    expect(parseCsv(csv)).toEqual([["c1", "c2", "c3", "c4"], ...rows])
  })
})
