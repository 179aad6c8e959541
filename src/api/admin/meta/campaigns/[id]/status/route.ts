import { changeRoute } from "../../change-route"

/** `{ status: "ACTIVE" | "PAUSED" }` */
export const POST = changeRoute("campaign")
