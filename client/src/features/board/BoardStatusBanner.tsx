import { type BoardRefusal, refusalText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import type { BoardStatus } from '../../store/board-slice.js'
import { useShownOffline } from './use-online.js'

/** Tells the person at the screen when the board is not live. Nothing while all is well. */
export function BoardStatusBanner({ status, refused = null, refusedTexts = [] }: { status: BoardStatus; refused?: BoardRefusal | null; refusedTexts?: string[] }) {
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
      </p>
    )
  // A device without network is offline whatever the socket has noticed so far.
  const shown: BoardStatus = offline ? 'offline' : status
  if (shown === 'synced') return null
  const text = shown === 'offline' ? t('board.offline') : status === 'denied' ? t('board.denied') : t('board.connecting')
  return (
    <p className={`banner banner-${shown}`} role={status === 'denied' ? 'alert' : 'status'}>
      {text}
    </p>
  )
}
