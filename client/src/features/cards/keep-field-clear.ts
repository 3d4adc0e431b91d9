import { type RefObject, useEffect } from 'react'

/** Room kept between a field and the send bar (or the screen's edge), in px. */
const GAP = 8

/**
 * Scrolls the page so the whole `field` shows above the form's sticky `bar` ("Karte senden") and
 * inside what the screen shows (the on-screen keyboard shrinks it). A field taller than the room
 * keeps its top in view.
 */
export function keepFieldClear(field: HTMLElement, bar: HTMLElement | null): void {
  const view = window.visualViewport
  const top = view ? view.offsetTop : 0
  const bottom = view ? view.offsetTop + view.height : window.innerHeight
  const f = field.getBoundingClientRect()
  const b = bar?.getBoundingClientRect()
  // The bar covers the field only when it lies over it (stuck to the bottom), not when it follows it.
  const limit = Math.min(bottom, b && b.top < f.bottom && b.bottom > f.top ? b.top : bottom) - GAP
  const by = f.bottom > limit ? Math.min(f.bottom - limit, f.top - top - GAP) : f.top < top + GAP ? f.top - top - GAP : 0
  if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' })
}

/**
 * While a field or button of `form` has the focus, keeps it clear of the sticky send bar: when it gets the
 * focus and whenever the screen's height changes (the keyboard opening).
 */
export function useFieldsClearOfBar(form: RefObject<HTMLFormElement | null>, bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = form.current
    if (!el) return
    const fit = () => {
      const field = document.activeElement
      // Every control of the form, buttons too ("+ Unterpunkt", "×"): only the bar's own stay where they are.
      if (field instanceof HTMLElement && el.contains(field) && !bar.current?.contains(field) && field.matches('textarea, input, button, select')) keepFieldClear(field, bar.current)
    }
    // After the browser's own scrolling to the focused field.
    const onFocus = () => requestAnimationFrame(fit)
    el.addEventListener('focusin', onFocus)
    window.addEventListener('resize', fit)
    window.visualViewport?.addEventListener('resize', fit)
    return () => {
      el.removeEventListener('focusin', onFocus)
      window.removeEventListener('resize', fit)
      window.visualViewport?.removeEventListener('resize', fit)
    }
  }, [form, bar])
}
