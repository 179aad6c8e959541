import { changeRoute } from "../../../campaigns/change-route"

/** `{ status: "ACTIVE" | "PAUSED" }` */
export const POST = changeRoute("ad_set")
