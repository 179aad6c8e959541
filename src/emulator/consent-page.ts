import { PERMISSION_DESCRIPTIONS } from "./permissions"

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)
}

const STYLE = `
  body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; background: #f0f2f5; margin: 0; color: #1c1e21; }
  main { max-width: 480px; margin: 48px auto; background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.1); padding: 24px; }
  h1 { font-size: 20px; margin: 0 0 8px; }
  .sandbox { font-size: 12px; color: #65676b; text-transform: uppercase; letter-spacing: .04em; }
  ul { padding-left: 20px; } li { margin: 6px 0; } code { font-size: 12px; color: #65676b; }
  .notice { background: #fff8e1; border: 1px solid #f5d76e; border-radius: 6px; padding: 8px 12px; font-size: 13px; }
  .error { background: #fdecea; border: 1px solid #f5a5a5; border-radius: 6px; padding: 12px; }
  .actions { display: flex; gap: 8px; margin-top: 20px; }
  button { flex: 1; border: 0; border-radius: 6px; padding: 10px; font-size: 15px; font-weight: 600; cursor: pointer; }
  .primary { background: #1877f2; color: #fff; } .secondary { background: #e4e6eb; color: #050505; }
`

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><div class="sandbox">Meta Graph API emulator · sandbox</div>${body}</main></body></html>`
}

export type ConsentPageInput = {
  appName: string
  userName: string
  scopes: string[]
  unknownScopes: string[]
  /** Where the buttons post, and the dialog parameters they carry along. */
  action: string
  hidden: Record<string, string>
}

/** The Login dialog's consent step: app, person, requested permissions, "Continue as …" and "Cancel". */
export function renderConsentPage(input: ConsentPageInput): string {
  const permissions = input.scopes
    .map((s) => `<li>${escapeHtml(PERMISSION_DESCRIPTIONS[s] ?? s)} <code>${escapeHtml(s)}</code></li>`)
    .join("")
  const hidden = Object.entries(input.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("")
  // Meta shows unknown scopes to developers only and ignores them ("Invalid Scopes: …").
  const notice = input.unknownScopes.length
    ? `<p class="notice" data-testid="emulator-consent-invalid-scopes">Invalid Scopes: ${escapeHtml(input.unknownScopes.join(", "))}. This message is only shown to developers. Users of your app will ignore these permissions if present.</p>`
    : ""
  return layout(
    `Log in with Facebook · ${input.appName}`,
    `<h1>${escapeHtml(input.appName)} is requesting access to:</h1>
<p>Logged in as <strong data-testid="emulator-consent-user">${escapeHtml(input.userName)}</strong></p>
<ul data-testid="emulator-consent-permissions">${permissions}</ul>${notice}
<form method="post" action="${escapeHtml(input.action)}">${hidden}
<div class="actions">
<button class="secondary" type="submit" name="decision" value="cancel" data-testid="emulator-consent-cancel">Cancel</button>
<button class="primary" type="submit" name="decision" value="continue" data-testid="emulator-consent-continue">Continue as ${escapeHtml(input.userName)}</button>
</div></form>`
  )
}

/** What the dialog shows when its request is wrong (Meta's "Sorry, something went wrong" pages). */
export function renderDialogError(title: string, detail: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error" data-testid="emulator-dialog-error">${escapeHtml(detail)}</p>`
  )
}
