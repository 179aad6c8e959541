import { z } from "@medusajs/framework/zod"

export const GetMetaSetupSchema = z.object({}).strict()

export const PostMetaPageSubscriptionSchema = z.object({}).strict()
