import { boardDocName, isTreeDay } from '@tischrunde/shared'
import { useEffect, useMemo, useRef, useState } from 'react'
import { dayKey } from '../../i18n/day-key.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { EMPTY_BOARD } from '../../store/board-slice.js'
import { currentStation, secondsLeft } from '../../store/selectors.js'
import { useServerNow } from '../../sync/use-server-now.js'
import { newCardsOfOthers, stationBegan, stationNaming, timerMarkCrossed } from './announce.js'

/** How long an announcement stays in the live region (screen readers read it when it appears). */
const ANNOUNCED_FOR_MS = 5000

/**
 * A polite live region that tells screen-reader users what changes without their doing: a new
 * station, the timer's last minutes, and (with `tableId`) new cards of others at their table.
 */
export function LiveAnnouncer({ tableId, ownAuthorId }: { tableId?: string | undefined; ownAuthorId?: string | undefined }) {
  const { t } = useTranslation()
  const event = useTischStore((s) => s.event)
  const round = useTischStore((s) => s.round)
  const now = useServerNow(1000)
  const docName = event && tableId ? boardDocName(event.id, tableId) : null
  const board = useTischStore((s) => (docName ? s.boards[docName] : undefined) ?? EMPTY_BOARD)
  const station = event ? currentStation(event, round) : null
  const cards = useMemo(() => (station ? board.cards.filter((c) => c.stationId === station.id) : []), [board.cards, station])
  const [said, say] = useState<{ text: string; cardId?: string } | null>(null)
  const setMessage = (text: string, cardId?: string) => say(cardId ? { text, cardId } : { text })
  const last = useRef<{ left: number | null; round: typeof round; known: Set<string> | null }>({ left: null, round: null, known: null })

  const left = secondsLeft(round, now)
  useEffect(() => {
    const before = last.current
    const mark = round && !round.paused ? timerMarkCrossed(before.left, left) : null
    const began = stationBegan(before.round, round)
    // Cards present when the table opened (or synced) are not news; only those arriving after.
    const synced = board.status !== 'connecting'
    const fresh = before.known && synced ? newCardsOfOthers(before.known, cards, ownAuthorId) : []
    last.current = { left, round, known: synced ? new Set(cards.map((c) => c.id)) : null }
    if (began !== null && event) {
      const s = event.template.stations[began]
      if (s) {
        const title = stationNaming(began + 1, s)
        // A day of trees announces its phases by their titles ("Jetzt beginnt: Reflexionsphase 2: Lösungsbaum"), which often name their number.
        const treeDay = isTreeDay(event)
        return setMessage(title === null ? t(dayKey('announce.stationPlain', treeDay), { n: began + 1 }) : t(dayKey('announce.station', treeDay), { n: began + 1, title }))
      }
    }
    if (mark !== null) return setMessage(mark === 0 ? t('announce.timeUp') : t('announce.minutesLeft', { count: mark / 60 }))
    if (fresh.length === 1) return setMessage(t('announce.newCard', { text: fresh[0]!.text }), fresh[0]!.id)
    if (fresh.length > 1) setMessage(t('announce.newCards', { count: fresh.length }))
  }, [left, round, cards, board.status, ownAuthorId, event, t])

  // Said once, then gone: a card's text does not linger in the page after it was announced.
  useEffect(() => {
    if (!said) return
    const timer = setTimeout(() => say(null), ANNOUNCED_FOR_MS)
    return () => clearTimeout(timer)
  }, [said])
  // A card taken off the board (hidden by the moderation) leaves the announcement at once.
  const gone = said?.cardId !== undefined && !board.cards.some((c) => c.id === said.cardId)

  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {gone ? '' : (said?.text ?? '')}
    </p>
  )
}
