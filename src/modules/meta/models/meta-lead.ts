import { model } from "@medusajs/framework/utils"

/** A lead-ad submission fetched from Meta and the Medusa customer it became. */
export const MetaLead = model
  .define("meta_lead", {
    id: model.id({ prefix: "metald" }).primaryKey(),
    leadgen_id: model.text(),
    page_id: model.text().nullable(),
    form_id: model.text().nullable(),
    /** The form's name as Meta had it when the lead was fetched. */
    form_name: model.text().nullable(),
    ad_id: model.text().nullable(),
    adset_id: model.text().nullable(),
    campaign_id: model.text().nullable(),
    platform: model.text().nullable(),
    is_organic: model.boolean().nullable(),
    /** Every question and its answer(s). */
    answers: model.json(),
    /** Disclaimer checkboxes and opt-in questions: [{ key, accepted }]. */
    consents: model.json(),
    customer_id: model.text().nullable(),
    /** The connection (and so the Meta user) the lead was retrieved through; data deletion follows it. */
    connection_id: model.text().nullable(),
    lead_created_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["leadgen_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id"] },
  ])
