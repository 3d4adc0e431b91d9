import {
  type Card,
  type GroupChange,
  type GroupColumn,
  type TischEvent,
  boardDocName,
  groupColumn,
  groupColumnKey,
} from '@tischrunde/shared'
import { DndContext, type DragEndEvent, type DragStartEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import { useId, useMemo, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { useVoteStore } from '../../store/vote-store.js'
import { useShrinkToFit } from '../projector/use-shrink-to-fit.js'
import { OpenBoards } from './OpenBoards.js'
import { TableColumnPick } from './TableColumnPick.js'
import { columnChoices, startColumn } from './start-column.js'
import { DragHandle, DropSpot, type Send, newGroupId, whereDropped } from './group-dnd.js'
import { jumpBetweenSpots } from './jump-between-spots.js'
import './harvest.css'
import './group-projector.css'
import { CardWords } from '../cards/CardWords.js'

/** Drop spots: `group:<id>` (a group's tile, for cards and groups), `loose` (out of every group). */
const GROUP_DRAG = 'grp:'

/**
 * The groups of one column of one table on the projector (`?mode=gruppen`), in type readable from
 * the back of the hall. With `send` (the facilitator's own screen, see facilitator-screen.ts) the
 * facilitator drags cards into groups and groups into their order, collapses them and starts new
 * ones — with the mouse or the keyboard (space, arrows, space), a screen reader told each step.
 * Without it (a projector's own credential) the same view shows no handles; the server would refuse
 * its writes anyway.
 */
export default function GroupProjector({ event, token, send }: { event: TischEvent; token: string; send: Send | null }) {
  const { t } = useTranslation()
  const id = useId()
  const params = new URLSearchParams(window.location.search)
  const [tableId, setTableId] = useState(() => event.tables.find((x) => x.id === params.get('tisch'))?.id ?? event.tables[0]?.id ?? '')
  const columns = columnChoices(event)
  const board = useTischStore((s) => s.boards[boardDocName(event.id, tableId)])
  const round = useTischStore((s) => s.round)
  const [picked, setColumnChoice] = useState<string | null>(() => columns.find((c) => c.value === params.get('spalte'))?.value ?? null)
  const columnChoice = picked ?? startColumn(event, round, board?.cards ?? [])
  const [stationId = '', columnId = ''] = columnChoice.split('/')
  const column: GroupColumn = { tableId, stationId, columnId }
  const stored = useVoteStore((s) => s.groups.get(groupColumnKey(column)))
  const cards = useMemo(() => (board?.cards ?? []).filter((c) => c.stationId === stationId && c.columnId === columnId), [board, stationId, columnId])
  const laid = groupColumn(cards, stored?.groups ?? [])
  const [error, setError] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [keyboardDrag, setKeyboardDrag] = useState(false)
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenSpots }))
  const tableName = event.tables.find((x) => x.id === tableId)?.name ?? ''
  // A projector cannot scroll: its own view shrinks the type (to 60 %) before cards run off the screen.
  // The facilitator's own screen scrolls and keeps full size for dragging.
  const shown = `${tableId}|${columnChoice}|${laid.groups.map((g) => `${g.group.id}:${g.cards.length}:${g.group.collapsed ? 1 : 0}`).join()}|${laid.loose.length}`
  const { box, scale } = useShrinkToFit<HTMLElement>(shown, send ? 1 : 0.6)
  const columnName = columns.find((c) => c.value === columnChoice)?.label ?? ''

  const change = async (c: GroupChange) => {
    if (!send) return false
    const ack = await send('groups:edit', { column, change: c })
    setError(ack.ok ? null : errorText(t, ack))
    return ack.ok
  }
  const textOf = (cardId: string) => cards.find((c) => c.id === cardId)?.text ?? ''
  const groupOf = (cardId: string) => laid.groups.find((g) => g.group.cardIds.includes(cardId))?.group.id ?? null
  const titleOf = (groupId: string) => laid.groups.find((g) => g.group.id === groupId)?.group.title ?? ''
  const nameOf = (activeId: string | number) => {
    const dragged = String(activeId)
    return dragged.startsWith(GROUP_DRAG) ? t('harvest.board.groupNamed', { title: titleOf(dragged.slice(GROUP_DRAG.length)) }) : t('common.quoted', { text: textOf(dragged) })
  }
  const dropped = async ({ active, over }: DragEndEvent) => {
    if (!over) return
    const dragged = String(active.id)
    const [kind, target = ''] = String(over.id).split(':')
    if (dragged.startsWith(GROUP_DRAG)) {
      // A group dropped on another takes its place: moved one step at a time, as the server moves groups.
      const order = laid.groups.map((g) => g.group.id)
      const from = order.indexOf(dragged.slice(GROUP_DRAG.length))
      if (kind !== 'group') return
      const to = order.indexOf(target)
      const by = to > from ? 1 : -1
      // Each step names the place it starts from: a step sent again (its answer lost) moves nothing.
      for (let i = 0; from >= 0 && to >= 0 && i < Math.abs(to - from); i++) if (!(await change({ type: 'move', groupId: order[from]!, by, from: from + 1 + i * by }))) break
      return
    }
    if (kind === 'group' && groupOf(dragged) !== target) await change({ type: 'assign', cardId: dragged, groupId: target })
    else if (kind === 'loose' && groupOf(dragged) !== null) await change({ type: 'assign', cardId: dragged, groupId: null })
  }
  const targetWords = (overId: string | number | undefined) => {
    if (overId === undefined) return t('harvest.groups.dropNowhere')
    const [kind, target = ''] = String(overId).split(':')
    return kind === 'loose' ? t('harvest.groups.dropLoose') : t('harvest.groups.dropGroup', { title: titleOf(target) })
  }
  type Moved = { active: { id: string | number }; over: { id: string | number } | null }
  const accessibility = {
    screenReaderInstructions: { draggable: t('harvest.board.dragHelp') },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t('harvest.board.dragStart', { what: nameOf(active.id) }),
      onDragOver: ({ active, over }: Moved) => t('harvest.board.dragOver', { what: nameOf(active.id), target: targetWords(over?.id) }),
      onDragEnd: ({ active, over }: Moved) => t('harvest.board.dragEnd', { what: nameOf(active.id), target: targetWords(over?.id) }),
      onDragCancel: ({ active }: { active: { id: string | number } }) => t('harvest.board.dragCancel', { what: nameOf(active.id) }),
    },
  }
  const cardItem = (card: Card) => (
    <li key={card.id} className="gboard-card" data-card-id={card.id}>
      {send && <DragHandle id={card.id} label={t('harvest.groups.drag', { text: card.text })} />}
      <CardWords card={card} />
    </li>
  )

  return (
    <section ref={send ? undefined : box} className={`projector-view gboard${send ? '' : ' gboard-fit'}`} style={{ '--fit': send ? 1 : scale } as React.CSSProperties} aria-labelledby={`${id}-title`}>
      <OpenBoards eventId={event.id} tableIds={tableId ? [tableId] : []} token={token} />
      <header className="projector-header">
        <div className="projector-heading">
          <p className="eyebrow">
            {event.title} · {t('harvest.groups.title')}
          </p>
          <h1 id={`${id}-title`}>
            {tableName} · {columnName}
          </h1>
          {send && <p className="gboard-own-screen">{t('harvest.board.ownScreen')}</p>}
        </div>
        <div className="gboard-pick">
          <TableColumnPick tables={event.tables} tableId={tableId} setTableId={setTableId} columns={columns} column={columnChoice} setColumn={setColumnChoice} />
          {send && (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (title.trim()) void change({ type: 'create', id: newGroupId(), title: title.trim(), cardIds: [] }).then((done) => done && setTitle(''))
              }}
            >
              <label>
                {t('harvest.groups.newTitle')}
                <input value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <button type="submit" className="secondary">
                {t('harvest.groups.create')}
              </button>
            </form>
          )}
        </div>
      </header>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {cards.length === 0 && <p className="gboard-empty">{t('harvest.groups.noCards')}</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={whereDropped(keyboardDrag)}
        onDragStart={(e: DragStartEvent) => setKeyboardDrag(e.activatorEvent instanceof KeyboardEvent)}
        accessibility={accessibility}
        onDragEnd={(e) => void dropped(e)}
      >
        <ol className="gboard-groups" aria-label={t('harvest.ranking.clusters')}>
          {laid.groups.map(({ group, number, cards: members }, i) => (
            <li key={group.id} className="gboard-group" data-group-id={group.id}>
              <DropSpot id={`group:${group.id}`} className="gboard-group-drop">
                <h2 className="gboard-group-head">
                  {send && <DragHandle id={`${GROUP_DRAG}${group.id}`} label={t('harvest.board.dragGroup', { title: group.title })} />}
                  {send ? (
                    <button type="button" className="secondary gboard-collapse" aria-expanded={!group.collapsed} onClick={() => void change({ type: 'collapse', groupId: group.id, collapsed: !group.collapsed })}>
                      {group.collapsed ? '▸' : '▾'} <span className="visually-hidden">{group.collapsed ? t('harvest.groups.expand') : t('harvest.groups.collapse')}</span>
                    </button>
                  ) : (
                    <span aria-hidden="true">{group.collapsed ? '▸' : '▾'}</span>
                  )}
                  <span className="gboard-group-title">
                    {number}. {group.title}
                  </span>
                  <span className="gboard-count">{t('harvest.groups.cards', { count: members.length })}</span>
                  {send && (
                    <span className="gboard-move">
                      <button type="button" className="secondary" disabled={i === 0} onClick={() => void change({ type: 'move', groupId: group.id, by: -1, from: i + 1 })} aria-label={t('harvest.groups.up', { title: group.title })}>
                        ←
                      </button>
                      <button type="button" className="secondary" disabled={i === laid.groups.length - 1} onClick={() => void change({ type: 'move', groupId: group.id, by: 1, from: i + 1 })} aria-label={t('harvest.groups.down', { title: group.title })}>
                        →
                      </button>
                    </span>
                  )}
                </h2>
                {!group.collapsed && members.length > 0 && <ul className="gboard-cards">{members.map(cardItem)}</ul>}
              </DropSpot>
            </li>
          ))}
        </ol>
        {cards.length > 0 && (
          <DropSpot id="loose" className="gboard-loose">
            <h2>{t('harvest.groups.loose')}</h2>
            <ul className="gboard-cards">{laid.loose.map(cardItem)}</ul>
          </DropSpot>
        )}
      </DndContext>
    </section>
  )
}
