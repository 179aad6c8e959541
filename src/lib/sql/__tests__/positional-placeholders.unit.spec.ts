import { positionalPlaceholders } from "../positional-placeholders"

describe("positionalPlaceholders", () => {
  it("numbers each ? in order", () => {
    expect(positionalPlaceholders(`SELECT * FROM t WHERE a = ? AND b = ANY(?::text[])`, 2)).toBe(
      `SELECT * FROM t WHERE a = $1 AND b = ANY($2::text[])`
    )
  })

  it("keeps casts and adjacent placeholders apart", () => {
    expect(positionalPlaceholders(`VALUES (?,?::jsonb,?)`, 3)).toBe(`VALUES ($1,$2::jsonb,$3)`)
  })

  it("goes past nine without mixing up $1 and $10", () => {
    const sql = Array.from({ length: 12 }, () => "?").join(", ")
    expect(positionalPlaceholders(sql, 12)).toBe(Array.from({ length: 12 }, (_, i) => `$${i + 1}`).join(", "))
  })

  it("turns an escaped \\? into a literal question mark without counting it", () => {
    expect(positionalPlaceholders(`SELECT '\\?' AS q, ? AS p`, 1)).toBe(`SELECT '?' AS q, $1 AS p`)
  })

  it("leaves a statement without placeholders as it is", () => {
    expect(positionalPlaceholders(`SELECT now()`, 0)).toBe(`SELECT now()`)
  })

  it("refuses a statement whose placeholders do not match the parameters", () => {
    expect(() => positionalPlaceholders(`SELECT ?, ?`, 1)).toThrow("SQL has 2 placeholder(s) but 1 parameter(s) were given")
    expect(() => positionalPlaceholders(`SELECT 1`, 1)).toThrow("SQL has 0 placeholder(s) but 1 parameter(s) were given")
  })
})
