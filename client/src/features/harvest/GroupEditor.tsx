import { ActingSelect } from '../../app/ActingSelect.js'
import {
  type Card,
  type GroupChange,
  type GroupColumn,
  type TischEvent,
  boardDocName,
  groupColumn,
  groupColumnKey,
  suggestClusters,
} from '@tischrunde/shared'
import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { errorText } from '../../i18n/error-text.js'
import '../../i18n/harvest-wording.js'
import { useTranslation } from '../../i18n/index.js'
import { useTischStore } from '../../store/index.js'
import { useVoteStore } from '../../store/vote-store.js'
import { OpenBoards } from './OpenBoards.js'
import { TableColumnPick } from './TableColumnPick.js'
import { columnChoices, startColumn } from './start-column.js'
import { DragHandle, DropSpot, type Send, newGroupId, whereDropped } from './group-dnd.js'
import { jumpBetweenSpots } from './jump-between-spots.js'
import { GROUPS_MODE, openFacilitatorScreen } from './facilitator-screen.js'
import { withQuery } from '../../sync/links.js'
import './harvest.css'
import { CardWords } from '../cards/CardWords.js'

/**
 * Groups a column's cards under headings: create a group (or take a suggestion), move each card
 * "zu Gruppe …", rename, collapse, move and dissolve groups. The console uses it for any table, a
 * table host's phone for their own. Groups are numbered in their order; exports print them as units.
 */
export function GroupEditor({ event, token, send, tableId: fixedTable, projectorLink }: { event: TischEvent; token: string; send: Send; tableId?: string; projectorLink?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [tableId, setTableId] = useState(fixedTable ?? event.tables[0]?.id ?? '')
  const columns = columnChoices(event)
  const board = useTischStore((s) => s.boards[boardDocName(event.id, tableId)])
  const round = useTischStore((s) => s.round)
  const [picked, setColumnChoice] = useState<string | null>(null)
  const columnChoice = picked ?? startColumn(event, round, board?.cards ?? [])
  const [stationId = '', columnId = ''] = columnChoice.split('/')
  const column: GroupColumn = { tableId, stationId, columnId }
  const stored = useVoteStore((s) => s.groups.get(groupColumnKey(column)))
  const cards = useMemo(() => (board?.cards ?? []).filter((c) => c.stationId === stationId && c.columnId === columnId), [board, stationId, columnId])
  const laid = groupColumn(cards, stored?.groups ?? [])
  const suggestions = useMemo(() => suggestClusters(laid.loose.map((c) => ({ id: c.id, text: c.text }))), [laid.loose])
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)

  const change = async (c: GroupChange) => {
    const ack = await send('groups:edit', { column, change: c })
    setError(ack.ok ? null : errorText(t, ack))
    return ack.ok
  }
  const textOf = (cardId: string) => cards.find((c) => c.id === cardId)?.text ?? ''
  const [keyboardDrag, setKeyboardDrag] = useState(false)
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenSpots }))
  const groupOf = (cardId: string) => laid.groups.find((g) => g.group.cardIds.includes(cardId))?.group.id ?? null
  // A card given a group with its select, or dropped by keyboard into another group, is made anew in
  // that group's list: the focus follows it there (its select or handle) instead of falling to the
  // page. Only if the focus is still there: on a slow network the keyboard may have gone on to the
  // next card, and stays with it.
  const following = useRef<{ cardId: string; from: Element | null } | null>(null)
  const follow = (cardId: string) => (following.current = { cardId, from: document.activeElement })
  useEffect(() => {
    const f = following.current
    if (!f?.from || f.from === document.body) return void (following.current = null)
    const now = document.activeElement
    if (now && now !== document.body && now !== f.from && now.isConnected) return void (following.current = null)
    if (f.from.isConnected) return
    following.current = null
    const control = f.from instanceof HTMLSelectElement ? 'select' : '.drag-handle'
    document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(f.cardId)}"] ${control}`)?.focus()
  })
  /** A card dropped on a group joins it; on "Ohne Gruppe" leaves its group; on a card goes before it (and into its group). */
  const dropped = async ({ active, over }: DragEndEvent) => {
    if (!over) return
    const cardId = String(active.id)
    follow(cardId)
    const [kind, target = ''] = String(over.id).split(':')
    if (kind === 'group' && groupOf(cardId) !== target) await change({ type: 'assign', cardId, groupId: target })
    else if (kind === 'loose' && groupOf(cardId) !== null) await change({ type: 'assign', cardId, groupId: null })
    else if (kind === 'before' && target !== cardId) {
      if (groupOf(target) !== groupOf(cardId)) await change({ type: 'assign', cardId, groupId: groupOf(target) })
      const ack = await send('cards:move', { column, cardId, beforeCardId: target })
      if (!ack.ok) setError(errorText(t, ack))
    }
  }
  /** What a screen reader hears while a card is dragged with the keyboard, in the reader's language. */
  const targetWords = (overId: string | number | undefined) => {
    if (overId === undefined) return t('harvest.groups.dropNowhere')
    const [kind, target = ''] = String(overId).split(':')
    if (kind === 'loose') return t('harvest.groups.dropLoose')
    if (kind === 'before') return t('harvest.groups.dropBefore', { text: textOf(target) })
    return t('harvest.groups.dropGroup', { title: laid.groups.find((g) => g.group.id === target)?.group.title ?? '' })
  }
  const accessibility = {
    screenReaderInstructions: { draggable: t('harvest.groups.dragHelp') },
    announcements: {
      onDragStart: ({ active }: { active: { id: string | number } }) => t('harvest.groups.dragStart', { text: textOf(String(active.id)) }),
      onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) => t('harvest.groups.dragOver', { text: textOf(String(active.id)), target: targetWords(over?.id) }),
      onDragEnd: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) => t('harvest.groups.dragEnd', { text: textOf(String(active.id)), target: targetWords(over?.id) }),
      onDragCancel: ({ active }: { active: { id: string | number } }) => t('harvest.groups.dragCancel', { text: textOf(String(active.id)) }),
    },
  }
  const cardRow = (card: Card, current: string | null) => (
    <DropSpot key={card.id} id={`before:${card.id}`} as="li" data-card-id={card.id}>
      <DragHandle id={card.id} label={t('harvest.groups.drag', { text: card.text })} />
      <CardWords card={card} /> {assignSelect(card.id, current, card.text)}
    </DropSpot>
  )
  const assignSelect = (cardId: string, current: string | null, text: string) => (
    <ActingSelect aria-label={t('harvest.groups.assignFor', { text })} value={current ?? ''} onAct={(groupId) => {
        follow(cardId)
        void change({ type: 'assign', cardId, groupId: groupId || null })
      }}
    >
      <option value="">{t('harvest.groups.noGroup')}</option>
      {laid.groups.map((g) => (
        <option key={g.group.id} value={g.group.id}>
          {t('harvest.groups.toGroup', { title: `${g.number}. ${g.group.title}` })}
        </option>
      ))}
    </ActingSelect>
  )

  return (
    <section className="group-editor" aria-labelledby={`${id}-title`}>
      <OpenBoards eventId={event.id} tableIds={tableId ? [tableId] : []} token={token} />
      <h3 id={`${id}-title`}>{t('harvest.groups.title')}</h3>
      <div className="group-editor-pick">
        <TableColumnPick tables={fixedTable ? null : event.tables} tableId={tableId} setTableId={setTableId} columns={columns} column={columnChoice} setColumn={setColumnChoice} />
      </div>
      {!fixedTable && tableId && (
        <p className="group-editor-screen">
          <button type="button" className="secondary" onClick={() => void (openFacilitatorScreen(event.id, token, { tableId, column: columnChoice }) ?? setError(t('harvest.board.blocked')))}>
            {t('harvest.board.open')}
          </button>{' '}
          <span className="muted">{t('harvest.board.openHint')}</span>
          {projectorLink && (
            <>
              {' '}
              <a className="button secondary" href={withQuery(withQuery(withQuery(projectorLink, 'mode', GROUPS_MODE), 'tisch', tableId), 'spalte', columnChoice)} target="_blank" rel="noreferrer">
                {t('harvest.board.show')}
              </a>
            </>
          )}
        </p>
      )}
      <form
        className="group-editor-new"
        onSubmit={(e) => {
          e.preventDefault()
          if (!title.trim()) return
          void change({ type: 'create', id: newGroupId(), title: title.trim(), cardIds: [] }).then((done) => done && setTitle(''))
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
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {cards.length === 0 && <p className="muted">{t('harvest.groups.noCards')}</p>}
      <DndContext sensors={sensors} collisionDetection={whereDropped(keyboardDrag)} onDragStart={(e) => setKeyboardDrag(e.activatorEvent instanceof KeyboardEvent)} accessibility={accessibility} onDragEnd={(e) => void dropped(e)}>
      <ol className="group-list">
        {laid.groups.map(({ group, number, cards: members }, i) => (
          <li key={group.id} className="group-unit" data-group-id={group.id} data-focus-item={group.id}>
            <DropSpot id={`group:${group.id}`} className="group-head">
              <button type="button" className="secondary" aria-expanded={!group.collapsed} onClick={() => void change({ type: 'collapse', groupId: group.id, collapsed: !group.collapsed })}>
                <span aria-hidden="true">{group.collapsed ? '▸' : '▾'}</span> <span className="visually-hidden">{t(group.collapsed ? 'harvest.groups.expandOf' : 'harvest.groups.collapseOf', { title: group.title })}</span>
              </button>
              <strong>
                {number}. {group.title}
              </strong>{' '}
              <span className="muted">({t('harvest.groups.cards', { count: members.length })})</span>
              <span className="group-actions">
                <button type="button" className="secondary" disabled={i === 0} onClick={() => void change({ type: 'move', groupId: group.id, by: -1, from: i + 1 })} aria-label={t('harvest.groups.up', { title: group.title })}>
                  ↑
                </button>
                <button type="button" className="secondary" disabled={i === laid.groups.length - 1} onClick={() => void change({ type: 'move', groupId: group.id, by: 1, from: i + 1 })} aria-label={t('harvest.groups.down', { title: group.title })}>
                  ↓
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('harvest.groups.renameOf', { title: group.title })}
                  onClick={() => {
                    const next = window.prompt(t('harvest.groups.rename'), group.title)?.trim()
                    if (next) void change({ type: 'rename', groupId: group.id, title: next })
                  }}
                >
                  {t('harvest.groups.rename')}
                </button>
                <button type="button" className="secondary" aria-label={t('harvest.groups.dissolveOf', { title: group.title })} onClick={() => void change({ type: 'dissolve', groupId: group.id })}>
                  {t('harvest.groups.dissolve')}
                </button>
              </span>
            </DropSpot>
            {!group.collapsed && <ul className="group-cards">{members.map((card) => cardRow(card, group.id))}</ul>}
          </li>
        ))}
      </ol>
      {cards.length > 0 && (
        <DropSpot id="loose" className="group-loose">
          <h4>{t('harvest.groups.loose')}</h4>
          <ul className="group-cards">{laid.loose.map((card) => cardRow(card, null))}</ul>
        </DropSpot>
      )}
      </DndContext>
      {suggestions.length > 0 && (
        <details className="vote-suggestions">
          <summary>{t('harvest.console.suggestions')}</summary>
          <p className="muted">{t('harvest.console.suggestionsHint')}</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s.ids.join('/')}>
                <strong>{t('harvest.console.cluster', { heading: s.heading })}</strong>: {s.ids.map((x) => t('common.quoted', { text: textOf(x) })).join(' · ')}{' '}
                <button type="button" className="secondary" onClick={() => void change({ type: 'create', id: newGroupId(), title: s.heading || t('harvest.groups.untitled'), cardIds: s.ids })}>
                  {t('harvest.groups.accept')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
