import type { Card } from '@tischrunde/shared'
import { useTranslation } from 'react-i18next'

/** One card with its sub-points. Text is always rendered as text, never as markup. */
export function CardItem({ card, unsaved, showStatus }: { card: Card; unsaved: boolean; showStatus: boolean }) {
  const { t } = useTranslation()
  return (
    <li className="card" data-card-id={card.id}>
      <p className="card-text">{card.text}</p>
      {card.subPoints.length > 0 && (
        <ul className="card-subpoints">
          {card.subPoints.map((p) => (
            <li key={p.id}>{p.text}</li>
          ))}
        </ul>
      )}
      {showStatus && (
        <span className={unsaved ? 'card-status card-status-pending' : 'card-status card-status-saved'} role="status">
          {unsaved ? t('board.sending') : t('board.saved')}
        </span>
      )}
    </li>
  )
}
