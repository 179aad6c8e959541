/**
 * The module's statements use knex's `?` placeholders; node-postgres wants `$1, $2, …`. Converts one to
 * the other as knex does for PostgreSQL: each `?` is the next parameter, `\?` is a literal question mark.
 * Throws when the count differs from the parameters given, so a statement never runs with a shifted
 * parameter. (The module's SQL has no `?` inside string literals or jsonb `?` operators.)
 */
export function positionalPlaceholders(sql: string, paramCount: number): string {
  let n = 0
  const text = sql.replace(/\\\?|\?/g, (match) => (match === "?" ? `$${++n}` : "?"))
  if (n !== paramCount) throw new Error(`SQL has ${n} placeholder(s) but ${paramCount} parameter(s) were given`)
  return text
}
