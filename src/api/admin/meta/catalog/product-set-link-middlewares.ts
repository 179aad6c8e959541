import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { markMetaProductSetsDirtyWorkflow } from "../../../../workflows/catalog"

/**
 * Adding products to a collection or category from its own page (batchLinkProductsTo… workflows) emits
 * no event in Medusa 2.21, so the product-set subscriber never hears of it. This middleware marks the
 * collection's or category's product set dirty once Medusa answered the request successfully.
 */
function markSetDirtyAfterSuccess(kind: "collections" | "categories") {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    res.on("finish", () => {
      if (res.statusCode >= 300 || !req.params.id) return
      markMetaProductSetsDirtyWorkflow(req.scope)
        .run({ input: { kind, ids: [req.params.id] } })
        .catch((error) =>
          req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Meta product set not marked for ${req.params.id}: ${error?.message ?? error}`)
        )
    })
    next()
  }
}

export const adminProductSetLinkMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/collections/:id/products", methods: ["POST"], middlewares: [markSetDirtyAfterSuccess("collections")] },
  { matcher: "/admin/product-categories/:id/products", methods: ["POST"], middlewares: [markSetDirtyAfterSuccess("categories")] },
]
