import type { Card } from '@tischrunde/shared'

/**
 * A card's words as the board shows them: its text, and its sub-points as a list under it. Many
 * cards are a heading with their content in sub-points ("Dr. Renfeld:" with what she said): a
 * vote, a group or a ranking that showed the heading alone asked people to judge an empty card.
 * A block (its list may not stand in a span): its places hold blocks.
 */
export function CardWords({ card, className }: { card: Pick<Card, 'text' | 'subPoints'>; className?: string }) {
  return (
    <div className={['card-words', className].filter(Boolean).join(' ')}>
      <span className="card-words-text">{card.text}</span>
      <SubPoints card={card} />
    </div>
  )
}

/** A card's sub-points as a list under its text (nothing without any): where a card is judged, its content. */
export function SubPoints({ card }: { card: Pick<Card, 'subPoints'> }) {
  if (card.subPoints.length === 0) return null
  return (
    <ul className="card-subpoints">
      {card.subPoints.map((p) => (
        <li key={p.id}>{p.text}</li>
      ))}
    </ul>
  )
}
