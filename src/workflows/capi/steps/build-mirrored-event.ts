import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { buildMirroredEvent, type BrowserContext } from "../../../lib/capi"
import { metaService } from "../../../modules/meta/resolve-meta-service"
import type { BuiltCapiEvents } from "./build-purchase-event"
import { browserContextOf } from "../browser-context"
import { resolveCapiTarget } from "../resolve-capi-target"

export type MirroredEventRequest = {
  event_name: string
  event_id: string
  event_time_ms: number
  event_source_url: string
  cart_id?: string
  custom_data?: Record<string, unknown>
  browser: BrowserContext & { consent?: boolean }
}

/** A browser event the storefront mirrors; the cart's stored context fills what the request lacks. */
export const buildMirroredEventStep = createStep(
  "build-meta-mirrored-event",
  async (input: MirroredEventRequest, { container }) => {
    if (input.browser.consent === false) return new StepResponse<BuiltCapiEvents>({ skipped: "the shopper did not consent" })
    const target = await resolveCapiTarget(container)
    if (!target) return new StepResponse<BuiltCapiEvents>({ skipped: "no pixel selected or Conversions API disabled" })
    const [row] = input.cart_id ? await metaService(container).listMetaCartContexts({ cart_id: input.cart_id }, { take: 1 }) : []
    if (row && !row.consent) return new StepResponse<BuiltCapiEvents>({ skipped: "the shopper did not consent" })
    const browser: BrowserContext = {
      ...browserContextOf(row),
      ...Object.fromEntries(Object.entries(input.browser).filter(([, v]) => v !== undefined && v !== null)),
      eventSourceUrl: input.event_source_url,
    }
    if (!browser.clientUserAgent) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "user-agent header is required to mirror a browser event")
    }
    return new StepResponse<BuiltCapiEvents>({
      pixel_id: target.pixelId,
      test_event_code: target.testEventCode,
      subject_id: input.cart_id ?? input.event_id,
      events: [
        buildMirroredEvent(
          { eventName: input.event_name, eventId: input.event_id, eventTimeMs: input.event_time_ms, customData: input.custom_data },
          browser
        ),
      ],
    })
  }
)
