import { changeRoute } from "../../../campaigns/change-route"

/** `{ daily_budget | lifetime_budget }`, a decimal in the account currency. */
export const POST = changeRoute("ad_set")
