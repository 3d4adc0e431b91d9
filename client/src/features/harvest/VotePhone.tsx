import { type Ack, type ClientEventName, type ClientEventPayload, type TischEvent, type VoteStep, cardRefKey, takesDots } from '@tischrunde/shared'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { useVoteStore } from '../../store/vote-store.js'
import { useBoard } from '../../sync/hooks.js'
import { randomId } from '../../sync/random-id.js'
import { castIds } from './cast-ids.js'
import { cardsInScope, myDots, scopeWords, stepTables } from './vote-view.js'
import { useFocusKeeper } from '../../lib/use-focus-keeper.js'
import './harvest.css'
import { CardWords } from '../cards/CardWords.js'
import { CardMarks } from '../moderation/CardMarks.js'

type Send = <N extends ClientEventName>(name: N, payload: ClientEventPayload<N>) => Promise<Ack>

/**
 * The phone during a voting step: the cards of a table in the step's scope, each with its own dots
 * and buttons to place or take back one. The server decides; a refusal is worded from its code.
 */
export default function VotePhone(props: { header: ReactNode; event: TischEvent; step: VoteStep; tableId: string; token: string; send: Send; onBack: () => void }) {
  const keepFocus = useFocusKeeper<HTMLElement>()
  const { t } = useTranslation()
  const { event, step } = props
  const tables = stepTables(event, step)
  const [tableId, setTableId] = useState(() => (tables.some((x) => x.id === props.tableId) ? props.tableId : (tables[0]?.id ?? props.tableId)))
  const docName = useBoard({ eventId: event.id, tableId, token: props.token, authorId: '', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const ballots = useVoteStore((s) => s.ballots)
  // A refusal shows under the card that was tapped, where the eyes are (a list of cards is taller than a phone).
  const [error, setError] = useState<{ cardId: string; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const cards = cardsInScope(event, step, tableId, board.cards)
  const mine = myDots(step, ballots)
  const frozen = step.status !== 'open'
  const scope = scopeWords(event, step)

  // A tap sent again after a lost answer keeps its id: the server counts it once.
  const ids = useRef(castIds(randomId))
  // Dots that come back without a tap here (a card with them was hidden or deleted) are said so,
  // and a refusal shown before ("alle Punkte vergeben") no longer stands.
  const [returned, setReturned] = useState(false)
  const seen = useRef({ left: mine.left, takingBack: false })
  useEffect(() => {
    if (mine.left > seen.current.left) {
      setError(null)
      setReturned(!seen.current.takingBack)
    } else if (mine.left < seen.current.left) setReturned(false) // back on a card (one restored): the notice no longer stands
    seen.current = { left: mine.left, takingBack: false }
  }, [mine.left])
  // A tap while offline waits for the connection: said so, or the count seems not to follow the tap.
  const offline = useTischStore((s) => s.controlStatus === 'offline')
  // The day moved on while this phone votes: said here, with the way back to the table.
  const round = useTischStore((s) => s.round)
  const [openedAt] = useState(() => `${round?.phase}/${round?.stationIndex}`)
  const movedOn = round?.phase === 'station' && `${round.phase}/${round.stationIndex}` !== openedAt ? event.template.stations[round.stationIndex] : undefined

  // "+" stays usable with no dots left: the server may give back dots on cards removed meanwhile,
  // and otherwise says why not.
  // Taps while one is on its way wait their turn, in order (quick taps were dropped without a word);
  // the server counts each against the budget and says why it refuses one.
  const taps = useRef<{ stepId: string; tableId: string; cardId: string; delta: 1 | -1 }[]>([])
  const casting = useRef(false)
  const cast = async (cardId: string, delta: 1 | -1) => {
    taps.current.push({ stepId: step.id, tableId, cardId, delta })
    if (casting.current) return
    casting.current = true
    setBusy(true)
    for (let next = taps.current.shift(); next; next = taps.current.shift()) {
      setReturned(false)
      seen.current.takingBack = next.delta === -1
      const tap = `${next.stepId}/${next.tableId}/${next.cardId}/${next.delta}`
      const castId = ids.current.idFor(tap)
      const ack = await props.send('vote:cast', { ...next, castId })
      ids.current.answered(tap, castId, ack)
      if (!ack.ok) seen.current.takingBack = false
      setError(ack.ok ? null : { cardId: next.cardId, text: errorText(t, ack) })
    }
    casting.current = false
    setBusy(false)
  }

  return (
    <main className="page phone vote-phone" ref={keepFocus}>
      {props.header}
      {movedOn && (
        <div className="banner vote-moved-on" role="status">
          <p>{t('harvest.phone.movedOn', { station: movedOn.title })}</p>
          <button type="button" className="primary" onClick={props.onBack}>
            {t('harvest.phone.back')}
          </button>
        </div>
      )}
      <h2 id="vote-title" tabIndex={-1}>
        {t('harvest.phone.title')}
      </h2>
      <p className="vote-question">{step.question}</p>
      {scope && <p className="muted">{scope}</p>}
      <p className="vote-budget" role="status" aria-live="polite">
        {frozen ? t('harvest.phone.frozen') : mine.left > 0 ? t('harvest.phone.dotsLeft', { count: mine.left }) : t('harvest.phone.allSpent')}{' '}
        {!frozen && <span className="muted">{t('harvest.phone.perCard', { count: step.perCardMax })}</span>}
      </p>
      {offline && !frozen && (
        <p className="banner banner-offline" role="status">
          {t('harvest.phone.offline')}
        </p>
      )}
      {returned && !frozen && (
        <p className="vote-returned" role="status">
          {t('harvest.phone.dotsReturned')}
        </p>
      )}
      {tables.length > 1 && (
        <label className="vote-table-pick">
          {t('harvest.phone.table')}{' '}
          <select value={tableId} onChange={(e) => setTableId(e.target.value)}>
            {tables.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {cards.length === 0 && board.status === 'synced' && <p className="muted">{t('harvest.phone.noCards')}</p>}
      <ul className="vote-cards" aria-labelledby="vote-title" aria-busy={busy || undefined}>
        {cards.map((card) => {
          const count = mine.byCard.get(cardRefKey({ tableId, cardId: card.id })) ?? 0
          // Struck through by the moderation: shown so, with no "+" ("−" while dots of this voter lie on it).
          const open = takesDots(card)
          return (
            <li key={card.id} className={`vote-card${count > 0 ? ' vote-card-chosen' : ''}${open ? '' : ' card-struck'}`} data-card-id={card.id}>
              <CardWords card={card} className="vote-card-text" />
              <CardMarks card={card} />
              <div className="vote-card-actions">
                <span className="vote-dots">
                  {Array.from({ length: count }, (_, i) => (
                    <span key={i} className="vote-dot" aria-hidden="true" />
                  ))}
                  {count > 0 && <span className="muted"> {t('harvest.phone.mine', { count })}</span>}
                </span>
                {/* aria-disabled, not disabled: a button that just reached its limit (or waits for the
                    server) keeps the focus, and a screen reader's user stays at this card. */}
                {(open || count > 0) && <VoteButton remove blocked={frozen || count === 0} onCast={() => void cast(card.id, -1)} label={t('harvest.phone.removeFor', { text: card.text })} />}
                {open && <VoteButton blocked={frozen || count >= step.perCardMax} onCast={() => void cast(card.id, 1)} label={t('harvest.phone.addFor', { text: card.text })} />}
              </div>
              {error?.cardId === card.id && (
                <p className="field-error" role="alert">
                  {error.text}
                </p>
              )}
            </li>
          )
        })}
      </ul>
      <div className="phone-footer">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('harvest.phone.back')}
        </button>
      </div>
    </main>
  )
}

/** Back from the table to a running vote: a button at the foot of the phone's board. */
export function VoteReturn({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  return (
    <p className="vote-return">
      <button type="button" className="primary" onClick={onOpen}>
        {t('harvest.phone.openVote')}
      </button>
    </p>
  )
}

/**
 * After "Ergebnis festhalten" the phone is back at its table: this notice under the header says the
 * vote is over, how many dots this person gave and, when the facilitator shows the result, where.
 */
export function VoteOver({ step, onHide }: { step: VoteStep; onHide: () => void }) {
  const { t } = useTranslation()
  const ballots = useVoteStore((s) => s.ballots)
  const given = [...myDots(step, ballots).byCard.values()].reduce((sum, n) => sum + n, 0)
  return (
    <section className="vote-over" role="status" aria-labelledby="vote-over-title">
      <h2 id="vote-over-title">{t('harvest.phone.overTitle')}</h2>
      <p className="vote-question">{step.question}</p>
      <p>
        {t('harvest.phone.frozen')} {given > 0 ? t('harvest.phone.overMine', { count: given }) : t('harvest.phone.overNone')}
      </p>
      {step.onProjector && <p>{t('harvest.phone.overOnProjector')}</p>}
      <button type="button" className="secondary" onClick={onHide}>
        {t('harvest.phone.overHide')}
      </button>
    </section>
  )
}

/** "+" or "−" on a card: blocked (the card's limit, no dot on it, a tap on its way) without losing the focus. */
function VoteButton(props: { remove?: boolean; blocked: boolean; onCast: () => void; label: string }) {
  return (
    <button type="button" className={props.remove ? 'secondary vote-remove' : 'primary vote-add'} aria-disabled={props.blocked || undefined} onClick={() => props.blocked || props.onCast()} aria-label={props.label}>
      {props.remove ? '−' : '+'}
    </button>
  )
}
