import type { MetaPublicationKind } from "../../../types/http/publishing"
import { validatePublication, type MediaProbe, type PublicationMediaDraft } from "../validate-publication"

const NOW = new Date("2026-12-01T12:00:00Z")

const video = (probe: Partial<MediaProbe> | null = {}, over: Partial<PublicationMediaDraft> = {}): PublicationMediaDraft => ({
  url: "https://cdn.shop.example/clip.mp4",
  probe: probe === null ? null : { type: "video", mime: "video/mp4", width: 1080, height: 1920, bytes: 20_000_000, duration_seconds: 30, ...probe },
  ...over,
})
const validate = (kind: MetaPublicationKind, media: PublicationMediaDraft[]) => validatePublication({ kind, caption: kind === "instagram_story" ? null : "Hi", media }, { now: NOW })
const errors = (kind: MetaPublicationKind, media: PublicationMediaDraft[]) => validate(kind, media).filter((i) => i.severity === "error")
const warnings = (kind: MetaPublicationKind, media: PublicationMediaDraft[]) => validate(kind, media).filter((i) => i.severity === "warning")

describe("video length per kind", () => {
  it.each<[MetaPublicationKind, number, boolean]>([
    ["facebook_reel", 0, false],
    ["facebook_reel", 2.999, false],
    ["facebook_reel", 2.9999, true], // 3.000 to the millisecond: a 3 s clip at an odd timescale
    ["facebook_reel", 3, true],
    ["facebook_reel", 45, true],
    ["facebook_reel", 90, true],
    ["facebook_reel", 90.0004, true],
    ["facebook_reel", 90.01, false],
    ["facebook_reel", 3600, false],
    ["instagram_reel", 0, false],
    ["instagram_reel", 3, true],
    ["instagram_reel", 900, true],
    ["instagram_reel", 900.01, false],
    ["instagram_story", 0, false],
    ["instagram_story", 2.5, false],
    ["instagram_story", 3, true],
    ["instagram_story", 60, true],
    ["instagram_story", 60.01, false],
    ["facebook_video", 0.5, true],
    ["facebook_video", 7200, true],
  ])("%s of %p s → ok %p", (kind, duration_seconds, ok) => {
    expect(errors(kind, [video({ duration_seconds })])).toEqual(ok ? [] : [expect.objectContaining({ field: "media.0", severity: "error" })])
  })

  it("says what is wrong and what to do, for a merchant", () => {
    expect(errors("facebook_reel", [video({ duration_seconds: 120 })])[0].message).toBe(
      "A Facebook reel must be 3 to 90 seconds long; this one is 2 min. Trim it, or publish it as a Facebook video post (no length limit)."
    )
    expect(errors("facebook_reel", [video({ duration_seconds: 1.5 })])[0].message).toBe(
      "A Facebook reel must be 3 to 90 seconds long; this one is 1.5 seconds. Use a longer clip."
    )
    expect(errors("instagram_story", [video({ duration_seconds: 75 })])[0].message).toBe(
      "An Instagram story video must be 3 to 60 seconds long; this one is 75 seconds. Trim it, or publish it as a reel (up to 15 minutes)."
    )
  })

  it("never shows a length that reads like the limit it broke", () => {
    expect(errors("facebook_reel", [video({ duration_seconds: 90.01 })])[0].message).toMatch(/this one is just over 90 seconds\./)
    expect(errors("facebook_reel", [video({ duration_seconds: 2.98 })])[0].message).toMatch(/this one is just under 3 seconds\./)
    expect(errors("instagram_reel", [video({ duration_seconds: 900.04 })])[0].message).toMatch(/this one is just over 15 min\./)
  })

  it.each<[string, number | null | undefined]>([
    ["null", null],
    ["absent", undefined],
    ["NaN", Number.NaN],
    ["negative", -1],
    ["infinite", Number.POSITIVE_INFINITY],
  ])("an unknown length (%s) is a warning, not an error", (_, duration_seconds) => {
    for (const kind of ["facebook_reel", "instagram_reel", "instagram_story"] as const) {
      expect(errors(kind, [video({ duration_seconds })])).toEqual([])
      expect(warnings(kind, [video({ duration_seconds })])).toEqual([
        expect.objectContaining({ field: "media.0", message: expect.stringMatching(/could not read this video's length.*must be 3/) }),
      ])
    }
  })

  it("names why the length is unknown", () => {
    const [issue] = warnings("facebook_reel", [video({ duration_seconds: null, duration_error: "its movie header is further in the file than the server lets us read (no byte ranges)." })])
    expect(issue.message).toBe(
      "We could not read this video's length (its movie header is further in the file than the server lets us read (no byte ranges)), so it was not checked. A Facebook reel must be 3 to 90 seconds long; Meta refuses it otherwise when it publishes."
    )
  })

  it("adds no length warning to a file that could not be read at all (that is an error already)", () => {
    const issues = validate("facebook_reel", [video(null, { probe_error: "Could not read https://cdn.shop.example/clip.mp4: the server answered 404" })])
    expect(issues).toEqual([expect.objectContaining({ severity: "error", field: "media.0" })])
  })

  it("does not hold Facebook video posts or carousel videos to a length", () => {
    expect(validate("facebook_video", [video({ duration_seconds: null })])).toEqual([])
    expect(validate("instagram_carousel", [{ url: "https://cdn.shop.example/a.jpg", probe: { type: "image", mime: "image/jpeg", width: 1080, height: 1080, bytes: 1000 } }, video({ duration_seconds: null })])).toEqual([])
  })
})

describe("Facebook reels", () => {
  it("passes a 30 s MP4 reel", () => {
    expect(validate("facebook_reel", [video()])).toEqual([])
  })

  it("takes one video and no image", () => {
    expect(errors("facebook_reel", [])[0].message).toBe("A Facebook reel needs a video; add one.")
    expect(errors("facebook_reel", [video(), video()])[0].message).toMatch(/takes one video; this one has 2\. A reel is a single video/)
    const image = { url: "https://cdn.shop.example/a.jpg", probe: { type: "image" as const, mime: "image/jpeg", width: 1080, height: 1080, bytes: 1000 } }
    expect(errors("facebook_reel", [image])[0].message).toBe("A Facebook reel takes a video; this file is an image. Publish a photo as a Facebook photo or multi-photo post.")
  })

  it("recommends MP4 without refusing other formats", () => {
    expect(errors("facebook_reel", [video({ mime: "video/webm" })])).toEqual([])
    expect(warnings("facebook_reel", [video({ mime: "video/webm" })])[0].message).toMatch(/Facebook recommends MP4 for reels; this one is WebM/)
  })
})
