import { useLayoutEffect, useState } from 'react'
import { useShrinkToFit } from '../projector/use-shrink-to-fit.js'

/** The smallest type scale of a full map (1: the projector's size). */
export const FIT_MIN = 0.8
/** The largest, for a map of few actors: its names read from the back of a hall, not in the top third of the screen. */
export const FIT_MAX = 1.5

/** How a map fits the screen: its type scale, and per area how many chips are shown (null: all). */
export type ActorFit = { scale: number; shown: Readonly<Record<string, number>> | null }

/**
 * A projector cannot scroll: a map starts at the largest type (`FIT_MAX`) and, too full for the
 * screen, gets smaller type step by step (to `FIT_MIN`), until its last chip is on the screen. A map still too full at the smallest type
 * shows in each area the chips that fit (the most-named come first) and how many more there are.
 * `layout` names what the map holds (actors, names, mentions, whether names are hyphenated yet): a
 * change, or a new size of the window, starts again at full size.
 * The returned ref goes on the element whose box the chips must stay in; each chip carries
 * `data-area`'s column as its nearest `[data-area]` ancestor.
 */
export function useActorFit(content: string): [React.RefObject<HTMLDivElement | null>, ActorFit] {
  const { box, scale, layout } = useShrinkToFit<HTMLDivElement>(content, FIT_MIN, FIT_MAX)
  const [cut, setCut] = useState<{ layout: string; shown: Record<string, number> } | null>(null)
  const shown = cut?.layout === layout ? cut.shown : null
  useLayoutEffect(() => {
    const el = box.current
    if (!el || shown || scale > FIT_MIN || el.scrollHeight <= el.clientHeight + 1) return
    setCut({ layout, shown: chipsThatFit(el) })
  }, [box, layout, scale, shown])
  return [box, { scale, shown }]
}

/** For each area whose chips run past the box's foot: how many (in order) end a line above it, for "+ N more". */
function chipsThatFit(box: HTMLElement): Record<string, number> {
  const foot = box.getBoundingClientRect().bottom
  const shown: Record<string, number> = {}
  for (const column of box.querySelectorAll<HTMLElement>('[data-area]')) {
    const chips = [...column.querySelectorAll<HTMLElement>('li')]
    if (!chips.length || chips[chips.length - 1]!.getBoundingClientRect().bottom <= foot) continue
    const line = chips[0]!.getBoundingClientRect().height
    const first = chips.findIndex((chip) => chip.getBoundingClientRect().bottom > foot - line)
    if (first >= 0) shown[column.dataset.area!] = first
  }
  return shown
}
