import { type Card, type HeldCard, moderationDocName } from '@tischrunde/shared'
import { useState } from 'react'
import { useTranslation } from '../../i18n/index.js'
import '../../i18n/moderation-wording.js'
import { useTischStore } from '../../store/index.js'
import { selectBoard } from '../../store/selectors.js'
import { useBoard } from '../../sync/hooks.js'
import { useHeldCards } from '../../sync/moderation-docs.js'
import type { SendCommand } from './send.js'
import './moderation.css'

/**
 * One table's moderation, for the console and the table host's device: the approval queue, the
 * cards on the board (each can be hidden), and the hidden cards, marked, each can be restored.
 * `stationId` narrows it to one station (the host's running station).
 */
export function TableModeration(props: { eventId: string; tableId: string; token: string; stationId?: string | undefined; send: SendCommand; headingLevel?: 2 | 3 }) {
  const { eventId, tableId, token, stationId, send } = props
  const { t } = useTranslation()
  const docName = useBoard({ eventId, tableId, token, authorId: '', keepLocal: false })
  const board = useTischStore(selectBoard(docName ?? ''))
  const held = useHeldCards(moderationDocName(eventId, tableId), token)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const inStation = (card: Card) => stationId === undefined || card.stationId === stationId
  const pending = held.filter((h) => h.status === 'pending' && inStation(h.card))
  const hidden = held.filter((h) => h.status === 'hidden' && inStation(h.card))
  const visible = board.cards.filter(inStation)
  const H = props.headingLevel === 2 ? 'h2' : 'h3'

  const act = async (cardId: string, action: 'hide' | 'restore' | 'approve' | 'refuse') => {
    setBusy(cardId)
    const ack = await send('card:moderate', { tableId, cardId, action })
    setBusy(null)
    setFailed(!ack.ok)
  }
  const item = (h: HeldCard | Card, actions: React.ReactNode, mark?: string) => {
    const card = 'card' in h ? h.card : h
    return (
      <li key={card.id} className={`moderation-item${mark ? ' is-hidden' : ''}`} data-moderation-card={card.id}>
        <p>
          {mark && <span className="moderation-mark">{mark}</span>}
          {card.text}
        </p>
        <div className="button-row">{actions}</div>
      </li>
    )
  }
  const button = (cardId: string, text: string, action: 'hide' | 'restore' | 'approve' | 'refuse', label: string, label2: string) => (
    <button type="button" className={action === 'hide' || action === 'refuse' ? 'secondary danger' : 'secondary'} disabled={busy === cardId} aria-label={t(label2, { text })} onClick={() => void act(cardId, action)}>
      {t(label)}
    </button>
  )

  return (
    <div className="table-moderation">
      {failed && (
        <p className="field-error" role="alert">
          {t('moderation.failed')}
        </p>
      )}
      <H>{t('moderation.queue')}</H>
      {pending.length === 0 ? (
        <p className="muted">{t('moderation.queueEmpty')}</p>
      ) : (
        <ul className="moderation-list" aria-label={t('moderation.queue')}>
          {pending.map((h) =>
            item(
              h,
              <>
                {button(h.id, h.card.text, 'approve', 'moderation.approve', 'moderation.approveLabel')}
                {button(h.id, h.card.text, 'refuse', 'moderation.refuse', 'moderation.refuseLabel')}
              </>,
            ),
          )}
        </ul>
      )}
      <H>{t('moderation.visible')}</H>
      {visible.length === 0 ? (
        <p className="muted">{t('moderation.visibleEmpty')}</p>
      ) : (
        <ul className="moderation-list" aria-label={t('moderation.visible')}>
          {visible.map((card) => item(card, button(card.id, card.text, 'hide', 'moderation.hide', 'moderation.hideLabel')))}
        </ul>
      )}
      <H>{t('moderation.hidden')}</H>
      <p className="muted">{t('moderation.hiddenNote')}</p>
      {hidden.length === 0 ? (
        <p className="muted">{t('moderation.hiddenEmpty')}</p>
      ) : (
        <ul className="moderation-list" aria-label={t('moderation.hidden')}>
          {hidden.map((h) => item(h, button(h.id, h.card.text, 'restore', 'moderation.restore', 'moderation.restoreLabel'), t('moderation.hiddenMark')))}
        </ul>
      )}
    </div>
  )
}
