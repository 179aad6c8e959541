import { commentPost } from "../comment-post"

const publication = { id: "metapub_1", caption: "Spring collection is here", permalink: "https://www.instagram.com/p/abc/", account_id: "acc_1" }

describe("commentPost", () => {
  it("links the store's publication and its permalink", () => {
    expect(commentPost({ platform: "instagram", media_id: "18000000001" }, publication)).toEqual({
      publication_id: "metapub_1",
      title: "Spring collection is here",
      account_id: "acc_1",
      permalink: "https://www.instagram.com/p/abc/",
    })
  })

  it("opens a Page post on facebook.com by its <page>_<post> id when the store did not publish it", () => {
    expect(commentPost({ platform: "facebook", media_id: "30001_555" }, null)).toEqual({
      publication_id: null,
      title: null,
      account_id: null,
      permalink: "https://www.facebook.com/30001_555",
    })
  })

  it("prefers the publication's permalink over the built one", () => {
    const fb = { ...publication, permalink: "https://www.facebook.com/30001/posts/555" }
    expect(commentPost({ platform: "facebook", media_id: "30001_555" }, fb).permalink).toBe("https://www.facebook.com/30001/posts/555")
  })

  it.each([
    ["an Instagram media that is not the store's", "instagram", "18000000002"],
    ["a Facebook id that is not a post id", "facebook", "555"],
    ["a Facebook id with a path in it", "facebook", "30001_555/../../evil"],
    ["no media at all", "facebook", null],
  ] as const)("has no permalink for %s", (_, platform, media_id) => {
    expect(commentPost({ platform, media_id }, null).permalink).toBeNull()
  })

  it("shortens a long caption to 60 characters with an ellipsis and collapses white space", () => {
    const long = { ...publication, caption: `Meet   the\n${"very ".repeat(30)}best product` }
    const title = commentPost({ platform: "instagram", media_id: "1" }, long).title!
    expect(title.length).toBeLessThanOrEqual(60)
    expect(title.startsWith("Meet the very very")).toBe(true)
    expect(title.endsWith("…")).toBe(true)
    expect(title).not.toMatch(/\s…$/)
  })

  it.each([null, "", "   \n "])("has no title for an empty caption (%p)", (caption) => {
    expect(commentPost({ platform: "instagram", media_id: "1" }, { ...publication, caption }).title).toBeNull()
  })
})
