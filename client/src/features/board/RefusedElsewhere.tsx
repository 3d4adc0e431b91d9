import { boardDocName } from '@tischrunde/shared'
import { useEffect, useMemo } from 'react'
import { refusalText } from '../../i18n/error-text.js'
import { useTranslation } from '../../i18n/index.js'
import { dismissRefusal } from '../../sync/hooks.js'
import { readRefusal } from '../../sync/device-storage.js'
import type { BoardRefusal } from '../../i18n/error-text.js'
import type { BoardState } from '../../store/board-slice.js'
import { useTischStore } from '../../store/index.js'

/**
 * Cards the server did not take at a table the phone is no longer writing at (the station closed
 * while it was offline, and the day moved on): their texts to copy, until the person hides them.
 * The board being written at shows its own (BoardStatusBanner); `except` names it.
 */
export function RefusedElsewhere({ except = null }: { except?: string | null }) {
  const { t } = useTranslation()
  const boards = useTischStore((s) => s.boards)
  const event = useTischStore((s) => s.event)
  // Kept on the device for tables no board is open for (the page reloaded after the phone moved on):
  // their texts are shown here too, not only when the phone sits at that table again.
  useEffect(() => {
    if (!event) return
    const open = useTischStore.getState().boards
    const kept = event.tables.map((x) => boardDocName(event.id, x.id)).flatMap((docName) => {
      const refusal = open[docName] ? null : readRefusal(docName)
      const kept: BoardState = { cards: [], unsaved: [], status: 'connecting', refused: refusal?.reason as BoardRefusal, refusedTexts: refusal?.texts ?? [] }
      return refusal ? [[docName, kept] as const] : []
    })
    if (kept.length > 0) useTischStore.setState((s) => ({ boards: { ...Object.fromEntries(kept), ...s.boards } }))
  }, [event])
  const refusals = useMemo(
    () => Object.entries(boards).filter(([docName, board]) => docName !== except && board.refused && board.refusedTexts.length > 0 && board.status !== 'denied'),
    [boards, except],
  )
  if (refusals.length === 0) return null
  return (
    <>
      {refusals.map(([docName, board]) => {
        const table = event?.tables.find((x) => docName === boardDocName(event.id, x.id))
        return (
          <div key={docName} className="banner banner-refused" role="alert">
            {table && <strong className="refused-table">{t('board.refusedAtTable', { table: table.name })} </strong>}
            {refusalText(t, board.refused!)}
            {board.refusedTexts.map((text, i) => (
              <q key={i} className="refused-text">
                {text}
              </q>
            ))}
            <button type="button" className="secondary refused-hide" onClick={() => dismissRefusal(docName)}>
              {t('board.refusedHide')}
            </button>
          </div>
        )
      })}
    </>
  )
}
