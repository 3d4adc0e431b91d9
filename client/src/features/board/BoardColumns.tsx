import { type TischEvent, collectingAt, namesShown } from '@tischrunde/shared'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { useModerationGate } from '../../sync/moderation-gate.js'
import { selectBoard, stationColumns } from '../../store/selectors.js'
import { CardItem, type OwnCardActions } from './CardItem.js'

/** How long "Karte gelöscht." stays in the status line, in ms. */
const SAID_MS = 5000

/**
 * One station's columns with their cards, as phones show them (the projector has its own
 * ProjectorBoard that fits one screen). The writer's own cards show whether they are stored;
 * a table host (`editsAll`) may correct every card of the open station. A station that is over
 * (`over`: the review, an earlier group's tablecloth) says its empty columns stayed empty.
 */
export function BoardColumns(props: { event: TischEvent; docName: string; stationId: string; ownAuthorId?: string; live?: boolean; ownActions?: OwnCardActions | undefined; editsAll?: boolean; over?: boolean }) {
  const mayChange = (authorId: string) => props.editsAll === true || (props.ownAuthorId !== undefined && authorId === props.ownAuthorId)
  const { t } = useTranslation()
  const board = useTischStore(selectBoard(props.docName))
  // While the station collects, an empty column waits for the reveal (the cards are written, not shown).
  const collected = useModerationGate((s) => collectingAt(s.modes, props.stationId))
  const columns = useMemo(() => stationColumns(board, props.event, props.stationId), [board, props.event, props.stationId])
  const unsaved = useMemo(() => new Set(board.unsaved), [board.unsaved])
  const [said, setSaid] = useState('')
  useEffect(() => {
    if (!said) return
    const id = window.setTimeout(() => setSaid(''), SAID_MS)
    return () => window.clearTimeout(id)
  }, [said])
  const own = props.ownActions
  // A deleted card leaves the list (the focus goes to its neighbour): the deletion is said.
  const ownActions = useMemo(() => own && { ...own, remove: (id: string) => (own.remove(id), setSaid(t('card.deleted'))) }, [own, t])
  return (
    <div className="board-columns" style={{ gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(0, 1fr))` }}>
      {own && (
        <p className="visually-hidden" role="status">
          {said}
        </p>
      )}
      {columns.map((column) => (
        <section key={column.id} className="board-column" aria-labelledby={`col-${column.id}`}>
          <h3 id={`col-${column.id}`} className="column-title">
            {column.title} <span className="column-count">{t('board.cards', { count: column.cards.length })}</span>
          </h3>
          {column.cards.length === 0 ? (
            <p className="board-empty">{t(props.over ? 'board.emptyOver' : collected ? 'board.emptyCollecting' : 'board.empty')}</p>
          ) : (
            <ul className="card-list" aria-live={props.live ? 'polite' : undefined} aria-label={column.title}>
              {column.cards.map((card) => (
                <CardItem
                  key={card.id}
                  card={card}
                  unsaved={unsaved.has(card.id)}
                  showStatus={props.ownAuthorId !== undefined && card.authorId === props.ownAuthorId}
                  actions={mayChange(card.authorId) ? ownActions : undefined}
                  showName={namesShown(props.event)}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  )
}
