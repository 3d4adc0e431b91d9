import {
  type ChoiceAnswer,
  type ProgrammeItem,
  type Workshop,
  alternativesIn,
  hintFor,
  isFull,
  pastThreshold,
} from '@tischrunde/shared'
import { useEffect, useRef, useState } from 'react'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { roomText } from './room-text.js'

/** What the last choice in a phase came to, shown above its workshops. */
export type Feedback = { phaseId: string; answer: ChoiceAnswer; number: number } | { phaseId: string; error: true; message?: string }

/** The workshops of one phase to choose from, with the hint and a refusal's alternatives. */
export function PhaseChoice({
  phase,
  chosen,
  placed = false,
  counts,
  busy,
  feedback,
  onChoose,
  over = false,
}: {
  phase: ProgrammeItem
  chosen: string | null
  /** The organiser made this choice (moved or placed the person): said so, and no hint to choose another. */
  placed?: boolean
  counts: ReadonlyMap<string, number>
  busy: boolean
  feedback: Feedback | null
  onChoose: (w: Workshop | null) => void
  /** The phase is over (by the programme's clock) or the whole day was ended: its choice stands, nothing is offered. */
  over?: 'phase' | 'day' | false
}) {
  const { t } = useTranslation()
  const byId = new Map(phase.workshops.map((w) => [w.id, w]))
  const chosenWorkshop = chosen ? byId.get(chosen) : undefined
  // The organiser took the chosen workshop out: the server drops the choice with it, so the phone
  // remembers what it had and says so, until the person chooses again.
  // The choice and the programme arrive as pushes of their own, in either order: the last choice is
  // kept until the person takes it back here or its workshop is gone.
  const [removed, setRemoved] = useState(false)
  const last = useRef(chosen)
  useEffect(() => {
    if (chosen) {
      last.current = chosen
      setRemoved(false)
    } else if (last.current && !phase.workshops.some((w) => w.id === last.current)) {
      last.current = null
      setRemoved(true)
    }
  }, [chosen, phase.workshops])
  const unchoose = () => {
    last.current = null
    onChoose(null)
  }
  if (over)
    return (
      <div className="programme-phase" role="group" aria-label={phase.title}>
        <p className="muted">
          {chosenWorkshop ? `${t('programme.chosen')}: ${t('programme.workshopTitle', { number: chosenWorkshop.number, title: chosenWorkshop.title })}. ` : ''}
          {t(over === 'day' ? 'programme.refused.DAY_CLOSED' : 'programme.refused.PHASE_OVER')}
        </p>
      </div>
    )
  // The seed's hint stays while the chosen workshop is past its threshold.
  const hint = chosenWorkshop && !placed ? hintFor(phase, chosenWorkshop, counts) : null
  // Without a choice yet, once some workshops are taken up or closed: where seats are left, at a glance.
  const crowded = !chosenWorkshop && phase.workshops.some((w) => w.closed || isFull(w, counts.get(w.id) ?? 0) || pastThreshold(w, counts.get(w.id) ?? 0))
  const alternativesOf = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((w): w is Workshop => w !== undefined)
  // Switching away from a full workshop gives its seat away for good, as giving it back does: ask first.
  const leavingFull = chosenWorkshop !== undefined && isFull(chosenWorkshop, counts.get(chosenWorkshop.id) ?? 0)
  const switchTo = (w: Workshop) => {
    if (!leavingFull || window.confirm(t('programme.switchFromFull', { from: chosenWorkshop.number, to: w.number }))) onChoose(w)
  }
  // A tap's outcome shows at the workshop tapped, where the person is (above the list it was
  // scrolled far out of view on a phone): a refusal with the workshops that have seats, the hint.
  const refused = feedback && 'answer' in feedback && !feedback.answer.booked ? { answer: feedback.answer, number: feedback.number } : null
  const refusal = refused && (
    <div className="programme-refusal" role="alert">
      {/* With no workshop left that has seats, the refusal does not promise any ("Diese Workshops haben noch Plätze:"). */}
      <p>
        {refused.answer.alternatives.length === 0 && (refused.answer.reason === 'FULL' || refused.answer.reason === 'CLOSED')
          ? t(`programme.refusedNoSeats.${refused.answer.reason}`, { number: refused.number })
          : t(`programme.refused.${refused.answer.reason}`, { number: refused.number })}
      </p>
      {/* The refusal says already that these have seats: no second "Hier ist noch Platz". */}
      <Alternatives list={alternativesOf(refused.answer.alternatives)} counts={counts} busy={busy} onChoose={switchTo} intro={false} />
    </div>
  )
  const hintNote = hint && chosenWorkshop && (
    <div className="programme-hint" role="status" data-testid="programme-hint">
      <p>{t('programme.hint')}</p>
      <Alternatives list={hint} counts={counts} busy={busy} onChoose={switchTo} />
    </div>
  )
  // A refusal of a workshop no longer in the list stands above it.
  const refusedHere = (w: Workshop) => refused !== null && w.number === refused.number
  const refusedElsewhere = refused !== null && !phase.workshops.some(refusedHere)
  return (
    <div className="programme-phase" role="group" aria-labelledby={`choose-${phase.id}`}>
      <h3 id={`choose-${phase.id}`}>{t('programme.choosePhase', { phase: phase.title })}</h3>
      <p className="muted">{chosenWorkshop ? `${t('programme.chosen')}: ${t('programme.workshop', { number: chosenWorkshop.number })}. ${t('programme.change')}` : t('programme.noChoice')}</p>
      {placed && chosenWorkshop && (
        <p className="banner banner-round" role="status">
          {t('programme.placed', { number: chosenWorkshop.number, room: chosenWorkshop.room ? `, ${roomText(t, chosenWorkshop.room)}` : '' })}
        </p>
      )}
      {/* A choice of a workshop the organiser took out: said, not turned silently into "Noch keine Wahl". */}
      {((chosen && !chosenWorkshop) || (removed && !chosen)) && (
        <p className="banner banner-warning" role="status">
          {t('programme.chosenRemoved')}
        </p>
      )}
      {feedback && 'error' in feedback && (
        <p className="field-error" role="alert">
          {feedback.message ?? t('programme.error')}
        </p>
      )}
      {refusedElsewhere && refusal}
      {crowded && !refused && (
        <div className="programme-hint programme-open-seats">
          <Alternatives list={alternativesIn(phase, counts, null)} counts={counts} busy={busy} onChoose={switchTo} none="programme.noSeatsLeft" />
        </div>
      )}
      <ul className="programme-workshops">
        {phase.workshops.map((w) => {
          const taken = counts.get(w.id) ?? 0
          const mineHere = w.id === chosen
          const full = isFull(w, taken)
          // A full or closed workshop cannot be chosen: its button says so, and why, to the eye and to a screen reader.
          const unavailable = !mineHere && (w.closed || full)
          const why = w.closed ? 'Closed' : 'Full'
          return (
            <li key={w.id} className={`programme-workshop${mineHere ? ' is-chosen' : ''}${unavailable ? ' is-unavailable' : ''}`} data-workshop={w.number}>
              <h4>{t('programme.workshopTitle', { number: w.number, title: w.title })}</h4>
              {w.subtitle && <p className="programme-subtitle">{w.subtitle}</p>}
              {w.speakers.length > 0 && (
                <p className="muted">
                  {t('programme.speakers')}: {w.speakers.join('; ')}
                </p>
              )}
              <p className="programme-seats">
                {w.room && <span>{roomText(t, w.room)} · </span>}
                <span>{w.capacity === null ? t('programme.seatsOpen', { taken }) : t(taken > w.capacity ? 'programme.seatsOver' : 'programme.seats', { taken, capacity: w.capacity, count: w.capacity })}</span>
                {w.closed && !unavailable && <span className="badge"> {t('programme.closed')}</span>}
                {!w.closed && full && !unavailable && <span className="badge"> {t('programme.full')}</span>}
                {!w.closed && !full && pastThreshold(w, taken) && <span className="badge"> {t('programme.popular')}</span>}
              </p>
              {w.description && (
                <details>
                  <summary>{t('programme.more')}</summary>
                  <p>{w.description}</p>
                </details>
              )}
              {mineHere ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  aria-label={t('programme.unchooseLabel', { number: w.number, title: w.title })}
                  // A seat in a full workshop is gone for good once given back: ask first.
                  onClick={() => (!full || window.confirm(t('programme.unchooseFull', { number: w.number }))) && unchoose()}
                >
                  {t('programme.unchoose')}
                </button>
              ) : unavailable ? (
                <>
                  <button type="button" className="secondary programme-unavailable" disabled aria-label={t(`programme.unavailable${why}Label`, { number: w.number, title: w.title })} aria-describedby={`why-${w.id}`}>
                    {t(`programme.unavailable${why}`)}
                  </button>
                  <p id={`why-${w.id}`} className="muted">
                    {t(`programme.unavailable${why}Reason`, { number: w.number })}
                  </p>
                </>
              ) : (
                <button type="button" className="primary" disabled={busy} aria-label={t('programme.chooseLabel', { number: w.number, title: w.title })} onClick={() => switchTo(w)}>
                  {t('programme.choose', { number: w.number })}
                </button>
              )}
              {refusedHere(w) && refusal}
              {mineHere && hintNote}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function Alternatives({
  list,
  counts,
  busy,
  onChoose,
  intro = true,
  none = 'programme.noAlternatives',
}: {
  list: Workshop[]
  counts: ReadonlyMap<string, number>
  busy: boolean
  onChoose: (w: Workshop) => void
  intro?: boolean
  /** What an empty list says. */
  none?: 'programme.noAlternatives' | 'programme.noSeatsLeft'
}) {
  const { t } = useTranslation()
  if (list.length === 0) return <p>{t(none)}</p>
  return (
    <>
      {intro && <p>{t('programme.alternatives')}</p>}
      <ul className="programme-alternatives">
        {list.map((w) => (
          <li key={w.id}>
            {/* Says what a tap does ("wählen"): one tap books the seat. */}
            <button type="button" className="secondary" disabled={busy} aria-label={t('programme.chooseLabel', { number: w.number, title: w.title })} onClick={() => onChoose(w)}>
              {t('programme.choose', { number: w.number })}
            </button>{' '}
            <span>{w.title}</span>{' '}
            <span className="muted">{w.capacity === null ? t('programme.seatsOpen', { taken: counts.get(w.id) ?? 0 }) : t((counts.get(w.id) ?? 0) > w.capacity ? 'programme.seatsOver' : 'programme.seats', { taken: counts.get(w.id) ?? 0, capacity: w.capacity, count: w.capacity })}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
