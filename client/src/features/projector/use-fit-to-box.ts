import { type RefObject, useLayoutEffect, useState } from 'react'

/** Largest type scale for a board that must fit the screen; 1 is the projector's base size. */
const FIT_MAX = 1.35
/** Smallest card text, as a share of the screen's width: 28 px on a 1920 px projector, legible from the back row. */
export const MIN_TEXT_VW = 28 / 1920
/** How long each page of a board too full for one screen stays, in ms. */
export const PAGE_MS = 12_000

/** Where each page of an overflowing box starts (scroll offsets), never cutting a card that fits a page. */
export function pageStarts(itemSpans: readonly { top: number; bottom: number }[], pageHeight: number, total: number): number[] {
  const starts = [0]
  while (starts.at(-1)! + pageHeight < total) {
    const start = starts.at(-1)!
    const end = start + pageHeight
    // The next page begins at the top of the first card the page boundary cuts.
    const cut = itemSpans.filter((s) => s.top > start && s.top < end && s.bottom > end).map((s) => s.top)
    const next = cut.length ? Math.min(...cut) : end
    starts.push(next > start ? next : end)
  }
  return starts
}

/**
 * Scales the type inside `box` (through the CSS variable `--fit`) to the largest size at which its
 * content fits without scrolling, but never below MIN_TEXT_VW for the box's `.card` items (the
 * projector's base size is read from the box's parent). A board too full even then is shown in
 * pages that turn every PAGE_MS; returns the page shown and the number of pages.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown): { page: number; pages: number } {
  const [starts, setStartsNow] = useState<number[]>([0])
  // Only a real change re-renders: the observer calls fit() on every resize.
  const setStarts = (next: number[]) => setStartsNow((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next))
  const [page, setPage] = useState(0)

  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    const base = Number.parseFloat(getComputedStyle(el.parentElement ?? el).fontSize) || 16
    const min = Math.min(FIT_MAX, (MIN_TEXT_VW * window.innerWidth) / base)
    const fits = (scale: number) => {
      el.style.setProperty('--fit', String(scale))
      return el.scrollHeight <= el.clientHeight + 1
    }
    const fit = () => {
      el.scrollTop = 0
      if (fits(FIT_MAX)) return setStarts([0])
      if (!fits(min)) {
        const origin = el.getBoundingClientRect().top
        const spans = [...el.querySelectorAll('.card, .spotlight-card')].map((c) => {
          const r = c.getBoundingClientRect()
          return { top: r.top - origin, bottom: r.bottom - origin }
        })
        return setStarts(pageStarts(spans, el.clientHeight, el.scrollHeight))
      }
      let lo = min
      let hi = FIT_MAX
      // Seven halvings get within 0.5 % of the best scale; each is one synchronous layout.
      for (let i = 0; i < 7; i++) {
        const mid = (lo + hi) / 2
        if (fits(mid)) lo = mid
        else hi = mid
      }
      fits(lo)
      setStarts([0])
    }
    fit()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(fit)
    observer.observe(el)
    return () => observer.disconnect()
  }, [box, content])

  const pages = starts.length
  const shown = Math.min(page, pages - 1)
  useLayoutEffect(() => {
    const el = box.current
    if (el) el.scrollTop = starts[shown] ?? 0
  }, [box, starts, shown])
  useLayoutEffect(() => {
    if (pages < 2) return
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS)
    return () => window.clearInterval(id)
  }, [pages])
  return { page: shown, pages }
}
