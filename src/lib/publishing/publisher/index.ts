export * from "./types"
export * from "./find-published-post"
export * from "./publish-to-instagram"
export * from "./publish-to-facebook"
