export { OAUTH_STATE_TTL_MS, signOAuthState, verifyOAuthState, type OAuthStateInput, type OAuthStateVerification } from "./oauth-state"
export { buildOAuthDialogUrl } from "./oauth-dialog-url"
export {
  BASE_PERMISSIONS,
  dialogScopesFor,
  FEATURE_PERMISSIONS,
  META_FEATURES,
  isMetaFeature,
  missingPermissionsByFeature,
  OPTIONAL_FEATURE_PERMISSIONS,
  requestedScopesFor,
  scopesFor,
  type MetaFeature,
} from "./permissions"
export { redactOAuthCallbackUrl } from "./redact-callback-url"
