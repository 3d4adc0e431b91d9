import { boardDocName } from '@tischrunde/shared'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTischStore } from '../../store/index.js'
import { type ReviewMove, type ReviewPosition, stepReview } from './review-steps.js'

/** A step this soon after the shown board finished loading, in ms, is dropped once: the key was pressed at the empty view. */
const SETTLE_MS = 300

const keyOf = (p: ReviewPosition) => `${p.table}.${p.station}`

/**
 * The review position. Held as React state so a key press shows the next board at once (the router
 * renders address changes in a transition, a moment later); the address follows with `replace`, so a
 * reload shows the same board, and an address changed from outside (a link, Back) moves the review.
 * Steps wait while the shown board is still loading (and one step right after it appeared is dropped),
 * so pressing → early never skips results nobody saw.
 */
export function useReviewPosition(opts: {
  eventId: string
  tableIds: readonly string[]
  stations: number
  fromAddress: ReviewPosition
  writeAddress: (pos: ReviewPosition) => void
}): { position: ReviewPosition; step: (move: ReviewMove) => void } {
  const [position, setPosition] = useState(opts.fromAddress)
  const current = useRef(position)
  const written = useRef<string[]>([])
  const addressKey = keyOf(opts.fromAddress)

  useEffect(() => {
    const mine = written.current.indexOf(addressKey)
    if (mine >= 0) {
      written.current.splice(0, mine + 1)
      return
    }
    written.current = []
    if (keyOf(current.current) === addressKey) return
    current.current = opts.fromAddress
    setPosition(opts.fromAddress)
    // Only a change of the address itself counts; opts.fromAddress is a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- addressKey stands for opts.fromAddress
  }, [addressKey])

  const doc = boardDocName(opts.eventId, opts.tableIds[position.table] ?? '')
  const status = useTischStore((s) => s.boards[doc]?.status ?? 'connecting')
  const seen = useRef({ doc, status, readyAt: -Infinity })
  useLayoutEffect(() => {
    const before = seen.current
    const justLoaded = before.doc === doc && before.status !== 'synced' && status === 'synced'
    seen.current = { doc, status, readyAt: justLoaded ? performance.now() : before.doc === doc ? before.readyAt : -Infinity }
  }, [doc, status])

  const step = (move: ReviewMove) => {
    if (seen.current.status === 'connecting') return
    if (performance.now() - seen.current.readyAt < SETTLE_MS) {
      seen.current.readyAt = -Infinity
      return
    }
    const next = stepReview(current.current, move, { tables: opts.tableIds.length, stations: opts.stations })
    if (keyOf(next) === keyOf(current.current)) return
    current.current = next
    setPosition(next)
    written.current.push(keyOf(next))
    opts.writeAddress(next)
  }

  return { position, step }
}
