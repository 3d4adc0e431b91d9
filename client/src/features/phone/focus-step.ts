/** Frames to wait for a screen that loads its code on demand. */
const FOCUS_TRIES = 30

/**
 * Moves keyboard and screen-reader focus to the heading of the screen a phone now shows, after a
 * choice replaced the previous screen (the button pressed is gone, and focus would fall back to the
 * page). Headings opt in with `data-step-focus="<step>"` and `tabIndex={-1}`; without one for the
 * step, the phone's own heading (the table's name) takes focus.
 */
export function focusStep(step: string): void {
  let tries = 0
  const attempt = () => {
    const target = document.querySelector<HTMLElement>(`[data-step-focus="${step}"]`)
    if (target) return target.focus({ preventScroll: false })
    if (++tries < FOCUS_TRIES) return void requestAnimationFrame(attempt)
    document.querySelector<HTMLElement>('[data-step-focus="header"]')?.focus()
  }
  requestAnimationFrame(attempt)
}
