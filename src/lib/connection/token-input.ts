/**
 * What is wrong with a pasted access token, in the merchant's words, before anything is sent to Meta;
 * null when it looks like a token. Meta's tokens are opaque strings of letters, digits and a few
 * punctuation marks (https://developers.facebook.com/docs/facebook-login/guides/access-tokens); a
 * system-user token is generated in Business settings → Users → System users
 * (https://developers.facebook.com/docs/business-management-apis/system-users/install-apps-and-generate-tokens).
 * No message repeats any part of what was pasted: it may be a secret.
 */
export const ACCESS_TOKEN_MIN_LENGTH = 20
export const ACCESS_TOKEN_MAX_LENGTH = 1024

const WHERE = "Copy it again from Meta Business settings → Users → System users → Generate token."
const TOKEN_CHARACTERS = /^[A-Za-z0-9_\-|.]+$/

const count = (n: number) => `${n.toLocaleString("en-US")} character${n === 1 ? "" : "s"}`

export function accessTokenProblem(input: unknown): string | null {
  if (input === undefined || input === null) {
    return `Paste the system-user access token. ${WHERE}`
  }
  if (typeof input !== "string") {
    return "The access token must be text, pasted as Meta shows it."
  }
  const token = input.trim()
  if (token === "") {
    return `Paste the system-user access token. ${WHERE}`
  }
  if (/^bearer\s+/i.test(token)) {
    return "Paste only the token itself, without “Bearer ” in front of it."
  }
  if (/^[0-9a-f]{32}$/i.test(token)) {
    return "That looks like an app secret, not an access token. Never share the app secret; generate a system-user token instead."
  }
  if (/^\d+\|[0-9a-f]{32}$/i.test(token)) {
    return `That is an app access token (app id and secret); it cannot act for your business. Use a system-user token. ${WHERE}`
  }
  if (/\s/.test(token)) {
    return `That doesn't look like a Meta token: it contains spaces or line breaks, which Meta's tokens never have. ${WHERE}`
  }
  if (token.length < ACCESS_TOKEN_MIN_LENGTH) {
    return `That doesn't look like a Meta token: it is shorter than Meta's tokens (${count(token.length)}). ${WHERE}`
  }
  if (token.length > ACCESS_TOKEN_MAX_LENGTH) {
    return `That doesn't look like a Meta token: it is longer than Meta's tokens (${count(token.length)}). Copy only the token, without anything around it.`
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    return `That doesn't look like a Meta token: it contains characters Meta's tokens never have (such as quotes, slashes or accents). ${WHERE}`
  }
  return null
}
