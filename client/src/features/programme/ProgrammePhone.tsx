import { useEffect, useMemo, useRef, useState } from 'react'
import { SpelledCode } from '../../app/SpelledCode.js'
import {
  type ProgrammeItem,
  type Workshop,
  choiceAnswerSchema,
  clockText,
  lookupAnswerSchema,
  personalCodeSchema,
  phaseOver,
  plainName,
  schedule,
  WORKSHOP_STATION_ID,
  workshopBoardDocName,
} from '@tischrunde/shared'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { errorText } from '../../i18n/error-text.js'
import { keepDraft, keepOnce, keepParticipant, readDraft, takeOnce } from '../../sync/device-storage.js'
import { cardDraftScope } from '../../lib/use-draft.js'
import type { ParticipantIdentity } from '../../sync/credentials.js'
import { NowNext } from './NowNext.js'
import { MyWorkshops } from './MyWorkshops.js'
import { useProgrammeOpen } from './use-programme-open.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { WorkshopBoard } from './WorkshopBoard.js'
import { type Feedback, PhaseChoice } from './PhaseChoice.js'
import { dataOf, useDayClock, useProgramme } from './use-programme.js'
import type { ControlRef } from './use-programme.js'
import { useFocusKeeper } from '../../lib/use-focus-keeper.js'
import './programme.css'
import { ProgrammePhoneHeader } from './ProgrammePhoneHeader.js'
import { useOnline } from '../board/use-online.js'
import { roomText } from './room-text.js'
import { shiftWords } from './shift-words.js'



/** Whether this page was loaded with the choices found again by a personal code (taken once per load: the screen may mount twice). */
let foundOnLoad: boolean | undefined
const foundThisLoad = (): boolean => (foundOnLoad ??= takeOnce('programme-found'))

/**
 * The participant's programme: what is on now and next, every item of the day, and per work phase
 * the workshops to choose from (one per phase; changing while seats are free). Works days before
 * the event with the same link, without an account; the personal code finds the choices again.
 */
export default function ProgrammePhone({ control, identity, joinCode, header }: { control: ControlRef; identity: ParticipantIdentity; joinCode: string; header?: React.ReactNode }) {
  const keepFocus = useFocusKeeper<HTMLElement>()
  const { t } = useTranslation()
  const hold = useProgramme(control)
  const programme = hold.state?.programme ?? null
  const clock = useDayClock(hold.offsetMs, programme?.timeZone ?? 'Europe/Berlin')
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const [busy, setBusy] = useState(false)
  const [name, setName] = useState('')
  const storedName = hold.mine?.displayName ?? ''
  useEffect(() => {
    if (storedName) setName((n) => n || storedName)
  }, [storedName])
  const mine = useMemo(() => new Map(Object.entries(hold.mine?.choices ?? {})), [hold.mine])
  const counts = useMemo(() => new Map(Object.entries(hold.state?.counts ?? {})), [hold.state?.counts])
  // The day shifted at the desk while this phone is open: said once, in words ("15 Minuten später"),
  // not only in times that change without a word (a time noted down would be wrong).
  const shiftTotal = programme ? programme.shifts.reduce((sum, x) => sum + x.minutes, 0) : null
  const shiftSeen = useRef<number | null>(null)
  const [shiftNote, setShiftNote] = useState<string | null>(null)
  useEffect(() => {
    if (shiftTotal === null) return
    if (shiftSeen.current !== null && shiftTotal !== shiftSeen.current) setShiftNote(shiftWords(t, 'shifted', shiftTotal - shiftSeen.current))
    shiftSeen.current = shiftTotal
  }, [shiftTotal, t])
  // Opened from a table or a tree ("Programm" in the header): one tap back there.
  const { open, show } = useProgrammeOpen()
  const elsewhere = useTischStore((s) => Boolean(s.event && (s.event.tables.length > 0 || s.event.treeMethod)))
  const event = useTischStore((s) => s.event)
  // After "Veranstaltung beenden" the lists stay as they are: no choice is offered any more.
  const dayClosed = useTischStore((s) => s.round?.phase === 'closed')
  // Offline a choice cannot reach the server: said at once, and nothing is offered to choose (nor
  // the question about giving up a seat in a full workshop).
  const online = useOnline()
  const offline = useTischStore((s) => s.controlStatus === 'offline') || !online
  // The board of one's workshop, open instead of the programme.
  const [boardOf, setBoardOf] = useState<Workshop | null>(null)
  // The number of the workshop whose open board closed because the booking ended, to say so.
  const [ended, setEnded] = useState<number | null>(null)
  // The choices found again by a personal code (the page reloaded with them): said once, at the top.
  const found = foundThisLoad()
  const foundNote = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (found && hold.loaded) foundNote.current?.focus()
  }, [found, hold.loaded])
  // The board is a step of its own in the browser's history: the phone's Back leads to the
  // programme, not out of the event (to the page or the QR scanner before it).
  const openBoard = (workshop: Workshop) => {
    setEnded(null)
    setBoardOf(workshop)
    window.history.pushState({ workshopBoard: workshop.id }, '', window.location.href)
  }
  const closeBoard = () => {
    if ((window.history.state as { workshopBoard?: string } | null)?.workshopBoard) window.history.back()
    else setBoardOf(null)
  }
  useEffect(() => {
    const back = () => setBoardOf(null)
    window.addEventListener('popstate', back)
    return () => window.removeEventListener('popstate', back)
  }, [])
  const boardStatus = useTischStore((s) => (boardOf && s.event ? selectBoard(workshopBoardDocName(s.event.id, boardOf.id))(s).status : null))
  // The server closes a workshop board whose booking ended (switched on another device, moved by the
  // organiser): on any close, ask again what is booked (a network drop just fails and retries later).
  const { refresh } = hold
  useEffect(() => {
    if (boardStatus === 'offline' || boardStatus === 'denied') void refresh()
  }, [boardStatus, refresh])
  // Only a workshop one booked (and that still exists) stays open: else its board and its socket close.
  const stillBooked = boardOf !== null && Boolean(programme?.items.some((i) => i.workshops.some((w) => w.id === boardOf.id) && mine.get(i.id) === boardOf.id))
  // What was typed there and not sent is shown to copy (the organiser's move came mid-sentence), and
  // forgotten on that board.
  const [endedDraft, setEndedDraft] = useState('')
  const eventId = event?.id ?? null
  useEffect(() => {
    if (!boardOf || !hold.loaded || stillBooked) return
    if (eventId) {
      const scope = cardDraftScope(workshopBoardDocName(eventId, boardOf.id), WORKSHOP_STATION_ID)
      setEndedDraft(readDraft(scope))
      keepDraft(scope, '')
    }
    setEnded(boardOf.number)
    closeBoard()
  }, [boardOf, hold.loaded, stillBooked, eventId])

  const choose = async (phase: ProgrammeItem, workshop: Workshop | null) => {
    setBusy(true)
    const ack = await hold.send('programme:choose', { phaseId: phase.id, workshopId: workshop?.id ?? null, displayName: plainName(name) })
    setBusy(false)
    const answer = choiceAnswerSchema.safeParse(dataOf(ack))
    // A refusal says why (too fast, no connection, a name that cannot be taken), not only "try again".
    if (!answer.success) return setFeedback({ phaseId: phase.id, error: true, ...(ack.ok ? {} : { message: errorText(t, ack) }) })
    hold.setMine(answer.data.mine, answer.data.counts)
    setFeedback(workshop ? { phaseId: phase.id, answer: answer.data, number: workshop.number } : null)
  }

  // The name goes with a choice: once one is booked, saving the name sends that choice again with it.
  const bookedPhase = programme?.items.find((i) => i.kind === 'work-phase' && mine.has(i.id)) ?? null
  const saveName = async (phase: ProgrammeItem): Promise<boolean> => {
    const workshopId = mine.get(phase.id) ?? null
    const ack = await hold.send('programme:choose', { phaseId: phase.id, workshopId, displayName: plainName(name) })
    const answer = choiceAnswerSchema.safeParse(dataOf(ack))
    if (!answer.success || !answer.data.booked) return false
    hold.setMine(answer.data.mine, answer.data.counts)
    return true
  }

  // The first work phase still open without a workshop of one's own (one chosen and taken out counts as none).
  const toChoose = dayClosed ? null : (programme?.items.find((i) => i.kind === 'work-phase' && i.workshops.length > 0 && !i.workshops.some((w) => w.id === mine.get(i.id)) && !phaseOver(programme, i.id, clock)) ?? null)

  if (!hold.loaded) return <p className="page loading">{t('programme.loading')}</p>
  const board = stillBooked ? boardOf : null
  if (board && event)
    return (
      <main className="page phone programme-phone" ref={keepFocus}>
        <ProgrammePhoneHeader heading={t('programme.workshop', { number: board.number })} before={false}>
          <button type="button" className="secondary programme-back" onClick={closeBoard}>
            {t('programme.board.back')}
          </button>
        </ProgrammePhoneHeader>
        <WorkshopBoard event={event} workshop={board} token={identity.token} authorId={identity.participantId} moderate={false} authorName={name.trim() || undefined} />
      </main>
    )
  return (
    <main className="page phone programme-phone" ref={keepFocus}>
      {header ?? (
        <ProgrammePhoneHeader heading={t('programme.title')} before={mine.size === 0 && !dayClosed}>
          {open && elsewhere && (
            <button type="button" className="secondary programme-back" onClick={() => show(false)}>
              {t('programme.backToTable')}
            </button>
          )}
        </ProgrammePhoneHeader>
      )}
      {!programme ? (
        <p>{t('programme.empty')}</p>
      ) : (
        <>
          <NowNext programme={programme} clock={clock} mine={mine} />
          {shiftNote && (
            <p className="banner banner-warning" role="status">
              {shiftNote}
            </p>
          )}
          {offline && (
            <p className="banner banner-offline" role="status">
              {t('programme.offline')}
            </p>
          )}
          {found && (
            <p className="programme-board-ended" role="status" tabIndex={-1} ref={foundNote}>
              {t('programme.lookupDone')}
            </p>
          )}
          {ended !== null && (
            <p className="programme-board-ended" role="status">
              {t('programme.board.ended', { number: ended })}
              {endedDraft && (
                <>
                  {' '}
                  {t('programme.board.endedDraft')} <q className="refused-text">{endedDraft}</q>
                </>
              )}
            </p>
          )}
          <MyWorkshops programme={programme} mine={mine} onBoard={openBoard} />
          {/* The day's list starts at its first item (arrival, welcome): the open choice is a tap away. */}
          {toChoose && (
            <p>
              <a
                className="button secondary"
                href={`#choose-${toChoose.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  const heading = document.getElementById(`choose-${toChoose.id}`)
                  if (!heading) return
                  heading.tabIndex = -1
                  heading.focus()
                }}
              >
                {t('programme.toChoice', { phase: toChoose.title })}
              </a>
            </p>
          )}
          <ol className="programme-items">
            {schedule(programme).map(({ item, start, end }) => (
              <li key={item.id} className={`programme-item programme-item-${item.kind}`}>
                <p className="muted">{t('programme.time', { start: clockText(start), end: clockText(end) })}</p>
                <h2>
                  {item.title}
                  {item.subtitle && <span className="programme-subtitle">: {item.subtitle}</span>}
                </h2>
                {item.room && <p className="muted">{roomText(t, item.room)}</p>}
                {item.people.length > 0 && (
                  <ul className="programme-people">
                    {item.people.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
                {item.description && (
                  <details>
                    <summary>{t('programme.more')}</summary>
                    <p>{item.description}</p>
                  </details>
                )}
                {item.kind === 'work-phase' && item.workshops.length > 0 && (
                  <PhaseChoice
                    phase={item}
                    chosen={mine.get(item.id) ?? null}
                    placed={hold.mine?.placed?.includes(item.id) ?? false}
                    counts={counts}
                    busy={busy || offline}
                    feedback={feedback?.phaseId === item.id ? feedback : null}
                    onChoose={(w) => void choose(item, w)}
                    over={dayClosed ? 'day' : phaseOver(programme, item.id, clock) && 'phase'}
                  />
                )}
              </li>
            ))}
          </ol>
          {/* The personal code keeps workshop choices: a day without workshops has none to keep. */}
          {programme.items.some((i) => i.kind === 'work-phase' && i.workshops.length > 0) && (
            <>
              <PersonalCode code={hold.mine?.code ?? null} name={name} onName={setName} saved={storedName} onSaveName={bookedPhase ? () => saveName(bookedPhase) : null} />
              <Lookup
                send={hold.send}
                onFound={(participantId, token) => {
                  keepParticipant(joinCode, { ...identity, participantId, token })
                  keepOnce('programme-found')
                  window.location.reload()
                }}
              />
            </>
          )}
        </>
      )}
    </main>
  )
}


/**
 * The personal code (after the first choice) and the optional name for the sign-up lists. The name
 * goes with the next choice; once a choice is booked, "Namen speichern" sends it on its own.
 */
function PersonalCode({
  code,
  name,
  onName,
  saved,
  onSaveName,
}: {
  code: string | null
  name: string
  onName: (name: string) => void
  saved: string
  onSaveName: (() => Promise<boolean>) | null
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState<'saved' | 'failed' | null>(null)
  const [saving, setSaving] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!onSaveName) return
    setSaving(true)
    const ok = await onSaveName()
    setSaving(false)
    setNote(ok ? 'saved' : 'failed')
  }
  const changed = plainName(name) !== saved
  return (
    <section className="panel programme-code" aria-labelledby="programme-code-title">
      <h2 id="programme-code-title">{t('programme.codeTitle')}</h2>
      {code ? (
        <SpelledCode className="join-code" testId="personal-code" code={code} />
      ) : (
        <p data-testid="personal-code-later">{t('programme.codeLater')}</p>
      )}
      <p className="muted">{t('programme.codeHint')}</p>
      <form className="programme-name" onSubmit={(e) => void submit(e)}>
        <label>
          {t('programme.nameLabel')}
          <input
            type="text"
            value={name}
            maxLength={60}
            autoComplete="name"
            onChange={(e) => {
              setNote(null)
              onName(e.target.value)
            }}
          />
        </label>
        {onSaveName && (
          <button type="submit" className="secondary" disabled={saving || !changed}>
            {t('programme.nameSave')}
          </button>
        )}
      </form>
      <p role="status" className={note === 'failed' ? 'field-error' : 'muted'}>
        {note && t(note === 'saved' ? 'programme.nameSaved' : 'programme.error')}
      </p>
    </section>
  )
}

/** "Schon angemeldet?": the personal code brings the choices (and the identity) to this device. */
function Lookup({ send, onFound }: { send: ReturnType<typeof useProgramme>['send']; onFound: (participantId: string, token: string) => void }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!code.trim()) return setMessage(t('programme.lookupEmpty'))
    const parsed = personalCodeSchema.safeParse(code)
    if (!parsed.success) return setMessage(t('programme.lookupUnknown'))
    const ack = await send('programme:lookup', { code: parsed.data })
    const found = lookupAnswerSchema.safeParse(dataOf(ack))
    if (!found.success) return setMessage(ack.ok || ack.code === 'NOT_FOUND' ? t('programme.lookupUnknown') : errorText(t, ack))
    setMessage(t('programme.lookupDone'))
    onFound(found.data.participantId, found.data.token)
  }
  return (
    <section className="panel programme-lookup" aria-labelledby="programme-lookup-title">
      <h2 id="programme-lookup-title">{t('programme.lookupTitle')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('programme.lookupLabel')}
          <input type="text" value={code} maxLength={10} autoCapitalize="characters" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('programme.lookupSubmit')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  )
}
