import { randomBytes } from "node:crypto"
import type { MetaDataDeletionRequest, MetaDataDeletionStatus } from "../../types/http/callbacks"

/** Meta shows the code to the person and links to the status URL (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback). */
export function newConfirmationCode(): string {
  return randomBytes(12).toString("hex")
}

export const CONFIRMATION_CODE = /^[a-f0-9]{24}$/

const STATUS_TEXT: Record<MetaDataDeletionStatus, string> = {
  pending: "We received your request and are deleting your data.",
  completed: "Your data has been deleted. Nothing this store kept about you through Meta remains.",
  failed: "Deleting your data did not finish. It will be retried; contact the store if this persists.",
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The human-readable status page Meta requires behind the `url` of a data-deletion answer. */
export function renderDeletionStatusPage(view: MetaDataDeletionRequest | null, storeName = "This store"): string {
  const body = view
    ? `<h1>Data deletion request</h1>
<p>Confirmation code: <code>${escapeHtml(view.confirmation_code)}</code></p>
<p>Status: <strong>${escapeHtml(view.status)}</strong></p>
<p>${escapeHtml(STATUS_TEXT[view.status])}</p>
<p>Requested: ${escapeHtml(view.requested_at)}${view.completed_at ? `<br>Completed: ${escapeHtml(view.completed_at)}` : ""}</p>`
    : `<h1>Data deletion request</h1><p>No deletion request has this confirmation code.</p>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data deletion status — ${escapeHtml(storeName)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
${body}
</body></html>`
}
