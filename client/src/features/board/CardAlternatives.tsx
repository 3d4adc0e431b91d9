import type { Card, CardAlternative } from '@tischrunde/shared'
import { useTranslation } from '../../i18n/index.js'

/** Resolves versions of a card kept after a concurrent edit: take one, or let it go. */
export type ResolveAlternative = (cardId: string, change: { text?: string; subPoints?: Card['subPoints']; alternatives: CardAlternative[] }) => void

/**
 * Versions of a card that two people wrote at the same time (a host's correction while its author
 * edited offline): shown under the card, never dropped silently, until someone who may edit the
 * card takes one or lets it go.
 */
export function CardAlternatives({ card, resolve }: { card: Card; resolve?: ResolveAlternative | undefined }) {
  const { t } = useTranslation()
  const alternatives = card.alternatives ?? []
  if (alternatives.length === 0) return null
  const without = (i: number) => alternatives.filter((_, j) => j !== i)
  return (
    <div className="card-alternatives" role="group" aria-label={t('card.alternatives')}>
      {alternatives.map((alt, i) => (
        <div key={i} className="card-alternative">
          <p>
            <span className="eyebrow">{t('card.alternative')}</span> {alt.text}
          </p>
          {resolve && (
            <div className="button-row">
              <button type="button" className="secondary" onClick={() => resolve(card.id, { text: alt.text, subPoints: alt.subPoints, alternatives: without(i) })}>
                {t('card.takeAlternative')}
              </button>
              <button type="button" className="link-button" onClick={() => resolve(card.id, { alternatives: without(i) })}>
                {t('card.dropAlternative')}
              </button>
            </div>
          )}
        </div>
      ))}
    </div>
  )
}
