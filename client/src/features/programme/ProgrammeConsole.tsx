import { ActingSelect } from '../../app/ActingSelect.js'
import { useEffect, useRef, useState } from 'react'
import { type Programme, type ProgrammeItem, type Roster, type Workshop, ErrorCode, clockText, failureSchema, pastThreshold, programmeSchema, rosterSchema, schedule } from '@tischrunde/shared'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { errorText } from '../../i18n/error-text.js'
import { commandIds } from '../../sync/command-ids.js'
import { withQuery } from '../../sync/links.js'
import { randomId } from '../../sync/random-id.js'
import { NowNext } from './NowNext.js'
import { WorkshopResults } from './WorkshopResults.js'
import { ProgrammeEditor } from './ProgrammeEditor.js'
import { shiftWords } from './shift-words.js'
import { dataOf, useDayClock, useProgramme } from './use-programme.js'
import type { ControlRef } from './use-programme.js'
import './programme.css'
import { roomText } from './room-text.js'
import { fileNameOf } from '../export/download-export.js'

/** How soon shown sign-up lists follow a change of the seats, in ms (changes close together load once). */
const ROSTER_FOLLOW_MS = 300

/**
 * The console's programme panel: what is on, the seats taken live per workshop (close, reopen,
 * more seats, who signed up and moving a person), shifting the rest of the day, the editor and
 * the handouts.
 */
export default function ProgrammeConsole({ control, eventId, token, projectorLink }: { control: ControlRef; eventId: string; token: string; projectorLink: string }) {
  const { t } = useTranslation()
  const hold = useProgramme(control)
  // The setup form shows the agenda read-only while a programme is stored (it is then the programme's view).
  const stored = (hold.state?.version ?? 0) > 0
  useEffect(() => useTischStore.setState({ programmeStored: stored }), [stored])
  const programme = hold.state?.programme ?? null
  const clock = useDayClock(hold.offsetMs, programme?.timeZone ?? 'Europe/Berlin')
  const [message, setMessage] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [roster, setRoster] = useState<Roster | null>(null)
  // No minutes until typed: one stray click on "Verschieben" moved the whole day by ten.
  const [shiftBy, setShiftBy] = useState<number | null>(null)
  // A shift sent again after "keine Verbindung" (the first may have arrived) is made once.
  const shiftIds = useRef(commandIds(randomId))

  const run = async (name: Parameters<typeof hold.send>[0], payload: never, done?: string) => {
    const ack = await hold.send(name, payload)
    setMessage(ack.ok ? (done ?? null) : errorText(t, ack))
    return ack
  }
  const loadRoster = async () => {
    const parsed = rosterSchema.safeParse(dataOf(await hold.send('programme:roster', {})))
    if (parsed.success) setRoster(parsed.data)
  }
  // Once shown, the lists follow the seats: a choice on a phone changed the count at once, and the
  // names beside it stayed as they were (an organiser re-booking from them worked from old lists).
  const counts = hold.state?.counts
  const rosterShown = roster !== null
  const reload = useRef(loadRoster)
  reload.current = loadRoster
  useEffect(() => {
    if (!rosterShown) return
    const soon = window.setTimeout(() => void reload.current(), ROSTER_FOLLOW_MS)
    return () => window.clearTimeout(soon)
  }, [counts, rosterShown])
  // The version the editor's draft was made from: a save replaces only that one. The newest version
  // pushed meanwhile (a workshop closed at the desk, the day shifted) would make an old draft win.
  const [draftOf, setDraftOf] = useState<number | null>(null)
  // A draft refused because the programme changed meanwhile: kept, to be saved over the new one on request.
  const [outdated, setOutdated] = useState<Programme | null>(null)
  const edit = () => {
    setDraftOf(hold.state?.version || null)
    setOutdated(null)
    setEditing(true)
  }
  const stopEditing = () => {
    setOutdated(null)
    setEditing(false)
  }
  const save = async (next: Programme, over: number | null = draftOf) => {
    const ack = await run('programme:save', { programme: next, expectedVersion: over } as never, t('programme.console.saved'))
    if (ack.ok) stopEditing()
    else if (ack.code === ErrorCode.STALE_VERSION) {
      setOutdated(next)
      setMessage(t('programme.console.changedMeanwhile'))
    }
    return ack.ok
  }
  /** Downloads one of the programme's files with the facilitator's credential (never in the address). */
  const download = async (file: string) => {
    try {
      const res = await fetch(`/api/events/${encodeURIComponent(eventId)}/${file}`, { headers: { authorization: `Bearer ${token}` } })
      if (!res.ok) {
        // The server's failure in words (too many exports at once: "in a few seconds again").
        const failure = failureSchema.safeParse(await res.json().catch(() => null))
        return setMessage(failure.success ? errorText(t, failure.data) : t('programme.error'))
      }
      const name = fileNameOf(res, file)
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = name
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch {
      setMessage(t('programme.error'))
    }
  }

  return (
    <section className="panel programme-console" aria-labelledby="programme-console-title">
      <h2 id="programme-console-title">{t('programme.title')}</h2>
      {message && <p role="status">{message}</p>}
      {!hold.loaded ? (
        <p>{t('programme.loading')}</p>
      ) : !programme && !editing ? (
        <p>
          <span className="muted">{t('programme.console.emptyHint')}</span>{' '}
          <button type="button" className="secondary" onClick={edit}>
            {t('programme.console.create')}
          </button>
        </p>
      ) : !programme || editing ? (
        <>
          {outdated && (
            <p>
              <button type="button" className="secondary" onClick={() => void save(outdated, hold.state?.version || null)}>
                {t('programme.console.saveOver')}
              </button>
            </p>
          )}
          <ProgrammeEditor initial={programme ?? programmeSchema.parse({ items: [] })} counts={hold.state?.counts ?? {}} onSave={(next) => save(next)} onCancel={stopEditing} />
        </>
      ) : (
        <>
          <NowNext programme={programme} clock={clock} nested />
          <p>
            <a className="button secondary" href={withQuery(projectorLink, 'mode', 'programm')} target="_blank" rel="noreferrer">
              {t('programme.console.onProjector')}
            </a>{' '}
            <button type="button" className="secondary" onClick={edit}>
              {t('programme.console.edit')}
            </button>
          </p>
          <form
            className="programme-shift"
            onSubmit={(e) => {
              e.preventDefault()
              if (!shiftBy) return
              const key = String(shiftBy)
              const shiftId = shiftIds.current.idFor(key)
              void run('programme:shift', { minutes: shiftBy, shiftId } as never, shiftWords(t, 'shifted', shiftBy)).then((ack) => shiftIds.current.answered(key, shiftId, ack))
            }}
          >
            <label>
              {t('programme.console.shiftLabel')}
              <input type="number" min={-240} max={240} step={5} value={shiftBy ?? ''} placeholder="10" aria-describedby="programme-shift-hint" onChange={(e) => setShiftBy(e.target.value.trim() === '' ? null : Math.round(Number(e.target.value) || 0))} />
            </label>
            <button type="submit" className="secondary" disabled={!shiftBy}>
              {t('programme.console.shift')}
            </button>
            <span id="programme-shift-hint" className="muted">
              {' '}
              {t('programme.console.shiftHint')}
            </span>
            {programme.shifts.length > 0 && <span className="muted"> {shiftWords(t, 'shifts', programme.shifts.reduce((s, x) => s + x.minutes, 0))}</span>}
          </form>
          {schedule(programme)
            .filter((s) => s.item.workshops.length > 0)
            .map(({ item: phase, start, end }) => (
              <PhaseCounts
                key={phase.id}
                phase={phase}
                time={`${clockText(start)}–${clockText(end)}`}
                counts={hold.state?.counts ?? {}}
                roster={roster}
                onWorkshop={(w, change) => void run('programme:workshop', { workshopId: w.id, ...change } as never, t('programme.console.saved'))}
                onMove={async (participantId, workshopId) => {
                  await run('programme:move', { participantId, phaseId: phase.id, workshopId } as never, t('programme.console.moved'))
                  await loadRoster()
                }}
              />
            ))}
          <WorkshopResults programme={programme} eventId={eventId} token={token} />
          <p>
            <button type="button" className="secondary" onClick={() => void loadRoster()}>
              {roster ? t('programme.console.rosterReload') : t('programme.console.rosterShow')}
            </button>
          </p>
          <p className="programme-exports">
            {t('programme.console.handout')}:{' '}
            <button type="button" className="secondary" aria-label={t('programme.console.handoutAs', { format: 'PDF' })} onClick={() => void download('programme.pdf')}>
              PDF
            </button>{' '}
            <button type="button" className="secondary" aria-label={t('programme.console.handoutAs', { format: 'DOCX' })} onClick={() => void download('programme.docx')}>
              DOCX
            </button>{' '}
            <button type="button" className="secondary" onClick={() => void download('programme-counts.csv')}>
              {t('programme.console.countsCsv')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => void download('programme-lists.csv')}>
              {t('programme.console.listsCsv')}
            </button>
          </p>
        </>
      )}
    </section>
  )
}

/** The seats taken per workshop of a phase, with the organiser's controls. */
function PhaseCounts({
  phase,
  time,
  counts,
  roster,
  onWorkshop,
  onMove,
}: {
  phase: ProgrammeItem
  /** Its times after the shifts, "11:30–13:00". */
  time: string
  counts: Record<string, number>
  roster: Roster | null
  onWorkshop: (w: Workshop, change: { closed?: boolean; capacity?: number | null }) => void
  onMove: (participantId: string, workshopId: string | null) => Promise<void>
}) {
  const { t } = useTranslation()
  const taken = (w: Workshop) => (Object.hasOwn(counts, w.id) ? counts[w.id]! : 0)
  return (
    <div className="programme-phase-counts">
      <h3>
        {phase.title} · {time}
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('programme.console.workshop')}</th>
            <th scope="col">{t('programme.console.taken')}</th>
            <th scope="col">{t('programme.console.capacity')}</th>
            <th scope="col">{t('programme.console.state')}</th>
          </tr>
        </thead>
        <tbody>
          {phase.workshops.map((w) => (
            <tr key={w.id} data-workshop={w.number}>
              <td>
                {t('programme.workshopTitle', { number: w.number, title: w.title })}
                {w.room && <span className="muted"> · {roomText(t, w.room)}</span>}
                {roster && (
                  <ul className="programme-roster">
                    {(Object.hasOwn(roster, w.id) ? roster[w.id]! : []).map((p, i) => (
                      <li key={p.participantId}>
                        {p.displayName || t('programme.console.anonymous')}{' '}
                        <label>
                          {/* Each control its own name: several people without a name in one list, the same person in two phases. */}
                          <span className="visually-hidden">{t('programme.console.moveLabel', { name: p.displayName || t('programme.console.anonymousNumbered', { n: i + 1 }), number: w.number })}</span>
                          <ActingSelect value={w.id} onAct={(to) => void onMove(p.participantId, to || null)}>
                            {phase.workshops.map((o) => (
                              <option key={o.id} value={o.id}>
                                {t('programme.workshop', { number: o.number })}
                              </option>
                            ))}
                            <option value="">{t('programme.console.noWorkshop')}</option>
                          </ActingSelect>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-testid={`count-${w.number}`}>
                {taken(w)}
                {/* The space outside the badge: read aloud, "3 sehr gefragt", not "3sehr gefragt". */}
                {w.capacity !== null && taken(w) > w.capacity && <> <span className="badge badge-locked">{t('programme.console.overbooked', { count: taken(w) - w.capacity })}</span></>}
                {w.capacity !== null && taken(w) === w.capacity && <> <span className="badge">{t('programme.full')}</span></>}
                {w.capacity !== null && taken(w) < w.capacity && pastThreshold(w, taken(w)) && <> <span className="badge">{t('programme.popular')}</span></>}
              </td>
              <td>
                <CapacityInput workshop={w} taken={taken(w)} onSave={(capacity) => onWorkshop(w, { capacity })} />
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-pressed={w.closed}
                  aria-label={t(w.closed ? 'programme.console.reopenLabel' : 'programme.console.closeLabel', { number: w.number })}
                  onClick={() => onWorkshop(w, { closed: !w.closed })}
                >
                  {w.closed ? t('programme.console.reopen') : t('programme.console.close')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CapacityInput({ workshop, taken, onSave }: { workshop: Workshop; taken: number; onSave: (capacity: number | null) => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState(workshop.capacity === null ? '' : String(workshop.capacity))
  // Fewer seats than people signed up asks first: they keep their seats, the workshop is overbooked.
  const [asking, setAsking] = useState(false)
  const parsed = value.trim() === '' ? null : Math.round(Number(value))
  const valid = parsed === null || (Number.isFinite(parsed) && parsed >= 1 && parsed <= 5000)
  const tooFew = parsed !== null && valid && parsed < taken
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (!valid || parsed === workshop.capacity) return
        if (tooFew && !asking) return setAsking(true)
        setAsking(false)
        onSave(parsed)
      }}
    >
      <label>
        <span className="visually-hidden">{t('programme.console.capacityOf', { number: workshop.number })}</span>
        <input
          type="number"
          min={1}
          max={5000}
          value={value}
          placeholder={t('programme.console.unlimited')}
          onChange={(e) => {
            setValue(e.target.value)
            setAsking(false)
          }}
        />
      </label>
      {asking && tooFew ? (
        <span role="alert">
          {t('programme.console.fewerSeats', { number: workshop.number, taken, seats: parsed, over: taken - parsed, count: parsed })}{' '}
          <button type="submit" className="secondary">
            {t('programme.console.fewerSeatsYes')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        // aria-disabled, not disabled: a disabled button left the tab order, and Tab then Enter after the
        // seats reached "Schließen" and closed the workshop (walk of the Köln day).
        <button type="submit" className="secondary" aria-label={t('programme.console.setCapacityLabel', { number: workshop.number })} aria-disabled={!valid || parsed === workshop.capacity}>
          {t('programme.console.setCapacity')}
        </button>
      )}
    </form>
  )
}
