import { labelText } from '../../lib/label-text.js'
import { type Card, type HeldCard, type ModerationAction, cardTextSchema, collectDocName, columnTitleFor, compareCards, findTable, moderationDocName } from '@tischrunde/shared'
import { Fragment, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-wording.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { changeCard, useBoard } from '../../sync/hooks.js'
import { useHeldCards } from '../../sync/moderation-docs.js'
import { CardMarks, MergedTexts } from './CardMarks.js'
import type { SendCommand } from './send.js'
import './moderation.css'
import { SubPoints } from '../cards/CardWords.js'

/** Longest part of a card's text repeated in a button's label for screen readers. */

/**
 * One table's moderation, for the console and the table host's device: the approval queue, the
 * cards on the board (edit, pin, strike through, merge, hide), with `collected` (the facilitator,
 * who may read a collection) the cards collected for a reveal, each can be hidden before anyone
 * sees it, and the hidden cards, marked, each can be restored. `stationId` narrows it to one
 * station (the host's running station).
 */
export function TableModeration(props: { eventId: string; tableId: string; token: string; stationId?: string | undefined; send: SendCommand; collected?: boolean }) {
  const { eventId, tableId, token, stationId, send } = props
  const { t } = useTranslation()
  const docName = useBoard({ eventId, tableId, token, authorId: '', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const held = useHeldCards(moderationDocName(eventId, tableId), token)
  const collection = useHeldCards(props.collected ? collectDocName(eventId, tableId) : null, token)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)
  const [mergeFrom, setMergeFrom] = useState<Card | null>(null)
  const region = useRef<HTMLDivElement>(null)
  /** The control to focus once the next render shows it (Escape leads back to where merging or editing began). */
  const [focusNext, setFocusNext] = useState<string | null>(null)
  useEffect(() => {
    if (!focusNext) return
    region.current?.querySelector<HTMLElement>(focusNext)?.focus()
    setFocusNext(null)
  }, [focusNext])
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    const from = mergeFrom ?? (editing ? { id: editing.id } : null)
    if (!from) return
    event.preventDefault()
    setFocusNext(`[data-focus-item="${CSS.escape(from.id)}"] [data-action="${mergeFrom ? 'merge' : 'edit'}"]`)
    setMergeFrom(null)
    setEditing(null)
  }
  const inStation = (card: Card) => stationId === undefined || card.stationId === stationId
  const pending = held.filter((h) => h.status === 'pending' && inStation(h.card))
  const hidden = held.filter((h) => h.status === 'hidden' && inStation(h.card))
  const collected = collection.filter((h) => h.status === 'collected' && inStation(h.card))
  const visible = board.cards.filter(inStation).sort(compareCards)
  const event = useTischStore((s) => s.event)
  // The board's cards under their station and column, in the template's order (as the board shows
  // them): a merge is offered only into a card of the same column.
  const groups = (() => {
    const table = event ? findTable(event, tableId) : undefined
    const placed = (event?.template.stations ?? []).flatMap((station) =>
      station.columns.map((column) => ({ key: `${station.id}/${column.id}`, title: `${station.title} · ${columnTitleFor(table, station.id, column)}`, cards: visible.filter((c) => c.stationId === station.id && c.columnId === column.id) })),
    )
    const known = new Set(placed.map((g) => g.key))
    const rest = visible.filter((c) => !known.has(`${c.stationId}/${c.columnId}`))
    return [...placed, { key: 'rest', title: t('moderation.otherCards'), cards: rest }].filter((g) => g.cards.length > 0)
  })()

  const act = async (cardId: string, action: ModerationAction, intoCardId?: string) => {
    setBusy(cardId)
    const ack = await send('card:moderate', { tableId, cardId, action, ...(intoCardId ? { intoCardId } : {}) })
    setBusy(null)
    setFailed(!ack.ok)
  }
  const button = (card: Card, action: ModerationAction, label: string, onClick?: () => void) => (
    <button
      type="button"
      className={action === 'hide' || action === 'refuse' ? 'secondary danger' : 'secondary'}
      disabled={busy === card.id}
      data-action={label}
      aria-label={t(`moderation.${label}Label`, { text: labelText(card.text) })}
      onClick={onClick ?? (() => void act(card.id, action))}
    >
      {t(`moderation.${label}`)}
    </button>
  )
  // A collected card waits for the reveal: marked as such, not in the hidden cards' warning style.
  const item = (card: Card, actions: ReactNode, mark?: string, kind: 'hidden' | 'collected' = 'hidden') => (
    <li key={card.id} className={`moderation-item${mark ? ` is-${kind}` : ''}${card.struck ? ' card-struck' : ''}`} data-moderation-card={card.id} data-focus-item={card.id}>
      <div>
        <CardMarks card={card} />
        <p className="card-text">
          {/* The colon is for screen readers, which read the mark and the text as one word without it. */}
          {mark && <span className="moderation-mark">{mark}</span>}
          {mark && <span className="visually-hidden">: </span>}
          {card.text}
        </p>
        {/* What the moderator judges: the whole card, its sub-points too. */}
        <SubPoints card={card} />
        <MergedTexts card={card} />
      </div>
      <div className="button-row">{actions}</div>
    </li>
  )
  const saveEdit = () => {
    if (!editing || !docName) return
    const parsed = cardTextSchema.safeParse(editing.text)
    if (!parsed.success) return setFailed(true)
    changeCard(docName, editing.id, { text: parsed.data })
    setEditing(null)
  }
  const editor = (card: Card) => (
    <li key={card.id} className="moderation-item" data-moderation-card={card.id} data-focus-item={card.id}>
      <label className="visually-hidden" htmlFor={`moderate-edit-${card.id}`}>
        {t('moderation.editField')}
      </label>
      <textarea id={`moderate-edit-${card.id}`} value={editing!.text} rows={3} onChange={(e) => setEditing({ id: card.id, text: e.target.value })} />
      <div className="button-row">
        <button type="button" className="primary" onClick={saveEdit}>
          {t('moderation.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(null)}>
          {t('moderation.cancel')}
        </button>
      </div>
    </li>
  )
  const visibleActions = (card: Card) => {
    if (mergeFrom) {
      if (mergeFrom.id === card.id)
        return (
          <button type="button" className="secondary" onClick={() => setMergeFrom(null)}>
            {t('moderation.cancel')}
          </button>
        )
      if (mergeFrom.stationId !== card.stationId || mergeFrom.columnId !== card.columnId) return null
      return button(card, 'merge', 'mergeInto', () => {
        setMergeFrom(null)
        void act(mergeFrom.id, 'merge', card.id)
      })
    }
    return (
      <>
        {button(card, 'pin', 'edit', () => setEditing({ id: card.id, text: card.text }))}
        {card.pinned ? button(card, 'unpin', 'unpin') : button(card, 'pin', 'pin')}
        {card.struck ? button(card, 'unstrike', 'unstrike') : button(card, 'strike', 'strike')}
        {button(card, 'merge', 'merge', () => setMergeFrom(card))}
        {button(card, 'hide', 'hide')}
      </>
    )
  }

  return (
    // Escape (leave merging or editing) bubbles up from the region's controls; the region itself takes no focus.
    <div className="table-moderation" ref={region} onKeyDown={onKeyDown}>
      {failed && (
        <p className="field-error" role="alert">
          {t('moderation.failed')}
        </p>
      )}
      <h3 tabIndex={-1}>{t('moderation.queue')}</h3>
      {pending.length === 0 ? (
        <p className="muted">{t('moderation.queueEmpty')}</p>
      ) : (
        <ul className="moderation-list" aria-label={t('moderation.queue')}>
          {pending.map((h: HeldCard) =>
            item(
              h.card,
              <>
                {button(h.card, 'approve', 'approve')}
                {button(h.card, 'refuse', 'refuse')}
              </>,
            ),
          )}
        </ul>
      )}
      {/* What a collecting station holds comes first: it is what the facilitator checks before the reveal. */}
      {collected.length > 0 && (
        <>
          <h3 tabIndex={-1}>{t('moderation.collectedCards')}</h3>
          <p className="muted">{t('moderation.collectedCardsNote')}</p>
          <ul className="moderation-list" aria-label={t('moderation.collectedCards')}>
            {collected.map((h) => item(h.card, button(h.card, 'hide', 'hide'), t('moderation.collectedCardsMark'), 'collected'))}
          </ul>
        </>
      )}
      <h3 tabIndex={-1}>{t('moderation.visible')}</h3>
      {mergeFrom && (
        <p className="banner" role="status">
          {t('moderation.mergeHint', { text: labelText(mergeFrom.text) })}
        </p>
      )}
      {visible.length === 0 ? (
        <p className="muted">{t('moderation.visibleEmpty')}</p>
      ) : (
        // Each column's title is a label, not a heading: a card hidden as its column's last goes back to "Karten an der Pinnwand".
        groups.map((group, i) => (
          <Fragment key={group.key}>
            <p className="moderation-column" id={`moderation-column-${tableId}-${i}`}>
              {group.title}
            </p>
            <ul className="moderation-list" aria-labelledby={`moderation-column-${tableId}-${i}`}>
              {group.cards.map((card) => (editing?.id === card.id ? editor(card) : item(card, visibleActions(card))))}
            </ul>
          </Fragment>
        ))
      )}
      <h3 tabIndex={-1}>{t('moderation.hidden')}</h3>
      <p className="muted">{t('moderation.hiddenNote')}</p>
      {hidden.length === 0 ? (
        <p className="muted">{t('moderation.hiddenEmpty')}</p>
      ) : (
        <ul className="moderation-list" aria-label={t('moderation.hidden')}>
          {hidden.map((h) => item(h.card, button(h.card, 'restore', 'restore'), t('moderation.hiddenMark')))}
        </ul>
      )}
    </div>
  )
}
