import { type BoardRefusal, refusalText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import type { BoardStatus } from '../../store/board-slice.js'
import { useShownOffline } from './use-online.js'

/**
 * Tells the person at the screen when the board is not live. Nothing while all is well. `watching`:
 * a screen that writes nothing (the projector), told so without the phone's "your cards are kept".
 */
export function BoardStatusBanner({
  status,
  refused = null,
  refusedTexts = [],
  watching = false,
  onHide,
}: {
  status: BoardStatus
  refused?: BoardRefusal | null
  refusedTexts?: string[]
  watching?: boolean
  /** Hides a refusal once its texts are copied (it stays until then, whatever is sent after it). */
  onHide?: () => void
}) {
  const { t } = useTranslation()
  // A phone that reloads without network never sees a connection drop: it only keeps trying.
  const offline = useShownOffline(status)
  if (refused && status !== 'denied')
    return (
      <p className="banner banner-refused" role="alert">
        {refusalText(t, refused)}
        {refusedTexts.map((text, i) => (
          <q key={i} className="refused-text">
            {text}
          </q>
        ))}
        {onHide && (
          <button type="button" className="secondary refused-hide" onClick={onHide}>
            {t('board.refusedHide')}
          </button>
        )}
      </p>
    )
  // A device without network is offline whatever the socket has noticed so far.
  const shown: BoardStatus = offline ? 'offline' : status
  if (shown === 'synced') return null
  const text = shown === 'offline' ? t(watching ? 'board.offlineWatching' : 'board.offline') : status === 'denied' ? t('board.denied') : t('board.connecting')
  return (
    <p className={`banner banner-${shown}`} role={status === 'denied' ? 'alert' : 'status'}>
      {text}
    </p>
  )
}
