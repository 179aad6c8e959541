/**
 * An RFC 4180 reader for tests (quoted fields with commas, doubled quotes and line breaks; CRLF or LF), so a
 * test proves the CSV a route wrote reads back to the same cells.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === "") {
      quoted = true
      i++
    } else if (c === ",") {
      record.push(field)
      field = ""
      i++
    } else if (c === "\r" || c === "\n") {
      record.push(field)
      records.push(record)
      record = []
      field = ""
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new Error("CSV ends inside a quoted field")
  if (field !== "" || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** Records as objects keyed by the header record. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text)
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`a record has ${row.length} fields, the header ${header.length}`)
    return Object.fromEntries(header.map((name, i) => [name, row[i]]))
  })
}
