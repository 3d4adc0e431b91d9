import { useMemo } from 'react'
import { type Station, type TischEvent, WORKSHOP_STATION_ID, type Workshop, workshopBoardDocName } from '@tischrunde/shared'
import '../../i18n/programme-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { changeCard, dismissRefusal, removeCard, useBoard } from '../../sync/hooks.js'
import { BoardColumns } from '../board/BoardColumns.js'
import { BoardStatusBanner } from '../board/BoardStatusBanner.js'
import { AddCardForm } from '../cards/AddCardForm.js'

/** The author id of cards a facilitator writes on a workshop board (a console has no participant id). */
export const FACILITATOR_AUTHOR = 'facilitator'

/**
 * A workshop's own board for its results: the café's cards (add, edit one's own, stored on the
 * device while offline) in two columns, results and open questions. Participants who booked the
 * workshop write; facilitators (`moderate`) write and correct or remove every card.
 */
export function WorkshopBoard({ event, workshop, token, authorId, moderate, authorName }: { event: TischEvent; workshop: Workshop; token: string; authorId: string; moderate: boolean; authorName?: string | undefined }) {
  const { t } = useTranslation()
  const docName = workshopBoardDocName(event.id, workshop.id)
  useBoard({ eventId: event.id, tableId: workshop.id, docName, token, authorId, keepLocal: !moderate })
  const board = useTischStore(selectBoard(docName))
  const station: Station = useMemo(
    () => ({
      id: WORKSHOP_STATION_ID,
      title: t('programme.board.title'),
      prompt: '',
      columns: [
        { id: 'ergebnisse', title: t('programme.board.results') },
        { id: 'offene-fragen', title: t('programme.board.questions') },
      ],
    }),
    [t],
  )
  // The board's layout as the café components read it: one station with the workshop's columns.
  const layout: TischEvent = useMemo(() => ({ ...event, template: { method: 'world-cafe', stations: [station] } }), [event, station])
  return (
    <section className="workshop-board" aria-labelledby={`workshop-board-${workshop.id}`} data-testid="workshop-board">
      <h2 id={`workshop-board-${workshop.id}`}>{t('programme.board.heading', { number: workshop.number, title: workshop.title })}</h2>
      <BoardStatusBanner status={board.status} refused={board.refused} refusedTexts={board.refusedTexts} onHide={() => dismissRefusal(docName)} />
      {board.status === 'denied' ? (
        <p role="alert">{t('programme.board.denied')}</p>
      ) : (
        <>
          <p className="muted">{moderate ? t('programme.board.moderateHint') : t('programme.board.hint')}</p>
          <AddCardForm docName={docName} station={station} authorName={authorName} />
          <BoardColumns
            event={layout}
            docName={docName}
            stationId={WORKSHOP_STATION_ID}
            ownAuthorId={authorId}
            editsAll={moderate}
            ownActions={{ edit: (id, text) => changeCard(docName, id, { text }), remove: (id) => removeCard(docName, id), resolve: (id, change) => changeCard(docName, id, change) }}
          />
        </>
      )}
    </section>
  )
}
