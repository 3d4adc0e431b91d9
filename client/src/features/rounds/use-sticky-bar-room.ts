import { type RefObject, useLayoutEffect } from 'react'

/**
 * Keeps the page's scroll padding at the height of its sticky bar (the console's round controls),
 * so what the keyboard focuses or a jump scrolls to is never hidden under it (WCAG 2.4.11): a
 * section scrolled into view had its heading behind the bar.
 */
export function useStickyBarRoom(bar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const el = bar.current
    if (!el) return
    const root = document.documentElement
    const measure = () => root.style.setProperty('--sticky-bar-height', `${Math.ceil(el.getBoundingClientRect().height)}px`)
    measure()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure)
    observer?.observe(el)
    return () => {
      observer?.disconnect()
      root.style.removeProperty('--sticky-bar-height')
    }
  }, [bar])
}
