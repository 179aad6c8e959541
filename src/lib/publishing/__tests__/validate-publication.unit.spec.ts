import type { MetaPublicationKind } from "../../../types/http/publishing"
import { validatePublication, type MediaProbe, type PublicationDraft, type PublicationMediaDraft } from "../validate-publication"

const NOW = new Date("2026-12-01T12:00:00Z")
const MiB = 1024 * 1024

const jpeg = (over: Partial<MediaProbe> = {}): MediaProbe => ({ type: "image", mime: "image/jpeg", width: 1080, height: 1080, bytes: 500_000, ...over })
const mp4 = (over: Partial<MediaProbe> = {}): MediaProbe => ({ type: "video", mime: "video/mp4", width: 1080, height: 1920, bytes: 20_000_000, duration_seconds: 30, ...over })

let n = 0
const image = (probe: Partial<MediaProbe> = {}, over: Partial<PublicationMediaDraft> = {}): PublicationMediaDraft => ({
  url: `https://cdn.shop.example/img-${++n}.jpg`,
  probe: jpeg(probe),
  ...over,
})
const video = (probe: Partial<MediaProbe> = {}, over: Partial<PublicationMediaDraft> = {}): PublicationMediaDraft => ({
  url: `https://cdn.shop.example/clip-${++n}.mp4`,
  probe: mp4(probe),
  ...over,
})

function validate(draft: Partial<PublicationDraft> & { kind: MetaPublicationKind }, now = NOW) {
  return validatePublication({ media: [], ...draft }, { now })
}
const errors = (draft: Parameters<typeof validate>[0]) => validate(draft).filter((i) => i.severity === "error")
const warnings = (draft: Parameters<typeof validate>[0]) => validate(draft).filter((i) => i.severity === "warning")
const fields = (draft: Parameters<typeof validate>[0]) => errors(draft).map((i) => i.field)

describe("validatePublication: valid posts", () => {
  it.each<[MetaPublicationKind, PublicationMediaDraft[]]>([
    ["instagram_image", [image()]],
    ["instagram_carousel", [image(), video()]],
    ["instagram_reel", [video()]],
    ["instagram_story", [image({ width: 1080, height: 1920 })]],
    ["instagram_story", [video()]],
    ["facebook_photo", [image({ mime: "image/png" })]],
    ["facebook_multi_photo", [image(), image()]],
    ["facebook_video", [video({ mime: "video/webm", duration_seconds: 3600, bytes: 2_000_000_000 })]],
  ])("%s passes", (kind, media) => {
    expect(validate({ kind, caption: kind === "instagram_story" ? null : "New in #tee", media })).toEqual([])
  })

  it("a Facebook text post passes with a message", () => {
    expect(validate({ kind: "facebook_post", caption: "Hello" })).toEqual([])
  })

  it("a Facebook text post passes with only a link", () => {
    expect(validate({ kind: "facebook_post", link: "https://shop.example/p/tee" })).toEqual([])
  })

  it("an Instagram post without caption is fine", () => {
    expect(validate({ kind: "instagram_image", caption: null, media: [image()] })).toEqual([])
  })
})

describe("validatePublication: kind", () => {
  it.each(["instagram_video", "", null, undefined, "__proto__", "toString"])("refuses the unknown kind %p", (kind) => {
    const issues = validatePublication({ kind: kind as MetaPublicationKind, media: [] }, { now: NOW })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: "kind", severity: "error" })
  })

  it("survives garbage drafts", () => {
    expect(() => validatePublication({ kind: "instagram_image", media: null as never }, { now: NOW })).not.toThrow()
    expect(fields({ kind: "instagram_image", media: null as never })).toEqual(["media"])
    expect(() => validatePublication({ kind: "instagram_image", media: [null as never, 5 as never, {} as never] }, { now: NOW })).not.toThrow()
    expect(() => validatePublication({ kind: "instagram_image", media: [image()] }, { now: new Date("nope") })).not.toThrow()
    expect(() => validatePublication({ kind: "instagram_image", media: [image()], caption: 5 as never }, { now: NOW })).not.toThrow()
  })
})

describe("validatePublication: caption", () => {
  const tags = (count: number) => Array.from({ length: count }, (_, i) => `#t${i}`).join(" ")
  const mentions = (count: number) => Array.from({ length: count }, (_, i) => `@u${i}`).join(" ")

  it("accepts exactly 2,200 characters and refuses 2,201", () => {
    expect(errors({ kind: "instagram_image", caption: "a".repeat(2200), media: [image()] })).toEqual([])
    const [issue] = errors({ kind: "instagram_image", caption: "a".repeat(2201), media: [image()] })
    expect(issue).toMatchObject({ field: "caption", severity: "error" })
    expect(issue.message).toBe("Instagram captions take at most 2,200 characters; this one has 2,201. Shorten it by 1.")
  })

  it("counts emoji as one character each", () => {
    expect(errors({ kind: "instagram_image", caption: "😀".repeat(2200), media: [image()] })).toEqual([])
    expect(fields({ kind: "instagram_image", caption: "😀".repeat(2201), media: [image()] })).toEqual(["caption"])
  })

  it("accepts 30 hashtags (with a warning) and refuses 31", () => {
    const thirty = validate({ kind: "instagram_image", caption: tags(30), media: [image()] })
    expect(thirty).toHaveLength(1)
    expect(thirty[0]).toMatchObject({ field: "caption", severity: "warning" })
    expect(thirty[0].message).toMatch(/5 hashtags/)
    const [issue] = errors({ kind: "instagram_image", caption: tags(31), media: [image()] })
    expect(issue.message).toMatch(/^Instagram allows at most 30 hashtags in a caption; this one has 31\. Remove 1/)
  })

  it("does not warn at 5 hashtags, warns at 6", () => {
    expect(validate({ kind: "instagram_reel", caption: tags(5), media: [video()] })).toEqual([])
    expect(warnings({ kind: "instagram_reel", caption: tags(6), media: [video()] })).toHaveLength(1)
  })

  it("does not count #fragments of links as hashtags", () => {
    const caption = `${tags(30)} https://shop.example/tee#reviews https://shop.example/tee#size`
    expect(errors({ kind: "instagram_image", caption, media: [image()] })).toEqual([])
  })

  it("accepts 20 @mentions and refuses 21; emails are not mentions", () => {
    expect(errors({ kind: "instagram_image", caption: mentions(20), media: [image()] })).toEqual([])
    expect(errors({ kind: "instagram_image", caption: `${mentions(20)} orders@shop.example`, media: [image()] })).toEqual([])
    const [issue] = errors({ kind: "instagram_image", caption: mentions(21), media: [image()] })
    expect(issue).toMatchObject({ field: "caption" })
    expect(issue.message).toMatch(/20 @mentions.*has 21/)
  })

  it("holds Facebook to 63,206 characters and no hashtag limit", () => {
    expect(errors({ kind: "facebook_photo", caption: "a".repeat(63_206), media: [image()] })).toEqual([])
    expect(errors({ kind: "facebook_photo", caption: tags(100), media: [image()] })).toEqual([])
    expect(fields({ kind: "facebook_photo", caption: "a".repeat(63_207), media: [image()] })).toEqual(["caption"])
  })

  it("a Facebook text post needs a message or a link", () => {
    expect(fields({ kind: "facebook_post" })).toEqual(["caption"])
    expect(fields({ kind: "facebook_post", caption: "  \n " })).toEqual(["caption"])
    expect(fields({ kind: "facebook_post", caption: null, link: "" })).toEqual(["caption"])
  })

  it("a Facebook photo needs no message", () => {
    expect(errors({ kind: "facebook_photo", media: [image()] })).toEqual([])
  })

  it("warns that stories have no caption", () => {
    const issues = validate({ kind: "instagram_story", caption: "Hello", media: [image()] })
    expect(issues).toEqual([expect.objectContaining({ field: "caption", severity: "warning" })])
    // …and does not apply caption limits to text that is not published.
    expect(errors({ kind: "instagram_story", caption: "a".repeat(5000), media: [image()] })).toEqual([])
  })
})

describe("validatePublication: media count", () => {
  const images = (count: number) => Array.from({ length: count }, () => image())

  it.each([
    [1, ["media"]],
    [2, []],
    [10, []],
    [11, ["media"]],
    [0, ["media"]],
  ])("Instagram carousel of %i → %j", (count, expected) => {
    expect(fields({ kind: "instagram_carousel", media: images(count) })).toEqual(expected)
  })

  it("explains the carousel limits", () => {
    expect(errors({ kind: "instagram_carousel", media: images(11) })[0].message).toBe(
      "An Instagram carousel takes at most 10 images or videos (the Instagram app allows more, the API does not); this one has 11. Remove 1."
    )
    expect(errors({ kind: "instagram_carousel", media: images(1) })[0].message).toMatch(/needs 2 to 10 images or videos; this one has 1\. Add 1 more, or publish a single image as an image post\./)
  })

  it.each([
    [1, ["media"]],
    [2, []],
    [10, []],
    [11, ["media"]],
  ])("Facebook multi-photo of %i → %j", (count, expected) => {
    expect(fields({ kind: "facebook_multi_photo", media: images(count) })).toEqual(expected)
  })

  it("says the multi-photo maximum is ours", () => {
    expect(errors({ kind: "facebook_multi_photo", media: images(11) })[0].message).toMatch(/our own conservative limit/)
  })

  it.each<[MetaPublicationKind, () => PublicationMediaDraft]>([
    ["instagram_image", () => image()],
    ["instagram_reel", () => video()],
    ["instagram_story", () => image()],
    ["facebook_photo", () => image()],
    ["facebook_video", () => video()],
  ])("%s takes exactly one file", (kind, make) => {
    expect(fields({ kind, media: [] })).toEqual(["media"])
    expect(fields({ kind, media: [make()] })).toEqual([])
    const [issue] = errors({ kind, media: [make(), make()] })
    expect(issue.field).toBe("media")
    expect(issue.message).toMatch(/takes one .*; this one has 2\./)
  })

  it("points an image post with several images to the carousel", () => {
    expect(errors({ kind: "instagram_image", media: images(3) })[0].message).toBe(
      "An Instagram image post takes one image; this one has 3. Choose a carousel to publish 2 to 10 images."
    )
  })

  it("a Facebook text post takes no media", () => {
    expect(fields({ kind: "facebook_post", caption: "Hi", media: [image()] })).toEqual(["media"])
  })
})

describe("validatePublication: media type", () => {
  it.each<[MetaPublicationKind, PublicationMediaDraft[], string]>([
    ["instagram_image", [video()], "media.0"],
    ["instagram_reel", [image()], "media.0"],
    ["facebook_photo", [video()], "media.0"],
    ["facebook_multi_photo", [image(), video()], "media.1"],
    ["facebook_video", [image()], "media.0"],
  ])("%s refuses the wrong type", (kind, media, field) => {
    const issues = errors({ kind, media })
    expect(issues.map((i) => i.field)).toEqual([field])
  })

  it("says what to publish instead", () => {
    expect(errors({ kind: "instagram_image", media: [video()] })[0].message).toBe(
      "An Instagram image post takes an image; this file is a video. Publish a video as a reel or a story."
    )
  })

  it("falls back to the file extension without a probe", () => {
    expect(fields({ kind: "instagram_reel", media: [{ url: "https://cdn.shop.example/a.jpg" }] })).toEqual(["media.0"])
    expect(fields({ kind: "instagram_image", media: [{ url: "https://cdn.shop.example/a.png?v=1" }] })).toEqual(["media.0"])
    expect(validate({ kind: "instagram_image", media: [{ url: "https://cdn.shop.example/a.JPG" }] })).toEqual([])
  })

  it("warns when nothing tells the type", () => {
    const issues = validate({ kind: "instagram_image", media: [{ url: "https://cdn.shop.example/file" }] })
    expect(issues).toEqual([expect.objectContaining({ field: "media.0", severity: "warning" })])
  })

  it("reports a file that could not be read, with the URL problem", () => {
    const issues = validate({
      kind: "instagram_image",
      media: [{ url: "https://cdn.shop.example/gone.jpg", probe: null, probe_error: "Could not read https://cdn.shop.example/gone.jpg: the server answered 404" }],
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: "media.0", severity: "error" })
    expect(issues[0].message).toMatch(/^Could not read https:\/\/cdn\.shop\.example\/gone\.jpg: the server answered 404\. Meta downloads the file from this URL/)
  })

  it("ignores a probe error when the probe succeeded", () => {
    expect(validate({ kind: "instagram_image", media: [image({}, { probe_error: "stale" })] })).toEqual([])
  })
})

describe("validatePublication: Instagram images", () => {
  it.each([
    ["image/png", "PNG"],
    ["image/webp", "WebP"],
    ["image/heic", "HEIC"],
    ["image/gif", "GIF"],
    ["image/x-foo", "FOO"],
  ])("refuses %s", (mime, name) => {
    const [issue] = errors({ kind: "instagram_image", media: [image({ mime })] })
    expect(issue).toMatchObject({ field: "media.0" })
    expect(issue.message).toBe(`Instagram accepts JPEG images only; this one is ${name}. Export it as JPEG.`)
  })

  it.each(["image/jpeg", "image/jpg", "IMAGE/JPEG; charset=binary", "image/pjpeg"])("accepts %s", (mime) => {
    expect(errors({ kind: "instagram_image", media: [image({ mime })] })).toEqual([])
  })

  it("accepts exactly 8 MiB and refuses a byte more", () => {
    expect(errors({ kind: "instagram_image", media: [image({ bytes: 8 * MiB })] })).toEqual([])
    const [issue] = errors({ kind: "instagram_image", media: [image({ bytes: 8 * MiB + 1 })] })
    expect(issue.message).toMatch(/^Instagram accepts images up to 8 MiB; this one is just over 8 MiB\./)
    expect(errors({ kind: "instagram_image", media: [image({ bytes: 9.4 * MiB })] })[0].message).toMatch(/this one is 9\.4 MiB/)
  })

  it.each([
    [1080, 1350, true],
    [4, 5, true],
    [1080, 1080, true],
    [1910, 1000, true],
    [191, 100, true],
    [1080, 566, true],
    [1079, 1350, false],
    [19101, 10000, false],
    [1200, 628, false],
    [1080, 1920, false],
    [3000, 1000, false],
  ])("feed aspect %i×%i → ok %p", (width, height, ok) => {
    const issues = errors({ kind: "instagram_image", media: [image({ width, height })] })
    expect(issues.length === 0).toBe(ok)
    if (!ok) expect(issues[0].message).toMatch(/between 4:5 \(portrait\) and 1\.91:1 \(landscape\); this one is \d+×\d+/)
  })

  it("suggests a story for a tall single image", () => {
    expect(errors({ kind: "instagram_image", media: [image({ width: 1080, height: 1920 })] })[0].message).toMatch(/this one is 1080×1920 \(0\.56:1\).*or publish it as a story\.$/)
  })

  it("checks every carousel image's aspect, and not a story's", () => {
    expect(fields({ kind: "instagram_carousel", media: [image(), image({ width: 1080, height: 1920 })] })).toEqual(["media.1"])
    expect(errors({ kind: "instagram_story", media: [image({ width: 1080, height: 1920 })] })).toEqual([])
    expect(errors({ kind: "instagram_story", media: [image({ width: 3000, height: 500 })] })).toEqual([])
  })

  it("applies JPEG and 8 MiB to story images too", () => {
    expect(fields({ kind: "instagram_story", media: [image({ mime: "image/png" })] })).toEqual(["media.0"])
    expect(fields({ kind: "instagram_story", media: [image({ bytes: 9 * MiB })] })).toEqual(["media.0"])
  })

  it("warns that carousel slides are cropped to the first one's shape", () => {
    const issues = warnings({ kind: "instagram_carousel", media: [image(), image({ width: 1080, height: 1350 }), image({ width: 1000, height: 1000 })] })
    expect(issues.map((i) => i.field)).toEqual(["media.1"])
    expect(issues[0].message).toMatch(/first one \(1080×1080\); this one is 1080×1350/)
  })

  it("warns about images narrower than 320 px", () => {
    expect(warnings({ kind: "instagram_image", media: [image({ width: 200, height: 200 })] }).map((i) => i.field)).toEqual(["media.0"])
    expect(warnings({ kind: "instagram_image", media: [image({ width: 320, height: 320 })] })).toEqual([])
  })

  it("skips what the probe does not know", () => {
    expect(validate({ kind: "instagram_image", media: [image({ width: null, height: null, bytes: null, mime: null })] })).toEqual([])
    expect(validate({ kind: "instagram_image", media: [image({ width: 0, height: -5, bytes: Number.NaN })] })).toEqual([])
  })

  it("reports several problems of one image", () => {
    const issues = errors({ kind: "instagram_image", media: [image({ mime: "image/png", bytes: 10 * MiB, width: 1080, height: 1920 })] })
    expect(issues).toHaveLength(3)
  })
})

describe("validatePublication: Facebook photos", () => {
  it.each([
    ["image/jpeg", true],
    ["image/png", true],
    ["image/webp", false],
    ["image/gif", false],
  ])("%s → ok %p", (mime, ok) => {
    expect(errors({ kind: "facebook_photo", media: [image({ mime })] }).length === 0).toBe(ok)
  })

  it("accepts 4 MB and refuses more", () => {
    expect(errors({ kind: "facebook_photo", media: [image({ bytes: 4_000_000 })] })).toEqual([])
    expect(errors({ kind: "facebook_photo", media: [image({ bytes: 4_000_001 })] })[0].message).toMatch(/up to 4 MB; this one is just over 4 MB/)
  })

  it("does not apply Instagram's aspect ratio", () => {
    expect(errors({ kind: "facebook_photo", media: [image({ width: 1080, height: 1920 })] })).toEqual([])
  })
})

describe("validatePublication: videos", () => {
  it.each([
    [2.9, false],
    [3, true],
    [900, true],
    [900.1, false],
  ])("reel of %p s → ok %p", (duration_seconds, ok) => {
    expect(errors({ kind: "instagram_reel", media: [video({ duration_seconds })] }).length === 0).toBe(ok)
  })

  it("explains a too-long reel", () => {
    expect(errors({ kind: "instagram_reel", media: [video({ duration_seconds: 965 })] })[0].message).toBe(
      "An Instagram reel must be 3 seconds to 15 minutes long; this one is 16 min 5 s. Trim it."
    )
  })

  it.each([
    [2, false],
    [3, true],
    [60, true],
    [60.4, false],
  ])("story video of %p s → ok %p", (duration_seconds, ok) => {
    expect(errors({ kind: "instagram_story", media: [video({ duration_seconds })] }).length === 0).toBe(ok)
  })

  it("suggests a reel for a long story video", () => {
    expect(errors({ kind: "instagram_story", media: [video({ duration_seconds: 60.4 })] })[0].message).toMatch(/this one is 60\.4 seconds\. Trim it, or publish it as a reel/)
  })

  it("holds reels to 300 MB and story videos to 100 MB", () => {
    expect(errors({ kind: "instagram_reel", media: [video({ bytes: 300_000_000 })] })).toEqual([])
    expect(fields({ kind: "instagram_reel", media: [video({ bytes: 300_000_001 })] })).toEqual(["media.0"])
    expect(errors({ kind: "instagram_story", media: [video({ bytes: 100_000_000 })] })).toEqual([])
    expect(fields({ kind: "instagram_story", media: [video({ bytes: 100_000_001 })] })).toEqual(["media.0"])
  })

  it.each([
    ["video/mp4", true],
    ["video/quicktime", true],
    ["video/webm", false],
    ["video/x-matroska", false],
    ["video/x-m4v", false],
  ])("Instagram video %s → ok %p", (mime, ok) => {
    expect(errors({ kind: "instagram_reel", media: [video({ mime })] }).length === 0).toBe(ok)
    expect(errors({ kind: "instagram_carousel", media: [image(), video({ mime })] }).length === 0).toBe(ok)
  })

  it("does not check what the probe does not know (headers give no duration)", () => {
    expect(errors({ kind: "instagram_reel", media: [video({ duration_seconds: undefined, bytes: null })] })).toEqual([])
  })
})

describe("validatePublication: alt text", () => {
  it("is fine on Instagram images and carousel images", () => {
    expect(validate({ kind: "instagram_image", media: [image({}, { alt_text: "A blue tee on a hanger" })] })).toEqual([])
    expect(validate({ kind: "instagram_carousel", media: [image({}, { alt_text: "Front" }), image({}, { alt_text: "Back" })] })).toEqual([])
  })

  it("accepts 1,000 characters and refuses 1,001", () => {
    expect(errors({ kind: "instagram_image", media: [image({}, { alt_text: "a".repeat(1000) })] })).toEqual([])
    expect(fields({ kind: "instagram_image", media: [image({}, { alt_text: "a".repeat(1001) })] })).toEqual(["media.0.alt_text"])
  })

  it.each<[MetaPublicationKind, PublicationMediaDraft[], string]>([
    ["instagram_reel", [video({}, { alt_text: "x" })], "media.0.alt_text"],
    ["instagram_story", [image({}, { alt_text: "x" })], "media.0.alt_text"],
    ["instagram_carousel", [image(), video({}, { alt_text: "x" })], "media.1.alt_text"],
  ])("is an error on %s", (kind, media, field) => {
    expect(fields({ kind, media })).toEqual([field])
  })

  it("is a warning on Facebook (not sent)", () => {
    expect(validate({ kind: "facebook_photo", media: [image({}, { alt_text: "x" })] })).toEqual([
      expect.objectContaining({ field: "media.0.alt_text", severity: "warning" }),
    ])
  })

  it("ignores blank alt text", () => {
    expect(validate({ kind: "instagram_reel", media: [video({}, { alt_text: "   " })] })).toEqual([])
    expect(validate({ kind: "instagram_reel", media: [video({}, { alt_text: null })] })).toEqual([])
  })
})

describe("validatePublication: media URLs", () => {
  it("warns about a localhost file and still checks the file", () => {
    const issues = validate({ kind: "instagram_image", media: [image({ mime: "image/png" }, { url: "http://localhost:9000/static/tee.png" })] })
    expect(issues.map((i) => [i.field, i.severity])).toEqual([
      ["media.0", "warning"],
      ["media.0", "error"],
    ])
  })

  it("refuses non-ASCII URLs and non-web schemes", () => {
    expect(fields({ kind: "instagram_image", media: [image({}, { url: "https://cdn.shop.example/tée.jpg" })] })).toEqual(["media.0"])
    expect(fields({ kind: "instagram_image", media: [image({}, { url: "ftp://cdn.shop.example/tee.jpg" })] })).toEqual(["media.0"])
  })

  it("warns on http, errors on nothing for https", () => {
    expect(validate({ kind: "instagram_image", media: [image({}, { url: "http://cdn.shop.example/tee.jpg" })] }).map((i) => i.severity)).toEqual(["warning"])
  })
})

describe("validatePublication: first comment", () => {
  it("accepts 2,200 characters and refuses 2,201", () => {
    expect(errors({ kind: "instagram_image", media: [image()], first_comment: "a".repeat(2200) })).toEqual([])
    expect(fields({ kind: "instagram_image", media: [image()], first_comment: "a".repeat(2201) })).toEqual(["first_comment"])
    expect(fields({ kind: "facebook_photo", media: [image()], first_comment: "a".repeat(2201) })).toEqual(["first_comment"])
  })

  it("accepts 30 hashtags on Instagram, refuses 31; Facebook has no hashtag limit", () => {
    const tags = (count: number) => Array.from({ length: count }, (_, i) => `#t${i}`).join(" ")
    expect(errors({ kind: "instagram_image", media: [image()], first_comment: tags(30) })).toEqual([])
    expect(fields({ kind: "instagram_image", media: [image()], first_comment: tags(31) })).toEqual(["first_comment"])
    expect(errors({ kind: "facebook_photo", media: [image()], first_comment: tags(31) })).toEqual([])
  })

  it("refuses a comment under a story", () => {
    expect(fields({ kind: "instagram_story", media: [image()], first_comment: "Link in bio" })).toEqual(["first_comment"])
    expect(fields({ kind: "instagram_story", media: [image()], first_comment: "  " })).toEqual([])
  })
})

describe("validatePublication: schedule", () => {
  const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs)
  const DAY = 24 * 60 * 60 * 1000

  it.each([
    [-59_000, true],
    [-60_000, true],
    [-61_000, false],
    [-3 * DAY, false],
    [0, true],
    [60_000, true],
    [75 * DAY, true],
    [75 * DAY + 1, false],
    [400 * DAY, false],
  ])("%i ms from now → ok %p", (offset, ok) => {
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at: at(offset) }).length === 0).toBe(ok)
    expect(errors({ kind: "facebook_post", caption: "x", scheduled_at: at(offset).toISOString() }).length === 0).toBe(ok)
  })

  it("says how far in the past or ahead", () => {
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at: at(-5 * 60_000) })[0].message).toBe(
      "This time is in the past (5 minutes ago). Choose a time in the future, or leave it empty to publish now."
    )
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at: at(80 * DAY) })[0].message).toBe(
      "Posts can be scheduled at most 75 days ahead; this one is 80 days ahead. Choose an earlier date."
    )
    // Just over the limit never reads "75 days ahead".
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at: at(75 * DAY + 1) })[0].message).toMatch(/this one is 76 days ahead/)
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at: at(-61_000) })[0].message).toMatch(/\(1 minute ago\)/)
  })

  it.each([null, undefined, ""])("%p means publish now", (scheduled_at) => {
    expect(errors({ kind: "instagram_image", media: [image()], scheduled_at })).toEqual([])
  })

  it.each(["tomorrow", "2026-13-45T99:00:00Z", new Date("invalid")])("refuses the unreadable %p", (scheduled_at) => {
    expect(fields({ kind: "instagram_image", media: [image()], scheduled_at })).toEqual(["scheduled_at"])
  })
})
