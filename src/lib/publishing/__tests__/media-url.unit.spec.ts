import { isLocalOnlyHost, mediaUrlIssues } from "../media-url"

const severities = (url: unknown) => mediaUrlIssues(url).map((i) => i.severity)

describe("isLocalOnlyHost", () => {
  it.each([
    "localhost",
    "LOCALHOST",
    "localhost.",
    "api.localhost",
    "127.0.0.1",
    "127.1.2.3",
    "0.0.0.0",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.20",
    "169.254.169.254",
    "100.64.0.1",
    "[::1]",
    "::1",
    "[::]",
    "[::ffff:7f00:1]",
    "[::ffff:c0a8:101]",
    "[fd00::1]",
    "[fe80::1]",
    "printer.local",
    "db.internal",
    "nas.lan",
    "router.home.arpa",
    "medusa",
    "",
  ])("%p is local only", (host) => {
    expect(isLocalOnlyHost(host)).toBe(true)
  })

  it.each([
    "shop.example.com",
    "cdn.s3.amazonaws.com",
    "8.8.8.8",
    "172.15.0.1",
    "172.32.0.1",
    "192.169.0.1",
    "11.0.0.1",
    "100.128.0.1",
    "[2606:4700::1111]",
    "[::ffff:808:808]",
    "local.example.com",
    "localhost.example.com",
  ])("%p is public", (host) => {
    expect(isLocalOnlyHost(host)).toBe(false)
  })
})

describe("mediaUrlIssues", () => {
  it("accepts a public https URL", () => {
    expect(mediaUrlIssues("https://cdn.shop.example/img/tee.jpg")).toEqual([])
    expect(mediaUrlIssues("https://cdn.shop.example/img/tee%20blue.jpg?v=2")).toEqual([])
  })

  it("warns on plain http to a public host", () => {
    const issues = mediaUrlIssues("http://cdn.shop.example/tee.jpg")
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: "warning" })
    expect(issues[0].message).toMatch(/https/)
  })

  it.each([
    "http://localhost:9000/static/tee.jpg",
    "http://127.0.0.1:9000/static/tee.jpg",
    "http://[::1]:9000/tee.jpg",
    "http://10.1.2.3/tee.jpg",
    "http://192.168.0.10/tee.jpg",
    "http://172.20.0.2/tee.jpg",
    "https://minio.local/tee.jpg",
    "http://medusa:9000/static/tee.jpg",
    // The URL parser reads these as 127.0.0.1.
    "http://2130706433/tee.jpg",
    "http://0x7f.1/tee.jpg",
  ])("warns that Meta cannot reach %p, naming the fix", (url) => {
    const issues = mediaUrlIssues(url)
    expect(issues).toHaveLength(1)
    expect(issues[0].severity).toBe("warning")
    expect(issues[0].message).toMatch(/^Meta cannot fetch .* from the internet: Medusa's file provider serves it only from this machine .*configure a public file provider \(e\.g\. S3\) before publishing for real\.$/)
  })

  it.each([
    ["https://cdn.shop.example/t-shirt-été.jpg", "é"],
    ["https://cdn.shop.example/画像.jpg", "画"],
    ["https://bücher.example/tee.jpg", "ü"],
    ["https://cdn.shop.example/tee.jpg?name=😀", "😀"],
  ])("refuses non-ASCII characters in %p and offers the encoded form", (url, char) => {
    const [issue] = mediaUrlIssues(url)
    expect(issue.severity).toBe("error")
    expect(issue.message).toContain(`"${char}"`)
    expect(issue.message).toMatch(/https:\/\/\S+%|xn--/)
  })

  it("refuses spaces", () => {
    expect(severities("https://cdn.shop.example/blue tee.jpg")).toEqual(["error"])
  })

  it.each([
    "ftp://files.example/tee.jpg",
    "file:///home/me/tee.jpg",
    "data:image/jpeg;base64,AAAA",
    "blob:https://admin.example/1234",
    "s3://bucket/tee.jpg",
  ])("refuses the non-web scheme of %p", (url) => {
    const issues = mediaUrlIssues(url)
    expect(issues).toHaveLength(1)
    expect(issues[0].severity).toBe("error")
    expect(issues[0].message).toMatch(/https:\/\/ URL/)
  })

  it("refuses credentials in the URL", () => {
    expect(severities("https://user:secret@cdn.shop.example/tee.jpg")).toEqual(["error"])
  })

  it.each([undefined, null, "", "   ", 42, "not a url", "/static/tee.jpg", "cdn.shop.example/tee.jpg"])("refuses %p", (url) => {
    expect(severities(url)).toEqual(["error"])
  })

  it("reports several problems of one URL", () => {
    expect(severities("http://localhost/été.jpg")).toEqual(["error", "warning"])
  })
})
