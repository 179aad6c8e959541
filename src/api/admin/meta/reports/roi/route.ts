import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toCsv } from "../../../../../lib/overview/csv"
import { ROI_CSV_COLUMNS, roiCsvRecords } from "../../../../../lib/overview/roi-report"
import type { MetaRoiReportResponse } from "../../../../../types/http/overview"
import type { GetMetaRoiReportType } from "../../overview/validators"
import { readRoiReport } from "./read-roi-report"

/**
 * GET /admin/meta/reports/roi: per day, week or month — ad spend, revenue attributed to ads and to
 * publications, orders, ROAS from the store's orders and as Meta reports it. `format=csv` downloads it.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, GetMetaRoiReportType>, res: MedusaResponse<MetaRoiReportResponse | string>) => {
  const { from, to, interval, format } = req.validatedQuery as GetMetaRoiReportType
  const report = await readRoiReport(req.scope, { from, to, interval })
  if (format === "csv") {
    res.setHeader("Content-Type", "text/csv; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="meta-roi-${report.from}-${report.to}-${report.interval}.csv"`)
    res.status(200).send(toCsv(ROI_CSV_COLUMNS, roiCsvRecords(report)))
    return
  }
  res.json({ report })
}
