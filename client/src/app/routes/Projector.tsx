import { lazy, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useParams } from 'wouter'
import '../../i18n/projector-wording.js'
import { useDocumentTitle } from '../use-document-title.js'
import { EndSignal } from '../../features/projector/EndSignal.js'
import { JoinScreen } from '../../features/projector/JoinCorner.js'
import { ProjectorToolbar } from '../../features/projector/ProjectorToolbar.js'
import { ReviewMode } from '../../features/projector/ReviewMode.js'
import { ShortcutsOverlay } from '../../features/projector/ShortcutsOverlay.js'
import { TableBoard } from '../../features/projector/TableBoard.js'
import { WallOfTables } from '../../features/projector/WallOfTables.js'
import type { ProjectorAction } from '../../features/projector/shortcuts.js'
import { useFullscreen } from '../../features/projector/use-fullscreen.js'
import { useMuted } from '../../features/projector/use-muted.js'
import { useProjectorKeys } from '../../features/projector/use-projector-keys.js'
import { useProjectorNav } from '../../features/projector/use-projector-nav.js'
import '../../features/projector/projector.css'

// The tree method's projector screen comes with its own chunk (d3-hierarchy with it).
const TreeProjector = lazy(() => import('../../features/tree/projector/TreeProjector.js'))
import { useTischStore } from '../../store/index.js'
import { selectEvent } from '../../store/selectors.js'
import { takeTokenFromUrl } from '../../sync/credentials.js'
import { useControl } from '../../sync/hooks.js'

/**
 * The projector: one table's board, the wall of all tables, the review walk-through or the join
 * screen, switched with keys 1–4 (see the `?` overlay). Read-only; follows the facilitator's rounds.
 */
export default function Projector() {
  const { t } = useTranslation()
  const eventId = useParams().eventId ?? ''
  const [token] = useState(() => takeTokenFromUrl(eventId, 'projector'))
  useControl(token)
  const event = useTischStore(selectEvent)
  useDocumentTitle(event?.title)
  const round = useTischStore((s) => s.round)
  const controlStatus = useTischStore((s) => s.controlStatus)

  if (!token || controlStatus === 'denied')
    return (
      <main className="page projector">
        <p className="field-error" role="alert">
          {t('errors.UNAUTHORIZED')}
        </p>
      </main>
    )
  if (!event || !round) return <p className="page loading projector">{t('common.loading')}</p>
  if (event.treeMethod && event.tables.length === 0) return <TreeProjector event={event} token={token} />
  return <ProjectorScreen eventId={eventId} token={token} />
}

/** The connected projector (event and round state have arrived). */
function ProjectorScreen({ eventId, token }: { eventId: string; token: string }) {
  const { t } = useTranslation()
  const event = useTischStore(selectEvent)!
  const round = useTischStore((s) => s.round)!
  const controlStatus = useTischStore((s) => s.controlStatus)
  const nav = useProjectorNav(event, round)
  const [muted, toggleMute] = useMuted()
  const [fullscreen, toggleFullscreen] = useFullscreen()
  const [help, setHelp] = useState(false)

  useProjectorKeys((action: ProjectorAction) => {
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

  return (
    <main className={`page projector projector-mode-${nav.mode}`}>
      {controlStatus === 'offline' && (
        <p className="banner banner-offline" role="status">
          {t('projectorModes.offline')}
        </p>
      )}
      <div className="projector-stage">{view}</div>
      <ProjectorToolbar
        mode={nav.mode}
        onMode={nav.goMode}
        muted={muted}
        onMute={toggleMute}
        fullscreen={fullscreen}
        onFullscreen={toggleFullscreen}
        onHelp={() => setHelp(true)}
      />
      <EndSignal muted={muted} />
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
    </main>
  )
}
