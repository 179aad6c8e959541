import { MedusaError } from "@medusajs/framework/utils"
import { GraphError } from "../../lib/graph"

/**
 * Turns a Graph failure into an error a merchant can read: Meta's own user-facing text when it sends
 * one, else its developer message, with the code for support. Never includes a token.
 */
export function readableMetaError(error: unknown, doing: string): MedusaError {
  if (error instanceof GraphError) {
    const text = error.userMessage || error.message
    const code = error.code !== undefined ? ` (Meta error ${error.code}${error.subcode ? `/${error.subcode}` : ""})` : ""
    const type =
      error.category === "invalid" || error.category === "permission" || error.category === "auth"
        ? MedusaError.Types.NOT_ALLOWED
        : MedusaError.Types.UNEXPECTED_STATE
    return new MedusaError(type, `Meta refused to ${doing}: ${text}${code}`)
  }
  if (error instanceof MedusaError) {
    return error
  }
  return new MedusaError(
    MedusaError.Types.UNEXPECTED_STATE,
    `Could not ${doing}: ${error instanceof Error ? error.message : String(error)}`
  )
}
