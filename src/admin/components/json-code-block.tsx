import { CodeBlock } from "@medusajs/ui"

/**
 * A JSON value shown read-only, pretty-printed, as Medusa's dashboard shows JSON: under its label, with a
 * copy button, and scrolling inside its own box (at most about half the window) so a long response from
 * Meta stays readable in a drawer at a normal window height.
 */
export const JsonCodeBlock = ({ label, value }: { label: string; value: unknown }) => (
  <CodeBlock
    snippets={[{ language: "json", label, code: JSON.stringify(value ?? null, null, 2) ?? "null" }]}
    data-testid="meta-json-block"
  >
    <CodeBlock.Header />
    <CodeBlock.Body className="max-h-[45vh]" />
  </CodeBlock>
)
