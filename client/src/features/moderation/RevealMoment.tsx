import { type RoundState, type TischEvent, collecting, countKey } from '@tischrunde/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-wording.js'
import { useModerationModesState } from '../../sync/moderation-docs.js'
import './moderation.css'

/** How long the projector shows the reveal moment, in ms. */
const MOMENT_MS = 2500

/**
 * On the projector: while the running station collects, how many cards are waiting; when the
 * facilitator reveals it, a short "Aufgedeckt!" moment as the cards appear.
 */
export default function RevealMoment(props: { event: TischEvent; round: RoundState; token: string; tableId?: string | undefined }) {
  const { event, round, token } = props
  const { t } = useTranslation()
  const { modes, synced } = useModerationModesState(event.id, token)
  const station = round.phase === 'station' ? event.template.stations[round.stationIndex] : undefined
  const revealedAt = station ? (modes.stations.get(station.id)?.revealedAt ?? null) : null
  const seen = useRef<{ station: string | undefined; revealedAt: number | null } | null>(null)
  const [moment, setMoment] = useState(false)
  useEffect(() => {
    // Until the server's state arrived, a reveal made long ago would read as one made now.
    if (!synced) return
    const before = seen.current
    seen.current = { station: station?.id, revealedAt }
    // Only a reveal while this screen is open is a moment (not one found on opening).
    if (before && before.station === station?.id && before.revealedAt !== revealedAt && revealedAt !== null) {
      setMoment(true)
      const timer = setTimeout(() => setMoment(false), MOMENT_MS)
      return () => clearTimeout(timer)
    }
  }, [station?.id, revealedAt, synced])
  const open = station !== undefined && collecting(modes, station.id)
  const tables = props.tableId ? [props.tableId] : event.tables.map((table) => table.id)
  const count = open ? tables.reduce((sum, id) => sum + (modes.counts.get(countKey(id, station.id)) ?? 0), 0) : 0
  return (
    <>
      {open && (
        <p className="reveal-collecting" role="status">
          {count > 0 ? t('moderation.projector.collecting', { count }) : t('moderation.projector.collectingNone')}
        </p>
      )}
      {moment && (
        <div className="reveal-moment" role="status">
          {t('moderation.projector.revealMoment')}
        </div>
      )}
    </>
  )
}
