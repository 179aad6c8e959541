import { GraphApiError, type MetaErrorBody } from "../errors"

/**
 * Marketing API validation errors: code 100 "Invalid parameter" with Meta's subcode where one is known,
 * the text meant for people (error_user_title / error_user_msg) and the offending fields in
 * `error_data.blame_field_specs` — a JSON *string*, as in Meta's own example
 * (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign/copies/ error sample:
 * `"error_data": "{\"blame_field_specs\":[[\"dsa_payor\"]]}"`).
 */
export class AdsApiError extends GraphApiError {
  readonly blame?: string[][]

  constructor(input: ConstructorParameters<typeof GraphApiError>[0] & { blame?: string[][] }) {
    super(input)
    this.blame = input.blame
  }

  toBody(): { error: MetaErrorBody & { error_data?: string } } {
    const body = super.toBody()
    if (!this.blame?.length) return body
    return { error: { ...body.error, error_data: JSON.stringify({ blame_field_specs: this.blame }) } }
  }
}

/** An "Invalid parameter" refusal with the text for people and the field it is about. */
export function invalid(input: { title: string; message: string; field?: string | string[]; subcode?: number; code?: number }): AdsApiError {
  const fields = input.field === undefined ? [] : Array.isArray(input.field) ? input.field : [input.field]
  return new AdsApiError({
    code: input.code ?? 100,
    subcode: input.subcode,
    message: "Invalid parameter",
    userTitle: input.title,
    userMessage: input.message,
    blame: fields.map((f) => f.split(".")),
  })
}

/** Graph's typed-parameter refusal, "(#100) Param x must be …", blamed on the field. */
export function badParam(field: string, message: string): AdsApiError {
  return new AdsApiError({ code: 100, message: `(#100) ${message}`, blame: [field.split(".")] })
}

export function missingParam(field: string): AdsApiError {
  return new AdsApiError({ code: 100, message: `(#100) The parameter ${field} is required`, blame: [field.split(".")] })
}
