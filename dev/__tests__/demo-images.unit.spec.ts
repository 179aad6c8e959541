import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import probe from "probe-image-size"
import { DEMO_IMAGE_DIR, DEMO_PRODUCTS, LEGACY_DEMO_IMAGE_HOST, demoImageUrl } from "../demo-catalog"

const root = join(__dirname, "..", "..")
const imageDir = join(root, DEMO_IMAGE_DIR)
const used = [...new Set(DEMO_PRODUCTS.flatMap((p) => p.images))]

describe("the development store's demo images", () => {
  it("gives every demo product at least one image", () => {
    for (const product of DEMO_PRODUCTS) {
      expect([product.handle, product.images.length > 0]).toEqual([product.handle, true])
    }
  })

  it("names files shipped in the repository, never a remote URL", () => {
    for (const file of used) {
      expect(file).toMatch(/^[a-z0-9-]+\.jpg$/)
      expect(statSync(join(imageDir, file)).isFile()).toBe(true)
    }
  })

  it("are JPEGs of at least 500×500 that Meta's catalog and an Instagram feed post accept", () => {
    for (const file of used) {
      const info = probe.sync(readFileSync(join(imageDir, file)))
      expect([file, info?.type]).toEqual([file, "jpg"])
      expect(info!.width).toBeGreaterThanOrEqual(500)
      expect(info!.height).toBeGreaterThanOrEqual(500)
      expect(info!.width / info!.height).toBeGreaterThanOrEqual(0.8)
      expect(info!.width / info!.height).toBeLessThanOrEqual(1.91)
    }
  })

  it("stay small: at most 40 KB each and 400 KB together, with no unused file", () => {
    const files = readdirSync(imageDir)
    expect(files.sort()).toEqual([...used].sort())
    const sizes = files.map((file) => statSync(join(imageDir, file)).size)
    for (const size of sizes) expect(size).toBeLessThanOrEqual(40 * 1024)
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(400 * 1024)
  })

  it("are linked at the store's own /static URL, which maps to the shipped file", () => {
    for (const backendUrl of ["http://localhost:9000", "http://localhost:9000/", "https://shop.example.com"]) {
      const url = new URL(demoImageUrl(backendUrl, "logo-cap.jpg"))
      expect(url.origin).toBe(new URL(backendUrl).origin)
      expect(url.pathname).toBe("/static/demo/logo-cap.jpg")
      // Medusa serves <project>/static at /static.
      expect(statSync(join(root, decodeURIComponent(url.pathname))).isFile()).toBe(true)
    }
  })

  it("leave no remote image in the seed or the demo catalog", () => {
    for (const source of ["seed.ts", "demo-catalog.ts"]) {
      const text = readFileSync(join(root, "dev", source), "utf8")
      const urls = (text.match(/https?:\/\/[^\s"'`)]+/g) ?? []).filter(
        (u) => !u.startsWith("http://localhost:") && !u.startsWith(LEGACY_DEMO_IMAGE_HOST) && !u.startsWith("https://developers.facebook.com/")
      )
      expect([source, urls]).toEqual([source, []])
    }
  })
})
