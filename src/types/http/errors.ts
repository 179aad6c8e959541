/**
 * The error body the plugin's own refusals answer with, in the shape of Medusa's error handler
 * (`{ type, message }`), so a client reads one shape whoever refused the request.
 */
export type MetaErrorResponse = {
  type: "invalid_data" | "unauthorized" | "not_found" | "too_many_requests"
  /** Says what is wrong, naming the field or header. */
  message: string
}
