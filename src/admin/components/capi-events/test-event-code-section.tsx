import { Button, Container, Heading, Input, Label, StatusBadge, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useMetaCapiSettings, useUpdateMetaCapiSettings } from "../../hooks/api/capi-events"
import { SectionError } from "../webhooks/section-error"

/**
 * Events Manager → Test Events: with a test event code set, Meta shows the events there and does not
 * count them for ads, so a store can check its setup without polluting its data.
 */
export const TestEventCodeSection = () => {
  const { data, isPending, isError, error, refetch } = useMetaCapiSettings()
  const update = useUpdateMetaCapiSettings()
  const [code, setCode] = useState("")
  const current = data?.settings

  useEffect(() => {
    setCode(current?.source === "admin" ? current.test_event_code ?? "" : "")
  }, [current?.source, current?.test_event_code])

  const save = (test_event_code: string | null) =>
    update.mutate(
      { test_event_code },
      {
        onSuccess: ({ settings }) =>
          toast.success(settings.test_event_code ? `Events now go to Test Events (${settings.test_event_code})` : "Events now count for your ads again"),
        onError: (e) => toast.error(e.message),
      }
    )

  return (
    <Container className="divide-y p-0" data-testid="meta-capi-test-event-code">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Test event code</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            From Events Manager → Test Events. While set, Meta shows events there and does not use them for ads.
          </Text>
        </div>
        {current?.test_event_code ? (
          <StatusBadge color="orange">Test mode</StatusBadge>
        ) : current ? (
          <StatusBadge color="green">Live</StatusBadge>
        ) : null}
      </div>
      {isPending && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
      {isError && <SectionError what="The test event code" message={error.message} onRetry={() => refetch()} />}
      {current && (
        <form
          className="flex flex-col gap-y-3 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            save(code.trim() || null)
          }}
        >
          {current.source === "options" && (
            <Text size="small" className="text-ui-fg-subtle">
              The plugin option <code>capi.testEventCode</code> sets {current.test_event_code}; a code saved here takes
              precedence.
            </Text>
          )}
          <div className="flex items-end gap-x-2">
            <div className="flex flex-1 flex-col gap-y-1">
              <Label htmlFor="meta-test-event-code" size="small">
                Code
              </Label>
              <Input
                id="meta-test-event-code"
                size="small"
                placeholder="TEST12345"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <Button size="small" type="submit" isLoading={update.isPending && update.variables?.test_event_code !== null}>
              Save
            </Button>
            {current.source === "admin" && (
              <Button
                size="small"
                variant="secondary"
                type="button"
                isLoading={update.isPending && update.variables?.test_event_code === null}
                onClick={() => save(null)}
              >
                Remove
              </Button>
            )}
          </div>
        </form>
      )}
    </Container>
  )
}
