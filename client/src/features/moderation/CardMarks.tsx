import type { Card } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'

/** A card's moderation marks as every screen shows them: pinned to the top, struck through (said to screen readers too). */
export function CardMarks({ card }: { card: Card }) {
  const { t } = useTranslation()
  if (!card.pinned && !card.struck) return null
  return (
    <p className="card-marks">
      {card.pinned && <span className="card-mark card-mark-pinned">{t('card.pinned')}</span>}
      {card.struck && <span className="card-mark card-mark-struck">{t('card.struck')}</span>}
    </p>
  )
}

/** The texts of duplicates merged into a card: kept and shown with it. */
export function MergedTexts({ card }: { card: Card }) {
  const { t } = useTranslation()
  if (!card.merged || card.merged.length === 0) return null
  return (
    <div className="card-merged">
      <p className="card-merged-title">{t('card.mergedFrom')}:</p>
      <ul>
        {card.merged.map((m) => (
          <li key={m.id}>{m.text}</li>
        ))}
      </ul>
    </div>
  )
}
