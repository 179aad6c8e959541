import { Badge, Container, Copy, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { MetaAppReviewResponse, MetaAppReviewState } from "../../../types/http/overview"
import { FEATURE_LABEL } from "../../lib/meta-labels"

const STATE: Record<MetaAppReviewState, { label: string; color: "green" | "orange" | "red" | "grey" }> = {
  done: { label: "Done", color: "green" },
  todo: { label: "To do", color: "orange" },
  blocked: { label: "Blocked", color: "red" },
  unknown: { label: "Unknown", color: "grey" },
}

type Kit = MetaAppReviewResponse["app_review"]

/** The App Review checklist: the app's settings and URLs, then each permission with its use case and screencast. */
export const AppReviewChecklist = ({ kit }: { kit: Kit }) => (
  <div className="flex flex-col gap-y-3">
    <Container className="divide-y p-0" data-testid="meta-app-review-items">
      <div className="px-6 py-4">
        <Heading level="h2">App settings and business</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          What the Meta App Dashboard needs before you submit.{" "}
          <a href={kit.docs.app_review} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
            Meta's App Review guide
          </a>
        </Text>
      </div>
      {kit.items.map((item) => (
        <div key={item.key} className="flex items-start justify-between gap-x-4 px-6 py-4" data-testid={`meta-app-review-item-${item.key}`}>
          <div className="flex min-w-0 flex-col gap-y-1">
            <Text size="small" weight="plus">
              {item.title}
            </Text>
            {item.value && (
              <div className="flex items-center gap-x-1">
                <code className="txt-compact-xsmall text-ui-fg-subtle break-all">{item.value}</code>
                {/^https?:\/\//.test(item.value) && <Copy content={item.value} />}
              </div>
            )}
            <Text size="small" className="text-ui-fg-subtle">
              {item.detail}{" "}
              <a href={item.docs_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
                Meta's docs
              </a>
            </Text>
          </div>
          <StatusBadge color={STATE[item.state].color} className="shrink-0 whitespace-nowrap">
            {STATE[item.state].label}
          </StatusBadge>
        </div>
      ))}
    </Container>
    <Container className="divide-y p-0" data-testid="meta-app-review-permissions">
      <div className="px-6 py-4">
        <Heading level="h2">Permissions to submit</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Only what the enabled features request (turn features off in <Link to="/settings/meta" className="text-ui-fg-interactive">Settings → Meta</Link> to
          submit less). "Done" means the current connection was granted it, so the flow can be recorded; Advanced Access itself shows in the App
          Dashboard.
        </Text>
      </div>
      {kit.permissions.map((p) => (
        <div key={p.permission} className="flex flex-col gap-y-2 px-6 py-4" data-testid={`meta-app-review-permission-${p.permission}`}>
          <div className="flex items-center justify-between gap-x-4">
            <div className="flex flex-wrap items-center gap-2">
              <code className="txt-compact-small-plus">{p.permission}</code>
              {p.requested_by.map((by) => (
                <Badge key={by} size="2xsmall">
                  {by === "connection" ? "Connection" : FEATURE_LABEL[by] ?? by}
                </Badge>
              ))}
            </div>
            <StatusBadge color={STATE[p.state].color} className="shrink-0 whitespace-nowrap">
              {STATE[p.state].label}
            </StatusBadge>
          </div>
          <div className="bg-ui-bg-subtle flex items-start gap-x-2 rounded-md px-3 py-2">
            <Text size="small" className="flex-1">
              {p.use_case}
            </Text>
            <Copy content={p.use_case} />
          </div>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Meta asks for: {p.meta_asks.join(" ")}
          </Text>
          <Text size="xsmall" weight="plus">
            Screens to record
          </Text>
          <ol className="txt-compact-xsmall text-ui-fg-subtle list-decimal pl-5">
            {p.screens.map((s) => (
              <li key={s.path}>
                <Link to={s.path} className="text-ui-fg-interactive">
                  {s.title}
                </Link>
                : {s.show}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Container>
  </div>
)
