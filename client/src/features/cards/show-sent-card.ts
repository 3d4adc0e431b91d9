/** How long a just-sent card stays highlighted, in ms. */
const HIGHLIGHT_MS = 2500

/**
 * Brings a card the person just sent into view and highlights it briefly, so they see where it
 * landed. Without motion when the person asked for reduced motion (the highlight then only shows,
 * it does not pulse: see styles.css).
 */
export function showSentCard(cardId: string): void {
  // The card renders with the next store update; look for it on the following frames.
  let tries = 0
  const find = () => {
    const card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)
    if (!card) {
      if (++tries < 10) requestAnimationFrame(find)
      return
    }
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
    card.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' })
    card.classList.add('card-just-sent')
    setTimeout(() => card.classList.remove('card-just-sent'), HIGHLIGHT_MS)
  }
  requestAnimationFrame(find)
}
