import { CodeBlock } from "@medusajs/ui"

/** A JSON value shown read-only, pretty-printed, as Medusa's dashboard shows JSON. */
export const JsonCodeBlock = ({ label, value }: { label: string; value: unknown }) => (
  <CodeBlock snippets={[{ language: "json", label, code: JSON.stringify(value, null, 2) }]}>
    <CodeBlock.Body />
  </CodeBlock>
)
