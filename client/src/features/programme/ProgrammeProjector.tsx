import { clockText, isFull, schedule, whatIsOn } from '@tischrunde/shared'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { useShrinkToFit } from '../projector/use-shrink-to-fit.js'
import { NowNext } from './NowNext.js'
import { useDayClock, useProgramme } from './use-programme.js'
import type { ControlRef } from './use-programme.js'
import './programme.css'
import { roomText } from './room-text.js'
import { JoinAddress, JoinCorner } from '../projector/JoinCorner.js'
import { useFullscreen } from '../projector/use-fullscreen.js'
import { useProjectorKeys } from '../projector/use-projector-keys.js'
import { useLeaveActorView } from '../actors/use-actor-view.js'

/**
 * The projector's "Programm" view, to be read from the back of a hall: what is on now (large) and
 * next, per room what runs in a work phase, and beside it the whole day with every workshop, the
 * running item marked and what is over set back. Follows the event's clock and the facilitator's shifts.
 */
export default function ProgrammeProjector({ control }: { control: ControlRef }) {
  const { t } = useTranslation()
  const title = useTischStore((s) => s.event?.title ?? '')
  const dayClosed = useTischStore((s) => s.round?.phase === 'closed')
  const hold = useProgramme(control)
  const programme = hold.state?.programme ?? null
  const clock = useDayClock(hold.offsetMs, programme?.timeZone ?? 'Europe/Berlin')
  const on = programme ? whatIsOn(programme, clock, dayClosed) : null
  // The projector's keys work here too: F for full screen, and on a day with tables 1–4 go back to them.
  const [, toggleFullscreen] = useFullscreen()
  const hasTables = useTischStore((s) => (s.event?.tables.length ?? 0) > 0)
  const showView = useLeaveActorView()
  useProjectorKeys((action) => {
    if (action.type === 'fullscreen') toggleFullscreen()
    else if (action.type === 'mode' && hasTables) showView(action.mode)
  })
  // A day with long workshop titles and rooms gets smaller type (to 70 %) rather than rooms below the screen's edge.
  const { box, scale } = useShrinkToFit<HTMLElement>(`${hold.loaded}|${hold.state?.version ?? 0}|${JSON.stringify(on)}|${title}`, 0.7)
  if (!hold.loaded) return <p className="page loading projector">{t('programme.loading')}</p>
  const runningPhases = on?.state === 'day' ? on.now.filter((s) => s.item.workshops.length > 0) : []
  // Before a work phase (in the break, before the day): where each of its workshops is, so people find
  // their room — also when other items come first (the arrival, a keynote), or half the screen stood empty.
  const next = on && (on.state === 'before' || (on.state === 'day' && runningPhases.length === 0)) ? on.next : null
  const day = programme ? schedule(programme) : []
  const coming = next ? (day.slice(day.findIndex((s) => s.item.id === next.item.id)).find((s) => s.item.workshops.length > 0) ?? null) : null
  const roomLists = [...runningPhases.map((phase) => ({ phase, coming: false, later: false })), ...(coming ? [{ phase: coming, coming: true, later: coming.item.id !== next?.item.id }] : [])]
  const taken = (workshopId: string) => hold.state?.counts[workshopId] ?? 0
  const nowIds = new Set(on?.state === 'day' ? on.now.map((s) => s.item.id) : [])
  const today = programme !== null && (programme.date === null || programme.date === clock.date)
  const over = (end: number) => on?.state === 'after' || (today && on?.state === 'day' && end <= clock.minute)
  // The day's list names the workshops of the phases to come only: the running (or coming) phase's stand
  // large per room beside it, those of a phase that is over help nobody, and without them the list's type can be larger.
  const inRooms = new Set(roomLists.map(({ phase }) => phase.item.id))
  const listsWorkshops = (itemId: string, end: number) => !inRooms.has(itemId) && !over(end)
  return (
    <main ref={box} className="page projector programme-projector" style={{ '--fit': scale } as React.CSSProperties}>
      <header className="programme-projector-header">
        <h1>{t('programme.title')}</h1>
        <p className="programme-projector-event">{title}</p>
      </header>
      {!programme ? (
        <p>{t('programme.empty')}</p>
      ) : (
        <>
          <div className="programme-projector-main">
            <NowNext programme={programme} clock={clock} />
            {roomLists.map(({ phase, coming, later }) => (
              <section key={phase.item.id} aria-labelledby={`rooms-${phase.item.id}`}>
                <h2 id={`rooms-${phase.item.id}`}>{t(later ? 'programme.perRoomLater' : coming ? 'programme.perRoomNext' : 'programme.perRoom', { phase: phase.item.title, time: clockText(phase.start) })}</h2>
                <ul className="programme-rooms">
                  {phase.item.workshops.map((w) => (
                    <li key={w.id} data-workshop={w.number}>
                      {w.room && <strong className="programme-room">{roomText(t, w.room)}</strong>}
                      <p>{t('programme.workshopTitle', { number: w.number, title: w.title })}</p>
                      <SignUpBadge closed={w.closed} full={isFull(w, taken(w.id))} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <aside className="programme-day" aria-label={t('programme.wholeDay')}>
            {/* How to sign up, at the top beside the day: never below the screen's edge, whatever the day holds. */}
            {on?.state !== 'after' && !dayClosed && (
              <section className="programme-projector-join" aria-labelledby="programme-join">
                <JoinCorner size={240} />
                <div>
                  <h2 id="programme-join">{t('programme.projectorJoin')}</h2>
                  <p>{t('programme.projectorJoinHint')}</p>
                  <JoinAddress />
                </div>
              </section>
            )}
            {schedule(programme).map(({ item, start, end }) => (
              <section
                key={item.id}
                className={`programme-item${nowIds.has(item.id) ? ' is-now' : ''}${over(end) ? ' is-over' : ''}`}
                aria-labelledby={`day-${item.id}`}
                aria-current={nowIds.has(item.id) ? 'time' : undefined}
                data-item={item.id}
              >
                <h2 id={`day-${item.id}`}>
                  <span className="programme-day-time">{clockText(start)}</span> {item.title}
                  {item.subtitle && <span className="programme-subtitle">: {item.subtitle}</span>}
                </h2>
                {item.workshops.length > 0 && listsWorkshops(item.id, end) && (
                  <ul className="programme-projector-workshops">
                    {item.workshops.map((w) => (
                      <li key={w.id} data-workshop={w.number}>
                        {t('programme.workshopTitle', { number: w.number, title: w.title })}
                        {w.room && <span className="muted"> · {roomText(t, w.room)}</span>}
                        {/* Beside "Mit dem Handy anmelden": which ones a phone can no longer choose. */}
                        {!over(end) && <SignUpBadge closed={w.closed} full={isFull(w, taken(w.id))} />}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </aside>
        </>
      )}
    </main>
  )
}

/** "geschlossen" or "ausgebucht" beside a workshop nobody can sign up for any more; nothing else. */
function SignUpBadge({ closed, full }: { closed: boolean; full: boolean }) {
  const { t } = useTranslation()
  if (!closed && !full) return null
  return <span className="badge"> {t(closed ? 'programme.closed' : 'programme.full')}</span>
}
