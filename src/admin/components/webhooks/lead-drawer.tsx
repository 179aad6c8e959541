import { Button, Copy, Drawer, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { leadPersonLabel } from "../../../lib/webhooks/lead-answers"
import { formatDateTime } from "../../lib/format-date"
import type { MetaLead } from "../../../types/http/webhooks"
import { LeadAnswersList } from "./lead-answers-list"

export const leadFormLabel = (lead: Pick<MetaLead, "form_id" | "form_name">) =>
  lead.form_name ?? (lead.form_id ? "A lead form (name not available from Meta)" : "Unknown form")

/** One lead: who, from which form and when, every answer, the customer it became, and ids for support. */
export const LeadDrawer = ({ lead, onClose }: { lead: MetaLead | null; onClose: () => void }) => (
  <Drawer open={!!lead} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{lead ? leadPersonLabel(lead) : "Lead"}</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">The answers a Meta lead form collected</Drawer.Description>
      </Drawer.Header>
      {lead && (
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto" data-testid="meta-lead-drawer">
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {leadFormLabel(lead)}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              Submitted {formatDateTime(lead.lead_created_at ?? lead.created_at)}
              {lead.platform === "ig" ? " on Instagram" : lead.platform === "fb" ? " on Facebook" : ""}
              {lead.is_organic ? " (not from an ad)" : ""}
            </Text>
          </div>
          <LeadAnswersList lead={lead} />
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              Customer
            </Text>
            {lead.customer ? (
              <Link className="text-ui-fg-interactive txt-small" to={`/customers/${lead.customer.id}`}>
                {lead.customer.name ?? lead.customer.email ?? lead.customer.phone ?? "Open the customer"}
              </Link>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {lead.customer_id ? "The customer this lead became was deleted." : "No customer yet."}
              </Text>
            )}
          </div>
          <div className="flex flex-col gap-y-1">
            <Text size="xsmall" className="text-ui-fg-muted">
              For Meta support
            </Text>
            <div className="flex items-center gap-x-1">
              <Text size="xsmall" className="text-ui-fg-muted">
                Lead id {lead.leadgen_id}
              </Text>
              <Copy content={lead.leadgen_id} />
            </div>
            {lead.form_id && (
              <Text size="xsmall" className="text-ui-fg-muted">
                Form id {lead.form_id}
                {lead.ad_id ? ` · ad id ${lead.ad_id}` : ""}
              </Text>
            )}
          </div>
        </Drawer.Body>
      )}
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button variant="secondary" size="small">
            Close
          </Button>
        </Drawer.Close>
      </Drawer.Footer>
    </Drawer.Content>
  </Drawer>
)
