import { type BoardRefusal, refusalText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import type { BoardStatus } from '../../store/board-slice.js'

/** Tells the person at the screen when the board is not live. Nothing while all is well. */
export function BoardStatusBanner({ status, refused = null, refusedTexts = [] }: { status: BoardStatus; refused?: BoardRefusal | null; refusedTexts?: string[] }) {
  const { t } = useTranslation()
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
  if (status === 'synced') return null
  const text = status === 'offline' ? t('board.offline') : status === 'denied' ? t('board.denied') : t('board.connecting')
  return (
    <p className={`banner banner-${status}`} role={status === 'denied' ? 'alert' : 'status'}>
      {text}
    </p>
  )
}
