import { changeRoute } from "../../change-route"

/** `{ daily_budget | lifetime_budget }`, a decimal in the account currency (the campaign budget). */
export const POST = changeRoute("campaign")
