import { type KeyboardCoordinateGetter, KeyboardCode } from '@dnd-kit/core'

const NEXT: readonly string[] = [KeyboardCode.Down, KeyboardCode.Right]
const PREVIOUS: readonly string[] = [KeyboardCode.Up, KeyboardCode.Left]

/**
 * The keyboard moves a dragged card from drop spot to drop spot in reading order (down/right: the
 * next, up/left: the one before), centred on it, instead of a few pixels per key: on a wall of
 * groups every key press lands somewhere a screen reader can name.
 */
export const jumpBetweenSpots: KeyboardCoordinateGetter = (event, { active, context }) => {
  const forward = NEXT.includes(event.code)
  if (!forward && !PREVIOUS.includes(event.code)) return undefined
  event.preventDefault()
  const { collisionRect, droppableRects, droppableContainers, over } = context
  if (!collisionRect) return undefined
  // The card's own place is no spot to land on (the drop would leave it where it is): stepping onto
  // it, the spot nearest to it is taken instead, and the keys never got past it.
  const own = `before:${String(active)}`
  const spots = droppableContainers
    .getEnabled()
    .filter((c) => c.id !== own)
    .flatMap((c) => {
      const rect = droppableRects.get(c.id)
      return rect ? [{ id: c.id, rect }] : []
    })
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left)
  if (spots.length === 0) return undefined
  const at = spots.findIndex((s) => s.id === over?.id)
  const next = at < 0 ? (forward ? 0 : spots.length - 1) : Math.max(0, Math.min(spots.length - 1, at + (forward ? 1 : -1)))
  const { rect } = spots[next]!
  return { x: rect.left + rect.width / 2 - collisionRect.width / 2, y: rect.top + rect.height / 2 - collisionRect.height / 2 }
}
