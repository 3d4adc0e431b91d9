import { type HeldCard, type ModerationModes, collecting, hiddenBeforeReveal, modeAt, moderationDocName, othersCollected, ownDocName } from '@tischrunde/shared'
import { Suspense, useState } from 'react'
import { lazyPart } from '../../lib/load-part.js'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-phone-wording.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { useModerationGate } from '../../sync/moderation-gate.js'
import { useHeldCards, useModerationModes } from '../../sync/moderation-docs.js'
import type { SendCommand } from './send.js'
import './moderation.css'
import { SubPoints } from '../cards/CardWords.js'

/**
 * The phone's part of moderation, in its own chunk: a table host moderates their table's cards;
 * a participant sees their own cards that are not on the board (hidden, collected, waiting, refused) and,
 * while a station collects, how many the others wrote.
 */
export default function PhoneModeration(props: {
  eventId: string
  tableId: string
  token: string
  participantId: string
  host: boolean
  stationId: string | undefined
  docName: string
  send: SendCommand
}) {
  const { t } = useTranslation()
  // The list (and its chunk) loads once the host opens it.
  const [open, setOpen] = useState(false)
  if (!props.host) return <OwnHeldCards {...props} />
  return (
    <>
      <OwnHeldCards {...props} />
      <details className="panel host-moderation" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('moderation.hostTitle')}
          <HostQueueCount eventId={props.eventId} tableId={props.tableId} token={props.token} stationId={props.stationId} />
        </summary>
        {open && (
          <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
            <TableModeration eventId={props.eventId} tableId={props.tableId} token={props.token} stationId={props.stationId} send={props.send} />
          </Suspense>
        )}
      </details>
    </>
  )
}

/** How many cards wait for the host's approval, beside "Karten moderieren" (nothing when none wait). */
function HostQueueCount(props: { eventId: string; tableId: string; token: string; stationId: string | undefined }) {
  const { t } = useTranslation()
  const held = useHeldCards(moderationDocName(props.eventId, props.tableId), props.token)
  const waiting = held.filter((h) => h.status === 'pending' && (props.stationId === undefined || h.card.stationId === props.stationId)).length
  if (waiting === 0) return null
  return <span className="moderation-waiting"> · {t('moderation.waiting', { count: waiting })}</span>
}

// Only a table host's phone loads the moderation list.
const TableModeration = lazyPart(() => import('./TableModeration.js').then((m) => ({ default: m.TableModeration })))

/** What a phone says of its own held cards; other statuses never reach an author's own doc. */
const STATUS_KEY: ReadonlyMap<HeldCard['status'], string> = new Map([
  ['hidden', 'moderation.own.hidden'],
  ['collected', 'moderation.own.collected'],
  ['pending', 'moderation.own.pending'],
  ['refused', 'moderation.own.refused'],
])

function OwnHeldCards(props: { eventId: string; tableId: string; token: string; participantId: string; stationId: string | undefined; docName: string }) {
  const { t } = useTranslation()
  // The docs open only while moderation matters here: a mode at this station, or own cards held at this table.
  const modeHere = useModerationGate((s) => modeAt(s.modes, props.stationId))
  const held = useModerationGate((s) => s.held.get(props.tableId) ?? 0)
  const own = useHeldCards(modeHere || held > 0 ? ownDocName(props.eventId, props.tableId, props.participantId) : null, props.token)
  const modes = useModerationModes(modeHere ? props.eventId : null, props.token)
  const board = useTischStore(selectBoard(props.docName))
  // A card the reveal or an approval just put on the board shows there, not twice.
  const onBoard = new Set(board.cards.map((c) => c.id))
  const cards = own.filter((h) => !onBoard.has(h.id) && STATUS_KEY.has(h.status))
  const stationCollecting = props.stationId !== undefined && collecting(modes, props.stationId)
  const mine = cards.filter((h) => h.status === 'collected' && h.card.stationId === props.stationId).length
  const others = stationCollecting ? othersCollected(modes, props.tableId, props.stationId!, mine) : 0
  if (cards.length === 0 && !stationCollecting) return null
  // Cards of an earlier station stay on the phone, folded away under the station that runs now.
  const here = cards.filter((h) => props.stationId === undefined || h.card.stationId === props.stationId)
  const earlier = cards.filter((h) => !here.includes(h))
  return (
    <section className="own-held" aria-labelledby={here.length > 0 ? 'own-held-title' : undefined} aria-label={here.length > 0 ? undefined : t('moderation.own.title')}>
      {stationCollecting && (
        <p className="banner" role="status" data-others-collected={others}>
          {others > 0 ? t('moderation.own.others', { count: others }) : t('moderation.own.othersNone')}
        </p>
      )}
      {here.length > 0 && (
        <>
          <h2 id="own-held-title">{t('moderation.own.title')}</h2>
          <HeldList cards={here} modes={modes} />
        </>
      )}
      {earlier.length > 0 && (
        <details className="own-held-earlier">
          <summary>{t('moderation.own.earlier', { count: earlier.length })}</summary>
          <HeldList cards={earlier} modes={modes} />
        </details>
      )}
    </section>
  )
}

/** One's own held cards, each with what happened to it. */
function HeldList({ cards, modes }: { cards: readonly HeldCard[]; modes: ModerationModes }) {
  const { t } = useTranslation()
  return (
    <ul className="moderation-list">
      {cards.map((h) => (
        <li key={h.id} className="moderation-item" data-own-card={h.id} data-status={h.status} data-focus-item={h.id}>
          <p className="own-held-status">{t(STATUS_KEY.get(h.status)!)}</p>
          <p className="card-text">{h.card.text}</p>
          <SubPoints card={h.card} />
          {h.status === 'refused' && <p className="own-held-refused">{t('moderation.own.refusedNote')}</p>}
          {h.status === 'hidden' && <p className="own-held-refused">{t(hiddenBeforeReveal(modes, h) ? 'moderation.own.hiddenUnshownNote' : 'moderation.own.hiddenNote')}</p>}
        </li>
      ))}
    </ul>
  )
}
