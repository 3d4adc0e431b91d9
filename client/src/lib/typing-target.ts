/** Inputs whose keys are the control's own (choices by click or Space, not typed): a shortcut there is meant for the page. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'color', 'range'])

/**
 * Whether a key pressed on `target` goes into what is being typed or chosen by letter (a text
 * field, a text area, a select, editable text): then single-key shortcuts (N, B, P, F, 1–4 …)
 * leave it alone. On a checkbox, a radio button or a button they work (a facilitator who just
 * ticked "Freigabe nötig" presses N without tabbing to a button first).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  const input = target.closest('input')
  return input !== null && !NOT_TYPED.has(input.type)
}
