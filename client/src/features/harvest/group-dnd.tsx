import { type CollisionDetection, closestCenter, pointerWithin, useDraggable, useDroppable } from '@dnd-kit/core'
import type { ReactNode } from 'react'
import type { Ack, ClientEventName, ClientEventPayload } from '@tischrunde/shared'

/** How a grouping screen sends its changes (the console's or the facilitator screen's control connection). */
export type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/** A new group's id: random enough, made on this screen (the server refuses one that exists). */
export const newGroupId = () => `g-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

/**
 * Where a card lands: under the pointer (mouse, touch); with the keyboard, which has no pointer, the
 * spot nearest to the moved card, other than its own place.
 */
export const whereDropped =
  (keyboard: boolean): CollisionDetection =>
  (args) => {
    if (!keyboard) return pointerWithin(args)
    const others = args.droppableContainers.filter((c) => c.id !== `before:${String(args.active.id)}`)
    return closestCenter({ ...args, droppableContainers: others })
  }

/** Where a dragged card can land: a group's head, the ungrouped cards, or before a card. */
export function DropSpot({ id, as = 'div', className, children, ...rest }: { id: string; as?: 'div' | 'li'; className?: string; children: ReactNode; 'data-card-id'?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id })
  const Tag = as
  return (
    <Tag ref={setNodeRef} className={`${className ?? ''}${isOver ? ' drop-over' : ''}`} {...rest}>
      {children}
    </Tag>
  )
}

/** The handle a card is dragged by (pointer, touch, or the keyboard: space, arrows, space). */
export function DragHandle({ id, label }: { id: string; label: string }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id })
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined
  return (
    <button type="button" ref={setNodeRef} className={`secondary drag-handle${isDragging ? ' dragging' : ''}`} style={style} aria-label={label} {...attributes} {...listeners}>
      ⠿
    </button>
  )
}
