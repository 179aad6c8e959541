import { authenticate } from "../auth"
import { json, type Reply, type RouteContext } from "../context"
import { requestErrors, tokenErrors } from "../errors"
import { parseFields } from "../fields"
import { stringParam } from "../http"
import { bucTypeOf, projectNode, requireReadPermission, type FieldContext } from "../node-fields"
import { canSee, findNode, meNode, nodeId } from "../nodes"
import { paginate } from "../paging"
import { findEdge, isKnownEdgeName, type EdgeContext } from "./edges"

/**
 * Graph objects and their edges: GET /{id}, GET|POST|DELETE /{id}/{edge}[/{sub}], with `/me` standing for
 * the token's person, system user or Page.
 */
export function handleGraphObject(ctx: RouteContext): Reply {
  const [id, edgeName, ...rest] = ctx.segments
  const method = ctx.request.method
  const caller = authenticate(ctx, { forMe: id === "me" })
  if (id === "me" && caller.kind !== "token") throw tokenErrors.noUserContext()
  const node = id === "me" && caller.kind === "token" ? meNode(ctx.world, caller.token) : findNode(ctx.world, ctx.apps, id)
  if (!node || !canSee(ctx.world, caller, node)) throw requestErrors.unsupported(method, id)

  const bucType = bucTypeOf(node)
  if (bucType) {
    ctx.usage.objectId = nodeId(node)
    ctx.usage.bucType = bucType
  }
  const fc: FieldContext = { world: ctx.world, apps: ctx.apps, caller, nowMs: ctx.now() }
  const fields = parseFields(stringParam(ctx.request.params, "fields"))

  if (edgeName === undefined) {
    if (method !== "GET") throw requestErrors.unsupported(method, id)
    requireReadPermission(node, caller)
    return json(projectNode(node, fields, fc))
  }

  const edge = findEdge(node, edgeName)
  if (!edge) {
    throw isKnownEdgeName(edgeName) ? requestErrors.nonexistingField(edgeName, node.type) : requestErrors.unknownPath(edgeName)
  }
  const ec: EdgeContext = { ctx, caller, fc }
  if (method === "GET" && edge.list && rest.length === 0) {
    const result = edge.list(ec)
    if ("nodes" in result) {
      const page = paginate(result.nodes, nodeId, ctx.request)
      const selection = fields ?? result.defaultFields?.map((name) => ({ name }))
      return json({ ...page, data: page.data.map((n) => projectNode(n, selection, fc)) })
    }
    return json(paginate(result.rows, result.keyOf, ctx.request))
  }
  if (method === "POST" && edge.create && rest.length === 0) return json(edge.create(ec))
  if (method === "DELETE" && edge.remove && rest.length <= 1) return json(edge.remove(ec, rest))
  throw requestErrors.unsupported(method, `${id}/${edgeName}`)
}
