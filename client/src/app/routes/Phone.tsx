import { ErrorCode, boardDocName, fail, isTreeDay } from '@tischrunde/shared'
import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react'
import { ScreenPart } from '../ScreenPart.js'
import { lazyPart, loadPart } from '../../lib/load-part.js'
import { useParams, useSearchParams } from 'wouter'
import { phoneStep } from '../../features/phone/phone-step.js'
import { usePhoneSeat } from '../../features/phone/use-phone-seat.js'
import { focusStep } from '../../features/phone/focus-step.js'
import { setAddressForm, useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import type { ParticipantIdentity } from '../../sync/credentials.js'
import { useBoard, useControl, useLeftBoards } from '../../sync/hooks.js'
import { useDocumentTitle } from '../use-document-title.js'
import { asksForActors } from '../../features/actors/asks-for-actors.js'
import { BoardStep } from './phone/BoardStep.js'
import { RefusedElsewhere } from '../../features/board/RefusedElsewhere.js'
import { PhoneHeader } from './phone/PhoneHeader.js'
import { PickTableStep } from './phone/PickTableStep.js'
import { usePhoneJoin } from './phone/use-phone-join.js'
import type { joinTreeGroup as JoinTreeGroup } from '../../sync/tree-hooks.js'
import { selectOpenStep, useVoteStore } from '../../store/vote-store.js'

// Shown once per station: loaded on demand, and fetched when the phone is idle (so the service worker
// keeps them for a phone that loses the network before the next station).
const loadRotation = () => loadPart(() => import('../../features/rotation/RotationPrompt.js'))
const loadTablecloth = () => loadPart(() => import('./phone/TableclothStep.js'))
const RotationPrompt = lazyPart(() => loadRotation().then((m) => ({ default: m.RotationPrompt })))
const TableclothStep = lazyPart(() => loadTablecloth().then((m) => ({ default: m.TableclothStep })))
/** How long a phone at the table choice goes without Socket.IO, in ms. */
const SOCKET_AFTER_MS = 4000
/** How long after the board shows the on-demand screens are fetched, in ms. */
const PREFETCH_AFTER_MS = 15_000
// The tree method's phone screen comes with its own chunk: café-only phones never load it.
const TreePhone = lazyPart(() => import('../../features/tree/phone/TreePhone.js'))
// The actor map (read-only) and its entry come with their own chunks.
const ActorPhone = lazyPart(() => import('../../features/actors/ActorPhone.js'))
const ActorsPhoneEntry = lazyPart(() => import('../../features/actors/ActorsPhoneEntry.js'))
// The day's programme and workshop sign-up: its own chunk, for days without theme tables or with `?programm`.
const ProgrammePhone = lazyPart(() => import('../../features/programme/ProgrammePhone.js'))
const wantsProgramme = (tables: number, tree: boolean, params: URLSearchParams) => (tables === 0 && !tree) || params.has('programm')
// On the event's day, the start shows what is on now and next and one's workshops.
const ProgrammeGlance = lazyPart(() => import('../../features/programme/ProgrammeGlance.js'))
/** This device's date, "2019-07-02". */
const localToday = () => new Date().toLocaleDateString('en-CA')
const joinTreeGroup = (...args: Parameters<typeof JoinTreeGroup>) => loadPart(() => import('../../sync/tree-hooks.js')).then((m) => m.joinTreeGroup(...args))
// Moderation on the phone (a host's queue, a participant's held cards) comes with its own chunk.
const PhoneModeration = lazyPart(() => import('../../features/moderation/PhoneModeration.js'))
// Dot voting comes with its own chunk, loaded when a step opens.
const VotePhone = lazyPart(() => import('../../features/harvest/VotePhone.js'))
const VoteReturn = lazyPart(() => import('../../features/harvest/VotePhone.js').then((m) => ({ default: m.VoteReturn })))
const VoteOver = lazyPart(() => import('../../features/harvest/VotePhone.js').then((m) => ({ default: m.VoteOver })))
// A table host groups their table's cards on a screen of its own chunk.
const GroupPhone = lazyPart(() => import('../../features/harvest/GroupPhone.js'))
const GroupOpen = lazyPart(() => import('../../features/harvest/GroupPhone.js').then((m) => ({ default: m.GroupOpen })))

/**
 * The participant's phone: join with the code, pick a table, add cards. A table host's link
 * (`#k=` with a host credential) opens the same screen as the table's scribe.
 */
export default function Phone() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const { identity, error, assignedTable } = usePhoneJoin(code)
  if (error)
    return (
      <main className="page phone">
        <h1>{t('app.name')}</h1>
        <p className="field-error" role="alert">
          {error}
        </p>
        <a href="/" className="button secondary">
          {t('common.backHome')}
        </a>
      </main>
    )
  if (!identity) return <p className="page loading">{t('join.joining')}</p>
  return <JoinedPhone identity={identity} assignedTable={assignedTable} />
}

/** Which screen shows is phoneStep's decision; this component only connects and renders it. */
function JoinedPhone({ identity, assignedTable }: { identity: ParticipantIdentity; assignedTable: string | null }) {
  const { t } = useTranslation()
  const [actorsOpen, setActorsOpen] = useState(false)
  const joinCode = (useParams().code ?? '').toUpperCase()
  const event = useTischStore(selectEvent)
  const [params] = useSearchParams()
  const round = useTischStore((s) => s.round)
  const controlStatus = useTischStore((s) => s.controlStatus)
  useDocumentTitle(event?.title)
  // The organiser chose "du" or "Sie" for the participants' German wording.
  const address = event?.address ?? 'du'
  useEffect(() => {
    void setAddressForm(address).catch(() => {}) // offline before it ever loaded: the "du" wording
    return () => void setAddressForm('du')
  }, [address])
  const seat = usePhoneSeat(identity, assignedTable)
  const openVote = useVoteStore(selectOpenStep)
  // The step this phone stepped away from to look at its table (a button brings it back).
  const [voteAside, setVoteAside] = useState<string | null>(null)
  // The newest vote, once closed, leaves a notice on the table screen until hidden.
  const lastVote = useVoteStore((s) => s.steps.at(-1))
  const [voteOverHidden, setVoteOverHidden] = useState<string | null>(null)
  const [grouping, setGrouping] = useState(false)
  const host = identity.hostTable !== undefined
  const step = phoneStep({ event, round, host, tableId: seat.tableId, visits: seat.visits, tableclothsSeen: seat.tableclothsSeen })
  const seatedAt = 'table' in step ? step.table.id : null
  // Seated, the phone's control plane rides on its board's socket (before the event is known: the seat it kept).
  const seatBoard = { eventId: identity.eventId, token: identity.token, authorId: identity.participantId, keepLocal: true }
  // At the table choice Socket.IO waits a little: a phone that picks a table meanwhile never loads it.
  const choosing = !event || (step.step === 'pick-table' && event.tables.length > 0 && !host && !wantsProgramme(event.tables.length, Boolean(event.treeMethod), params))
  const control = useControl(identity.token, identity.eventId, { ...seatBoard, tableId: (event ? seatedAt : seat.tableId) ?? '' }, choosing ? SOCKET_AFTER_MS : 0)
  useBoard({ ...seatBoard, tableId: seatedAt })
  useLeftBoards(identity.eventId)

  useEffect(() => {
    if (controlStatus === 'online') control.current?.tell('presence:table', { tableId: seatedAt, visits: seat.visits })
  }, [seatedAt, seat.visits, controlStatus, control])

  // After a choice replaced the screen, focus goes to the new screen's heading.
  const shown = `${step.step}/${seatedAt ?? ''}`
  const lastShown = useRef<string | null>(null)
  useEffect(() => {
    if (step.step === 'loading') return
    if (lastShown.current !== null && lastShown.current !== shown) focusStep(step.step === 'pick-table' ? 'header' : step.step)
    lastShown.current = shown
  }, [shown, step.step])
  useEffect(() => {
    if (host) return
    const timer = setTimeout(() => void Promise.all([loadRotation(), loadTablecloth()]).catch(() => {}), PREFETCH_AFTER_MS)
    return () => clearTimeout(timer)
  }, [host])

  /** The actor map, read-only, with the way back. */
  const actorsPage = (heading: ReactNode, fromTree = false) => (
    <main className="page phone">
      {heading}
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <ActorPhone eventId={identity.eventId} token={identity.token} onBack={() => setActorsOpen(false)} fromTree={fromTree} />
      </Suspense>
    </main>
  )
  if (event && !host && wantsProgramme(event.tables.length, Boolean(event.treeMethod), params))
    return (
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <ProgrammePhone control={control} identity={identity} joinCode={joinCode} />
      </Suspense>
    )
  if (!event || step.step === 'loading') return <p className="page loading">{t('common.loading')}</p>
  if (isTreeDay(event) && !host) {
    const treeHeader = (joined: boolean) => <PhoneHeader host={false} table={undefined} heading={t('join.treeHeading')} joined={joined} />
    if (actorsOpen) return actorsPage(treeHeader(true), true)
    const actorsEntry = (
      <ScreenPart>
        <ActorsPhoneEntry onOpen={() => setActorsOpen(true)} />
      </ScreenPart>
    )
    return <TreePhone header={treeHeader} event={event} identity={identity} join={(value) => joinTreeGroup(control.current, value)} actorsEntry={actorsEntry} />
  }
  if (step.step === 'pick-table')
    return (
      <PickTableStep
        header={
          <>
            <PhoneHeader host={host} table={undefined} />
            <RefusedElsewhere />
          </>
        }
        station={step.station}
        gone={step.gone}
        name={seat.name}
        onName={seat.changeName}
        onPick={seat.pick}
        left={seat.left}
        programme={
          event.agenda.length > 0 &&
          event.date === localToday() && (
            <ScreenPart>
              <ProgrammeGlance control={control} />
            </ScreenPart>
          )
        }
      />
    )

  const header = <PhoneHeader host={host} table={step.table} />
  const docName = boardDocName(identity.eventId, step.table.id)
  const send: Parameters<typeof VotePhone>[0]['send'] = (name, payload) => control.current?.send(name, payload) ?? Promise.resolve(fail(ErrorCode.NETWORK))
  if (host && grouping)
    return (
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <GroupPhone header={header} event={event} tableId={step.table.id} token={identity.token} send={send} onDone={() => setGrouping(false)} />
      </Suspense>
    )
  if (openVote && voteAside !== openVote.id)
    return (
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <VotePhone
          header={header}
          event={event}
          step={openVote}
          tableId={step.table.id}
          token={identity.token}
          send={send}
          onBack={() => setVoteAside(openVote.id)}
        />
      </Suspense>
    )
  if (step.step === 'rotation')
    return (
      <main className="page phone">
        {header}
        <RefusedElsewhere />
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <RotationPrompt station={step.station} tables={event.tables} current={step.table.id} visited={step.visited} onPick={seat.pick} />
        </Suspense>
      </main>
    )
  if (step.step === 'tablecloth')
    return (
      <Suspense fallback={<p className="page loading">{t('common.loading')}</p>}>
        <TableclothStep
          key={step.key}
          header={
            <>
              {header}
              <RefusedElsewhere />
            </>
          }
          docName={docName} station={step.station} earlier={step.earlier} onContinue={() => seat.markTableclothRead(step.key)} onLeave={host ? undefined : () => seat.pick(null)} />
      </Suspense>
    )
  if (actorsOpen) return actorsPage(header)
  const voteOver = !openVote && lastVote?.status === 'frozen' && voteOverHidden !== lastVote.id && (
    <ScreenPart>
      <VoteOver step={lastVote} onHide={() => setVoteOverHidden(lastVote.id)} />
    </ScreenPart>
  )
  const board = (
    <BoardStep
      header={
        <>
          {header}
          <RefusedElsewhere except={docName} />
          {voteOver}
        </>
      }
      step={step}
      docName={docName}
      host={host}
      authorId={identity.participantId}
      name={seat.name}
      onName={seat.changeName}
      onLeave={() => seat.pick(null)}
      moderation={
        <ScreenPart>
          <PhoneModeration
            eventId={identity.eventId}
            tableId={step.table.id}
            token={identity.token}
            participantId={identity.participantId}
            host={host}
            stationId={step.station?.id}
            docName={docName}
            send={(name, payload) => control.current?.send(name, payload) ?? Promise.resolve(fail(ErrorCode.NETWORK))}
          />
        </ScreenPart>
      }
    />
  )
  return (
    <>
      {board}
      {(openVote || host) && (
        <ScreenPart>{openVote ? <VoteReturn onOpen={() => setVoteAside(null)} /> : <GroupOpen onOpen={() => setGrouping(true)} />}</ScreenPart>
      )}
      {asksForActors(event.template) && (
        <ScreenPart>
          <ActorsPhoneEntry onOpen={() => setActorsOpen(true)} />
        </ScreenPart>
      )}
    </>
  )
}
