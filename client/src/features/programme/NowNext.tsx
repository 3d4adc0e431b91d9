import { type DayClock, type Programme, type ScheduledItem, clockText, myWorkshopNow, whatIsOn } from '@tischrunde/shared'
import { useEffect, useRef, useState } from 'react'
import { formatEventDate } from '../../i18n/dates.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { roomText } from './room-text.js'

/** "09:30 – 10:10 Uhr" of a scheduled item (after shifts). */
export function useTimeText() {
  const { t } = useTranslation()
  return (s: ScheduledItem) => t('programme.time', { start: clockText(s.start), end: clockText(s.end) })
}

/**
 * What is on now and next by the event's clock; with the own choices, "Ihr Workshop jetzt:
 * Workshop 3, Raum …". Once the event is ended, only that the day is over. What runs now is said to
 * screen readers when it changes.
 */
export function NowNext({ programme, clock, mine, nested = false }: { programme: Programme; clock: DayClock; mine?: ReadonlyMap<string, string>; nested?: boolean }) {
  const { t, language } = useTranslation()
  const timeText = useTimeText()
  // Ended by the facilitator: the day is over, whatever the clock says ("beginnt am …" no more).
  const dayClosed = useTischStore((s) => s.round?.phase === 'closed')
  const on = whatIsOn(programme, clock, dayClosed)
  const myNow = mine ? myWorkshopNow(on, mine) : null
  const running = on.state === 'day' && on.now.length > 0 ? `${t('programme.nowRunning')}: ${on.now.map((s) => s.item.title).join(', ')}` : ''
  const said = useSaidOnChange(running)
  // Inside a part of the screen headed already (the console's "Programm", the phone's "Heute"): one level down.
  const Heading = nested ? 'h3' : 'h2'
  const nextWorkshop = mine && on.state === 'day' && on.next ? on.next.item.workshops.find((w) => w.id === mine.get(on.next!.item.id)) : undefined
  return (
    <section className="programme-now panel" aria-labelledby="programme-now-title">
      <Heading id="programme-now-title" className="visually-hidden">
        {t('programme.nowRunning')}
      </Heading>
      {/* Said when the day moves on: what runs now, in a few words (the whole block, said at every
          choice of a workshop, ran its lines together), then gone (read again, it repeated the block). */}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      {myNow && (
        <p className="programme-mine-now" data-testid="my-workshop-now">
          <strong>
            {myNow.workshop.room
              ? t('programme.yourWorkshopNowRoom', { number: myNow.workshop.number, room: roomText(t, myNow.workshop.room) })
              : t('programme.yourWorkshopNow', { number: myNow.workshop.number })}
          </strong>{' '}
          <span>{myNow.workshop.title}</span>
        </p>
      )}
      {on.state === 'empty' && <p>{t('programme.empty')}</p>}
      {on.state === 'before' && (
        <>
          {/* On the day itself: "heute um 09:00 Uhr", not its date. */}
          <p>{programme.date === null || programme.date === clock.date ? t('programme.beforeToday', { time: clockText(on.next.start) }) : t('programme.before', { date: programme.date ? formatEventDate(programme.date, language) : '', time: clockText(on.next.start) })}</p>
          <Slot label={t('programme.next')} item={on.next} time={timeText(on.next)} testId="programme-next" />
        </>
      )}
      {on.state === 'day' && (
        <>
          {on.now.length === 0 && <p className="muted">{t('programme.between')}</p>}
          {on.now.map((s) => (
            <Slot key={s.item.id} label={t('programme.now')} item={s} time={timeText(s)} testId="programme-now" />
          ))}
          {on.next && <Slot label={t('programme.next')} item={on.next} time={timeText(on.next)} testId="programme-next" extra={nextWorkshop ? t('programme.yourWorkshopNext', { number: nextWorkshop.number }) : undefined} />}
        </>
      )}
      {on.state === 'after' && <p>{programme.date && clock.date > programme.date && !dayClosed ? t('programme.afterDay', { date: formatEventDate(programme.date, language) }) : t('programme.after')}</p>}
    </section>
  )
}

function Slot({ label, item, time, testId, extra }: { label: string; item: ScheduledItem; time: string; testId: string; extra?: string | undefined }) {
  return (
    <div className="programme-slot" data-testid={testId}>
      <p className="eyebrow">{label}</p>
      <p className="programme-slot-title">
        <strong>{item.item.title}</strong>
        {item.item.subtitle && <span>: {item.item.subtitle}</span>}
      </p>
      <p className="muted">
        {time}
        {item.item.room && ` · ${item.item.room}`}
        {extra && ` · ${extra}`}
      </p>
    </div>
  )
}

/** How long a change stays in the live line, in ms. */
const SAID_MS = 8000

/** `text` for a while after it changed (not when the screen opens), else nothing. */
function useSaidOnChange(text: string): string {
  const [said, setSaid] = useState('')
  const before = useRef(text)
  useEffect(() => {
    if (before.current === text) return
    before.current = text
    setSaid(text)
    const id = window.setTimeout(() => setSaid(''), SAID_MS)
    return () => window.clearTimeout(id)
  }, [text])
  return said
}
