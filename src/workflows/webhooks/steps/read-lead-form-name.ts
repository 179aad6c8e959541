import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { metaService } from "../../../modules/meta/resolve-meta-service"

/** The longest form name kept; Meta's form names are short, this only bounds what is stored. */
const MAX_FORM_NAME = 255

/**
 * The name of the lead form a lead came from, so the admin shows "Spring newsletter" rather than a
 * number: the name a stored lead of the same form already has, else `GET /{form_id}?fields=name` with the
 * Page's token (https://developers.facebook.com/docs/marketing-api/reference/lead-gen-form/). A name is
 * a nicety: when Meta does not give it (permission, archived form, outage) the lead is kept without it.
 */
export const readLeadFormNameStep = createStep(
  "read-lead-form-name",
  async (input: { form_id: string | null; page_id: string | null }, { container }) => {
    if (!input.form_id) return new StepResponse<string | null>(null)
    const service = metaService(container)
    const [known] = await service.listMetaLeads(
      { form_id: input.form_id, form_name: { $ne: null } },
      { select: ["form_name"], order: { created_at: "DESC" }, take: 1 }
    )
    if (known?.form_name) return new StepResponse<string | null>(known.form_name)
    const live = await service.getConnectionToken()
    if (!live) return new StepResponse<string | null>(null)
    const token = (input.page_id ? (await service.getPageTokens([input.page_id])).get(input.page_id) : undefined) ?? live.token
    try {
      const form = await service.getGraphClient().get<{ name?: unknown }>(input.form_id, {
        token,
        params: { fields: "name" },
        usageKey: input.page_id ?? undefined,
      })
      const name = typeof form.name === "string" ? form.name.replace(/\s+/g, " ").trim().slice(0, MAX_FORM_NAME) : ""
      return new StepResponse<string | null>(name || null)
    } catch {
      return new StepResponse<string | null>(null)
    }
  }
)
