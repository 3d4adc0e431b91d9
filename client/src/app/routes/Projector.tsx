import { ErrorCode, fail, isTreeDay } from '@tischrunde/shared'
import { Suspense, useEffect, useRef, useState } from 'react'
import { ScreenPart } from '../ScreenPart.js'
import { lazyPart } from '../../lib/load-part.js'
import { setAddressForm, useTranslation } from '../../i18n/index.js'
import { useParams } from 'wouter'
import '../../i18n/projector-wording.js'
import { useDocumentTitle } from '../use-document-title.js'
import { ChangeoverNotice } from '../../features/projector/ChangeoverNotice.js'
import { EndSignal } from '../../features/projector/EndSignal.js'
import { JoinScreen } from '../../features/projector/JoinCorner.js'
import { ProjectorToolbar } from '../../features/projector/ProjectorToolbar.js'
import { ReviewMode } from '../../features/projector/ReviewMode.js'
import { ShortcutsOverlay } from '../../features/projector/ShortcutsOverlay.js'
import { SoundPrompt } from '../../features/projector/SoundPrompt.js'
import { Spotlight } from '../../features/projector/Spotlight.js'
import { TableBoard } from '../../features/projector/TableBoard.js'
import { WallOfTables } from '../../features/projector/WallOfTables.js'
import type { ProjectorAction } from '../../features/projector/shortcuts.js'
import type { ProjectorMode } from '../../features/projector/projector-mode.js'
import { useAudioState } from '../../features/projector/use-audio-state.js'
import { useFullscreen } from '../../features/projector/use-fullscreen.js'
import { useMuted } from '../../features/projector/use-muted.js'
import { useProjectorKeys } from '../../features/projector/use-projector-keys.js'
import { useProjectorNav } from '../../features/projector/use-projector-nav.js'
import { useActorView } from '../../features/actors/use-actor-view.js'
import '../../features/projector/projector.css'

// The tree method's projector screen comes with its own chunk (d3-hierarchy with it).
const TreeProjector = lazyPart(() => import('../../features/tree/projector/TreeProjector.js'))
// The actor map (`?mode=actors`) comes with its own chunk.
const ActorProjector = lazyPart(() => import('../../features/actors/ActorProjector.js'))
// The "Programm" view (`?mode=programm`, and days without theme tables or trees): its own chunk.
const ProgrammeProjector = lazyPart(() => import('../../features/programme/ProgrammeProjector.js'))
// Collect-then-reveal on the projector: the count while collecting and the reveal moment.
const RevealMoment = lazyPart(() => import('../../features/moderation/RevealMoment.js'))
// The live ranking of a voting step ("Sichtung"), shown while the console puts a step on the projector.
const VoteProjector = lazyPart(() => import('../../features/harvest/VoteProjector.js'))
// The groups of a column (`?mode=gruppen`); on the facilitator's own screen, sorted by drag and drop.
const GroupProjector = lazyPart(() => import('../../features/harvest/GroupProjector.js'))
import { isGroupsMode, takeFacilitatorHandoff } from '../../features/harvest/facilitator-screen.js'
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { useControl } from '../../sync/hooks.js'
import { useToldLanguage } from '../../features/projector/use-told-language.js'
import { selectShownStep, useVoteStore } from '../../store/vote-store.js'

/** A projector that cannot show its event says why, in big type, instead of loading forever. */
function ProjectorMessage({ children }: { children: React.ReactNode }) {
  return (
    <main className="page projector projector-message">
      <p className="field-error" role="alert">
        {children}
      </p>
    </main>
  )
}

/**
 * The projector: one table's board, the wall of all tables, the review walk-through or the join
 * screen, switched with keys 1–4 (see the `?` overlay) or from the console. Read-only; follows the
 * facilitator's rounds.
 */
export default function Projector() {
  const { t } = useTranslation()
  const eventId = useParams().eventId ?? ''
  // The grouping view opened from the console on the facilitator's own screen works with the facilitator's credential.
  const [handoff] = useState(() => takeFacilitatorHandoff(eventId))
  const [token] = useState(() => handoff ?? takeTokenFromUrl(eventId, 'projector'))
  const control = useControl(token)
  const event = useTischStore(selectEvent)
  useDocumentTitle(event?.title, 'projector')
  const round = useTischStore((s) => s.round)
  const controlStatus = useTischStore((s) => s.controlStatus)
  const actorView = useActorView()
  useToldLanguage(!handoff)
  // The hall is addressed as the organiser chose for the participants ("du" or "Sie").
  const address = event?.address ?? 'du'
  useEffect(() => {
    if (handoff) return
    void setAddressForm(address).catch(() => {}) // offline before it ever loaded: the "du" wording
    return () => void setAddressForm('du')
  }, [address, handoff])

  if (!token || controlStatus === 'denied') return <ProjectorMessage>{t('projectorModes.wrongKey')}</ProjectorMessage>
  // A key of another event opens that event's data: say whose it is instead of showing it under this address.
  if (event && event.id !== eventId)
    return (
      <ProjectorMessage>
        {t('projectorModes.otherEvent', { title: event.title })}{' '}
        <a href={`/e/${encodeURIComponent(event.id)}/projector#k=${encodeURIComponent(token)}`}>{t('projectorModes.otherEventOpen', { title: event.title })}</a>
      </ProjectorMessage>
    )
  if (!event || !round) return <p className="page loading projector">{t('common.loading')}</p>
  if (actorView)
    return (
      <Suspense fallback={<p className="page loading projector">{t('common.loading')}</p>}>
        <ActorProjector event={event} token={token} />
      </Suspense>
    )
  if (isGroupsMode() && event.tables.length > 0)
    return (
      <main className="page projector projector-mode-groups">
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <div className="projector-stage">
            <GroupProjector event={event} token={token} send={handoff ? (name, payload) => control.current?.send(name, payload) ?? Promise.resolve(fail(ErrorCode.NETWORK)) : null} />
          </div>
        </Suspense>
      </main>
    )
  if (new URLSearchParams(window.location.search).get('mode') === 'programm' || (!event.treeMethod && event.tables.length === 0))
    return (
      <Suspense fallback={<p className="page loading projector">{t('common.loading')}</p>}>
        <ProgrammeProjector control={control} />
      </Suspense>
    )
  if (isTreeDay(event)) return <TreeProjector event={event} token={token} />
  return <ProjectorScreen eventId={eventId} token={token} />
}

/** The connected projector (event and round state have arrived). */
function ProjectorScreen({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const event = useTischStore(selectEvent)!
  const round = useTischStore((s) => s.round)!
  const controlStatus = useTischStore((s) => s.controlStatus)
  const told = useTischStore((s) => s.projectorDisplay)
  const nav = useProjectorNav(event, round)
  const [muted, toggleMute] = useMuted()
  const audio = useAudioState()
  const [fullscreen, toggleFullscreen] = useFullscreen()
  const [help, setHelp] = useState(false)
  const [spotlightOn, setSpotlightOn] = useState(true)
  const shownVote = useVoteStore(selectShownStep)

  // Each command from the console shows once; the projector's own keys may change the view after it.
  const applied = useRef<number | null>(null)
  // A projector opened with a view in its address (e.g. "Auf dem Beamer zeigen" for one table) keeps it
  // until the console sends something new.
  const [explicit] = useState(() => /[?&](mode|table)=/.test(window.location.search))
  useEffect(() => {
    if (!told || applied.current === told.seq) return
    applied.current = told.seq
    if ((told.initial && explicit) || told.languageOnly || told.spotlightEnded || told.treeFollowed) return
    nav.show(told.display)
    setSpotlightOn(true)
  }, [told, nav, explicit])

  // The ranking the console shows stands until the projector's own keys choose a view; it comes
  // back with the next step, its result, or the bar's button.
  const [voteAside, setVoteAside] = useState<string | null>(null)
  const voteKey = shownVote ? `${shownVote.id}:${shownVote.status}` : null
  const voteOn = shownVote !== undefined && voteKey !== voteAside
  const goMode = (mode: ProjectorMode) => {
    setVoteAside(voteKey)
    nav.goMode(mode)
  }

  useProjectorKeys((action: ProjectorAction) => {
    if (action.type !== 'mute' && action.type !== 'help') setSpotlightOn(false)
    if (action.type === 'mode' || action.type === 'move') setVoteAside(voteKey)
    if (action.type === 'mode') nav.goMode(action.mode)
    else if (action.type === 'move') nav.move(action.move)
    else if (action.type === 'fullscreen') toggleFullscreen()
    else if (action.type === 'mute') toggleMute()
    else if (action.type === 'help') setHelp((h) => !h)
    else if (action.type === 'close') setHelp(false)
  })

  let view
  if (nav.mode === 'join') view = <JoinScreen title={event.title} />
  else if (nav.mode === 'wall') view = <WallOfTables event={event} eventId={eventId} token={token} />
  else if (nav.mode === 'review') view = <ReviewMode event={event} eventId={eventId} token={token} position={nav.review} onMove={nav.move} />
  else if (nav.table) view = <TableBoard key={nav.table.id} event={event} eventId={eventId} token={token} table={nav.table} />
  else view = <p>{t('projectorModes.noTables')}</p>
  if (shownVote && voteOn)
    view = (
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <VoteProjector event={event} step={shownVote} token={token} />
      </Suspense>
    )
  const spotlight = spotlightOn ? told?.display.spotlight : null

  return (
    <main className={`page projector projector-mode-${nav.mode}`}>
      {controlStatus === 'offline' && (
        <p className="banner banner-offline" role="status">
          {t('projectorModes.offline')}
        </p>
      )}
      <ChangeoverNotice event={event} />
      <ScreenPart>
        <RevealMoment event={event} round={round} token={token} tableId={nav.mode === 'table' ? nav.table?.id : undefined} />
      </ScreenPart>
      <div className="projector-stage">{view}</div>
      {spotlight && <Spotlight event={event} eventId={eventId} token={token} target={spotlight} />}
      <ProjectorToolbar
        mode={voteOn ? null : nav.mode}
        onMode={goMode}
        {...(shownVote ? { vote: { on: voteOn, show: () => setVoteAside(null) } } : {})}
        muted={muted}
        audio={audio}
        onMute={toggleMute}
        fullscreen={fullscreen}
        onFullscreen={toggleFullscreen}
        onHelp={() => setHelp(true)}
      />
      {!muted && audio === 'locked' && <SoundPrompt />}
      <EndSignal muted={muted} />
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
    </main>
  )
}
