import { model } from "@medusajs/framework/utils"

/**
 * Conversions API settings an admin changes at runtime. One row. `test_event_code` overrides the
 * `capi.testEventCode` option: events then land in Events Manager → Test Events only.
 */
export const MetaCapiSetting = model.define("meta_capi_setting", {
  id: model.id({ prefix: "metacset" }).primaryKey(),
  test_event_code: model.text().nullable(),
})
