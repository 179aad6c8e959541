import { clx } from "@medusajs/ui"
import { useState, type DragEvent, type ReactNode } from "react"
import { PUBLICATION_DRAG_TYPE } from "./publication-chip"

type Props = {
  onDropPublication: (publicationId: string) => void
  className?: string
  children?: ReactNode
  testId?: string
}

const carriesPublication = (event: DragEvent) => event.dataTransfer.types.includes(PUBLICATION_DRAG_TYPE)

/** A calendar day (or hour of a day) a publication chip can be dropped on; highlighted while one is over it. */
export const PublicationDropTarget = ({ onDropPublication, className, children, testId }: Props) => {
  const [over, setOver] = useState(false)
  return (
    <div
      className={clx(className, over && "bg-ui-bg-highlight")}
      data-testid={testId}
      onDragOver={(event) => {
        if (!carriesPublication(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = "move"
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false)
        const id = event.dataTransfer.getData(PUBLICATION_DRAG_TYPE)
        if (!id) return
        event.preventDefault()
        onDropPublication(id)
      }}
    >
      {children}
    </div>
  )
}
