import { randomBytes } from "node:crypto"

/** Meta's error object (Graph API "Handling errors"): message, type, code, error_subcode, fbtrace_id, is_transient. */
export type MetaErrorBody = {
  message: string
  type: string
  code: number
  error_subcode?: number
  error_user_title?: string
  error_user_msg?: string
  is_transient: boolean
  fbtrace_id: string
}

export class GraphApiError extends Error {
  readonly status: number
  readonly code: number
  readonly subcode?: number
  readonly type: string
  readonly isTransient: boolean
  readonly headers: Record<string, string>
  /** error_user_title / error_user_msg: the text Meta means to be shown to the app's user. */
  readonly userTitle?: string
  readonly userMessage?: string

  constructor(input: {
    message: string
    code: number
    subcode?: number
    type?: string
    status?: number
    isTransient?: boolean
    headers?: Record<string, string>
    userTitle?: string
    userMessage?: string
  }) {
    super(input.message)
    this.name = "GraphApiError"
    this.code = input.code
    this.subcode = input.subcode
    this.type = input.type ?? "OAuthException"
    // Graph answers most errors, token errors included, with HTTP 400.
    this.status = input.status ?? 400
    this.isTransient = input.isTransient ?? false
    this.headers = input.headers ?? {}
    this.userTitle = input.userTitle
    this.userMessage = input.userMessage
  }

  toBody(): { error: MetaErrorBody } {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode !== undefined ? { error_subcode: this.subcode } : {}),
        is_transient: this.isTransient,
        ...(this.userTitle !== undefined ? { error_user_title: this.userTitle } : {}),
        ...(this.userMessage !== undefined ? { error_user_msg: this.userMessage } : {}),
        fbtrace_id: newTraceId(),
      },
    }
  }
}

export function newTraceId(): string {
  return randomBytes(8).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 11)
}

function formatSessionDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toUTCString()
}

/** 190 family: the token cannot be used (Graph "Access token invalid/expired", subcodes 458–467). */
export const tokenErrors = {
  unparseable: () =>
    new GraphApiError({ code: 190, message: "Invalid OAuth access token - Cannot parse access token" }),
  badAppToken: () => new GraphApiError({ code: 190, message: "Invalid OAuth access token signature." }),
  expired: (expiresAt: number, now: number) =>
    new GraphApiError({
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${formatSessionDate(expiresAt)}. The current time is ${formatSessionDate(now)}.`,
    }),
  invalidated: (subcode: number, message: string) => new GraphApiError({ code: 190, subcode, message }),
  missing: () => new GraphApiError({ code: 104, message: "An access token is required to request this resource." }),
  noUserContext: () =>
    new GraphApiError({
      code: 2500,
      message: "An active access token must be used to query information about the current user.",
    }),
}

/** Messages Meta uses for invalidated sessions, by subcode. */
export const INVALIDATION_MESSAGES = {
  appRemoved: (appId: string) =>
    `Error validating access token: The user has not authorized application ${appId}.`,
  passwordChanged:
    "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
  loggedOut: "Error validating access token: The session is invalid because the user logged out.",
}

function listPermissions(perms: string[]): string {
  if (perms.length === 1) return perms[0]
  return `either ${perms.slice(0, -1).join(", ")} or ${perms[perms.length - 1]}`
}

export const requestErrors = {
  /** (#200)/(#10): the token lacks a permission the edge or field needs. */
  missingPermission: (anyOf: string[], code: 10 | 200 = 200) =>
    new GraphApiError({ code, message: `(#${code}) Requires ${listPermissions(anyOf)} permission to manage the object` }),
  /** 100/33: Meta does not distinguish "does not exist" from "you may not see it". */
  unsupported: (method: string, id: string) =>
    new GraphApiError({
      code: 100,
      subcode: 33,
      type: "GraphMethodException",
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    }),
  nonexistingField: (field: string, nodeType: string) =>
    new GraphApiError({ code: 100, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})` }),
  unknownPath: (component: string) =>
    new GraphApiError({ code: 2500, message: `Unknown path components: /${component}` }),
  missingParam: (name: string) =>
    new GraphApiError({ code: 100, message: `(#100) The parameter ${name} is required` }),
  invalidParam: (message: string) => new GraphApiError({ code: 100, message: `(#100) ${message}` }),
  appsecretProofMissing: () =>
    new GraphApiError({
      code: 100,
      type: "GraphMethodException",
      message: "API calls from the server require an appsecret_proof argument",
    }),
  appsecretProofInvalid: () =>
    new GraphApiError({
      code: 100,
      type: "GraphMethodException",
      message: "Invalid appsecret_proof provided in the API argument",
    }),
}

/** Errors of GET /oauth/access_token (client credentials and authorization codes). */
export const oauthErrors = {
  missingClientId: () => new GraphApiError({ code: 101, message: "Missing client_id parameter." }),
  invalidClientId: () =>
    new GraphApiError({ code: 101, message: "Error validating application. Invalid application ID." }),
  clientSecret: () => new GraphApiError({ code: 1, message: "Error validating client secret." }),
  missingRedirectUri: () => new GraphApiError({ code: 191, message: "Missing redirect_uri parameter." }),
  invalidCode: () => new GraphApiError({ code: 100, subcode: 36007, message: "Invalid verification code format." }),
  expiredCode: () => new GraphApiError({ code: 100, subcode: 36007, message: "This authorization code has expired." }),
  usedCode: () => new GraphApiError({ code: 100, subcode: 36009, message: "This authorization code has been used." }),
  redirectMismatch: () =>
    new GraphApiError({
      code: 100,
      subcode: 36008,
      message:
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
    }),
}
