import { Button, Drawer, Heading, Hint, Input, Label, Text, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { accessTokenProblem } from "../../lib/connection/token-input"
import { useConnectSystemUserToken } from "../hooks/api/connection"

// The server says "Invalid request: access_token: …"; what follows is written for the merchant.
const readable = (message: string) => message.replace(/^Invalid request:\s*/, "").replace(/^access_token:\s*/, "")

type SystemUserTokenDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
}

// For stores managed from a Business Manager: a system-user token does not
// expire with a person's Facebook session. The token only lives in this input
// (kept after a failed attempt, so the merchant can fix it; cleared on success
// or when the drawer closes); it is never echoed back or logged.
export const SystemUserTokenDrawer = ({ open, onOpenChange }: SystemUserTokenDrawerProps) => {
  const [token, setToken] = useState("")
  const [error, setError] = useState<string | null>(null)

  const handleOpenChange = (next: boolean) => {
    setToken("")
    setError(null)
    onOpenChange(next)
  }

  const { mutate, isPending } = useConnectSystemUserToken({
    onSuccess: () => {
      toast.success("Connected to Meta")
      handleOpenChange(false)
    },
    onError: (err) => setError(readable(err.message)),
  })

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problem = accessTokenProblem(token)
    setError(problem)
    if (problem) return
    mutate({ access_token: token.trim() })
  }

  return (
    <Drawer open={open} onOpenChange={handleOpenChange}>
      <Drawer.Content className="flex flex-col">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>Use a system-user token</Heading>
          </Drawer.Title>
          <Drawer.Description className="sr-only">
            Connect Meta with an access token generated for a system user in Business settings.
          </Drawer.Description>
        </Drawer.Header>
        <form onSubmit={handleSubmit} className="flex flex-1 flex-col">
          <Drawer.Body className="flex flex-1 flex-col gap-y-4">
            <Text size="small" className="text-ui-fg-subtle">
              In Meta Business settings, open Users → System users, generate a token for this app with the
              permissions your features need, and paste it here. The token is stored encrypted and is never
              shown again.
            </Text>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="meta-system-user-token" size="small" weight="plus">
                Access token
              </Label>
              <Input
                id="meta-system-user-token"
                data-testid="meta-system-user-token-input"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                onChange={(event) => {
                  setToken(event.target.value)
                  setError(null)
                }}
                disabled={isPending}
                aria-invalid={!!error}
              />
              {error && (
                <Hint variant="error" data-testid="meta-system-user-token-error">
                  {error}
                </Hint>
              )}
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button variant="secondary" size="small" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button
              size="small"
              type="submit"
              isLoading={isPending}
              data-testid="meta-system-user-token-submit"
            >
              Connect
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
