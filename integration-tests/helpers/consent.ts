/**
 * Plays the merchant on the emulator's consent page: loads the dialog URL the store handed out,
 * submits the form behind "Continue" (or "Cancel"), and returns where Meta redirects the browser.
 */
export async function answerConsent(
  dialogUrl: string,
  choice: "continue" | "cancel" = "continue"
): Promise<URL> {
  const page = await fetch(dialogUrl)
  const html = await page.text()
  if (page.status !== 200) {
    throw new Error(`consent page answered ${page.status}: ${html.slice(0, 300)}`)
  }
  const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)]
  const form = forms.find((f) => f[2].includes(`emulator-consent-${choice}`))
  if (!form) {
    throw new Error(`no ${choice} form on the consent page`)
  }
  const fields = new URLSearchParams()
  for (const input of form[2].matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? ""
    if (name) {
      fields.set(name, decodeHtml(value))
    }
  }
  const button = new RegExp(
    `<button[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*data-testid="emulator-consent-${choice}"`
  ).exec(form[2])
  if (button) {
    fields.set(button[1], button[2])
  }
  const action = new URL(decodeHtml(form[1]), dialogUrl)
  const answer = await fetch(action, {
    method: "POST",
    body: fields,
    redirect: "manual",
  })
  const location = answer.headers.get("location")
  if (answer.status !== 302 && answer.status !== 303) {
    throw new Error(`consent answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`)
  }
  return new URL(location as string)
}

function decodeHtml(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
}
