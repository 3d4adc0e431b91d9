import { type RefObject, useLayoutEffect } from 'react'

/** Largest and smallest type scale for a board that must fit the screen (a projector cannot scroll); 1 is the projector's base size. */
const FIT_MAX = 1.35
const FIT_MIN = 0.45

/**
 * Scales the type inside `box` (through the CSS variable `--fit`) to the largest size at which its
 * content fits without scrolling: a board with few cards stays huge, a full one shrinks only as far
 * as it must. Runs again when `content` changes or the box is resized.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown): void {
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const fits = (scale: number) => {
      el.style.setProperty('--fit', String(scale))
      return el.scrollHeight <= el.clientHeight + 1
    }
    const fit = () => {
      if (fits(FIT_MAX)) return
      let lo = FIT_MIN
      let hi = FIT_MAX
      // Seven halvings get within 0.5 % of the best scale; each is one synchronous layout.
      for (let i = 0; i < 7; i++) {
        const mid = (lo + hi) / 2
        if (fits(mid)) lo = mid
        else hi = mid
      }
      fits(lo)
    }
    fit()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [box, content])
}
