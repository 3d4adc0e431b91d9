import { useTranslation } from '../../i18n/index.js'
import { Icon } from './Icon.js'
import { PROJECTOR_MODES, type ProjectorMode } from './projector-mode.js'

/** A quiet strip at the foot of the screen: the views, sound, full screen and the shortcut list, all clickable too. */
export function ProjectorToolbar(props: {
  /** The view shown; null on a screen outside the four (the actor map), whose bar leads to them. */
  mode: ProjectorMode | null
  onMode: (mode: ProjectorMode) => void
  /** Sound and the shortcut list, on the screens that have them. */
  muted?: boolean
  /** Whether the browser lets the page play sound yet; 'on' is claimed only when it does. */
  audio?: 'on' | 'locked' | 'none'
  onMute?: () => void
  fullscreen: boolean
  onFullscreen: () => void
  onHelp?: () => void
  /** A quiet line beside the views (what the screen offers to a click). */
  note?: string
  /** On a day of trees, its one way back (key 1) instead of the café's four views. */
  backToTrees?: { label: string; show: () => void }
  /** The ranking the console put on the projector: whether it shows, and the way back to it. */
  vote?: { on: boolean; show: () => void }
}) {
  const { t } = useTranslation()
  return (
    <footer className="projector-toolbar">
      <nav aria-label={t('projectorModes.views')}>
        <ul>
          {props.backToTrees && (
            <li>
              <button type="button" className="toolbar-button" onClick={props.backToTrees.show}>
                <kbd>1</kbd> {props.backToTrees.label}
              </button>
            </li>
          )}
          {!props.backToTrees && PROJECTOR_MODES.map((mode, i) => (
            <li key={mode}>
              <button type="button" className="toolbar-button" aria-current={props.mode === mode ? 'page' : undefined} onClick={() => props.onMode(mode)}>
                <kbd>{i + 1}</kbd> {t(`projectorModes.modes.${mode}`)}
              </button>
            </li>
          ))}
          {props.vote && (
            <li>
              <button type="button" className="toolbar-button" aria-current={props.vote.on ? 'page' : undefined} onClick={props.vote.show}>
                {t('projectorModes.voteView')}
              </button>
            </li>
          )}
        </ul>
      </nav>
      {props.note && <p className="toolbar-note">{props.note}</p>}
      <div className="toolbar-actions">
        {props.onMute && (
          <button type="button" className={props.muted || props.audio === 'locked' ? 'toolbar-button toolbar-muted' : 'toolbar-button'} aria-pressed={props.muted} onClick={props.onMute}>
            <Icon name={props.muted || props.audio === 'locked' ? 'muted' : 'sound'} />{' '}
            {props.muted ? t('projectorModes.soundOff') : props.audio === 'locked' ? t('projectorModes.soundLocked') : t('projectorModes.soundOn')}
          </button>
        )}
        <button type="button" className="toolbar-button" onClick={props.onFullscreen}>
          {props.fullscreen ? t('projectorModes.exitFullscreen') : t('projectorModes.fullscreen')}
        </button>
        {props.onHelp && (
          <button type="button" className="toolbar-button" onClick={props.onHelp} aria-haspopup="dialog">
            <kbd>?</kbd> {t('projectorModes.shortcuts')}
          </button>
        )}
      </div>
    </footer>
  )
}
