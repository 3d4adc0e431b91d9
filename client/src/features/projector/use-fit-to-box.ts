import { type RefObject, useLayoutEffect, useState } from 'react'

/** Largest type scale for a board that must fit the screen; 1 is the projector's base size. */
const FIT_MAX = 1.35
/** Smallest card text, as a share of the screen's width: 28 px on a 1920 px projector, legible from the back row. */
export const MIN_TEXT_VW = 28 / 1920
/** How long each page of a board too full for one screen stays, in ms. */
export const PAGE_MS = 12_000
/** The items a page never cuts (a group's heading among them). */
const CARDS = '.card, .spotlight-card, .pboard-group'

/** Where an element sits in the box's content, from the content's top (the box scrolled to the top). */
function spanIn(element: Element, origin: number): { top: number; bottom: number } {
  const r = element.getBoundingClientRect()
  return { top: r.top - origin, bottom: r.bottom - origin }
}

/** Where the content's last card ends (a paged box has room below it, so its last page starts where it should). */
function lastBottom(spans: readonly { bottom: number }[]): number {
  return Math.max(0, ...spans.map((s) => s.bottom))
}

/** The tallest of the headings that stay on every page (see `pageStarts`), in px; 0 without any. */
function headingHeight(box: HTMLElement, selector: string | undefined): number {
  if (!selector) return 0
  return Math.max(0, ...[...box.querySelectorAll(selector)].map((h) => h.getBoundingClientRect().height))
}

/**
 * Where each page of an overflowing box starts (scroll offsets), never cutting a card that fits a
 * page. From the second page on, the top `heading` pixels are covered by the columns' headings
 * (they stay on every page), so a page starts that much above its first card.
 */
export function pageStarts(itemSpans: readonly { top: number; bottom: number }[], pageHeight: number, total: number, heading = 0): number[] {
  // Headings taller than half a page (a tiny window) would leave pages of a pixel or two.
  const covered = Math.min(heading, pageHeight / 2)
  const starts = [0]
  while (starts.at(-1)! + pageHeight < total) {
    const start = starts.at(-1)!
    const end = start + pageHeight
    // The next page begins at the top of the first card the page boundary cuts (one that began right
    // under this page's headings is taller than a page: it does not hold the next page back).
    const cut = itemSpans
      .filter((s) => s.top > start && s.top < end && s.bottom > end)
      .map((s) => s.top - covered)
      .filter((top) => top > start)
    starts.push(cut.length ? Math.min(...cut) : end - covered)
  }
  return starts
}

/** Whether a card is wholly on the page that starts at `start` (below the headings on later pages). */
export function onPage(span: { top: number; bottom: number }, start: number, pageHeight: number, heading: number): boolean {
  const covered = Math.min(heading, pageHeight / 2)
  const top = start === 0 ? 0 : start + covered
  // A card taller than a page shows where it begins.
  if (span.bottom - span.top > pageHeight - covered) return span.top >= top - 1 && span.top < start + pageHeight
  return span.top >= top - 1 && span.bottom <= start + pageHeight + 1
}

/**
 * The one page a card is shown on: the first on which it is whole. Pages overlap (a page starts at
 * the top of the first card the one before cuts), and in a column of cards flowing into
 * sub-columns a card beside that one may be whole on both: it is shown once, where it came first.
 * A card whole on no page shows on the last page that starts above it.
 */
export function pageOfCard(span: { top: number; bottom: number }, starts: readonly number[], pageHeight: number, heading: number): number {
  const first = starts.findIndex((start) => onPage(span, start, pageHeight, heading))
  if (first >= 0) return first
  return Math.max(0, starts.filter((start) => start <= span.top).length - 1)
}

/**
 * Scales the type inside `box` (through the CSS variable `--fit`) to the largest size at which its
 * content fits without scrolling, but never below MIN_TEXT_VW for the box's `.card` items (the
 * projector's base size is read from the box's parent). A board too full even then is shown in
 * pages that turn every PAGE_MS, each card whole on one page (`data-off-page` on the others);
 * `headingSelector` names headings that stay on every page (sticky in CSS). Returns the page shown
 * and the number of pages.
 */
export function useFitToBox(box: RefObject<HTMLElement | null>, content: unknown, headingSelector?: string): { page: number; pages: number } {
  const [starts, setStartsNow] = useState<number[]>([0])
  // Only a real change re-renders: the observer calls fit() on every resize.
  const setStarts = (next: number[]) => setStartsNow((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next))
  const [page, setPage] = useState(0)
  // Counts what moves cards without a new render: the box resized (a page line appearing under it),
  // or a card's entrance ended (cards are marked while one still slides in, 12 px lower).
  const [moved, setMoved] = useState(0)

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
        const spans = [...el.querySelectorAll(CARDS)].map((c) => spanIn(c, origin))
        return setStarts(pageStarts(spans, el.clientHeight, lastBottom(spans), headingHeight(el, headingSelector)))
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
    const observer = new ResizeObserver(() => {
      fit()
      setMoved((n) => n + 1)
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [box, content, headingSelector])

  const pages = starts.length
  const shown = Math.min(page, pages - 1)
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    el.scrollTop = 0
    // Cards the page's edges would cut are not shown on it: each is whole on the page it starts.
    const origin = el.getBoundingClientRect().top
    const heading = headingHeight(el, headingSelector)
    const spans = [...el.querySelectorAll<HTMLElement>(CARDS)].map((card) => ({ card, span: spanIn(card, origin) }))
    // The pages as the cards stand now (type, hyphens and the page line may have moved them since `fit`).
    const now = pages > 1 ? pageStarts(spans.map((s) => s.span), el.clientHeight, lastBottom(spans.map((s) => s.span)), heading) : [0]
    if (now.length !== pages) setStarts(now)
    const start = now[Math.min(shown, now.length - 1)] ?? 0
    el.scrollTop = start
    // The last page may end above the box's foot: the box scrolls no further than its content.
    const shownFrom = el.scrollTop
    const shownIndex = Math.min(shown, now.length - 1)
    for (const { card, span } of spans) {
      const elsewhere = pages > 1 && (!onPage(span, start, shownFrom + el.clientHeight - start, heading) || pageOfCard(span, now, el.clientHeight, heading) !== shownIndex)
      if (elsewhere) card.dataset.offPage = ''
      else delete card.dataset.offPage
    }
  }, [box, starts, shown, pages, content, headingSelector, moved])
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    // A hall's cards arriving together end their entrances together: one look per frame.
    let frame = 0
    const settled = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0
        setMoved((n) => n + 1)
      })
    }
    el.addEventListener('animationend', settled)
    return () => {
      el.removeEventListener('animationend', settled)
      cancelAnimationFrame(frame)
    }
  }, [box])
  useLayoutEffect(() => {
    if (pages < 2) return
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS)
    return () => window.clearInterval(id)
  }, [pages])
  return { page: shown, pages }
}
