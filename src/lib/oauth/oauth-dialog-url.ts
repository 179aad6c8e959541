/**
 * Facebook Login dialog URL (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow):
 * `<oauthDialogUrl>/<v>/dialog/oauth?client_id&redirect_uri&state&response_type=code&scope=a,b`.
 * `response_type=code` selects the server-side flow (the code is exchanged with the app secret);
 * `redirect_uri` must later be sent byte-identical to the code exchange.
 */
export function buildOAuthDialogUrl(input: {
  oauthDialogUrl: string
  apiVersion: string
  appId: string
  redirectUri: string
  state: string
  scopes: string[]
}): string {
  if (!/^v\d+\.\d+$/.test(input.apiVersion)) {
    throw new Error(`apiVersion must look like "v25.0", got "${input.apiVersion}"`)
  }
  if (!input.appId) throw new Error("appId is required for the OAuth dialog URL")
  if (!input.state) throw new Error("state is required for the OAuth dialog URL")
  const redirect = new URL(input.redirectUri)
  if (redirect.protocol !== "https:" && redirect.protocol !== "http:") {
    throw new Error("redirectUri must be an http(s) URL")
  }
  const base = input.oauthDialogUrl.replace(/\/+$/, "")
  const scopes = [...new Set(input.scopes.map((s) => s.trim()).filter((s) => s !== ""))]
  const query = [
    `client_id=${encodeURIComponent(input.appId)}`,
    `redirect_uri=${encodeURIComponent(input.redirectUri)}`,
    `state=${encodeURIComponent(input.state)}`,
    "response_type=code",
    // Meta documents the scope list as comma-separated; the commas stay literal, the names are encoded.
    `scope=${scopes.map(encodeURIComponent).join(",")}`,
  ]
  return `${base}/${input.apiVersion}/dialog/oauth?${query.join("&")}`
}
