import { BOX_SECOND_LINE } from '@tischrunde/shared'
import { type RefObject, useLayoutEffect, useState } from 'react'

/** Class of a box whose text does not fit at the tree's size: it keeps the lines its box has and ends in "…". */
export const CLAMPED = 'tree-box-text-clamped'

/**
 * The smallest text of a box on the screen, in CSS pixels: 18 px, and 1.85 % of the screen's height
 * on a larger one (20 px at 1080 lines). Below it the back of a hall cannot read a projected tree
 * (WCAG's large text starts at 18.66 px; slides keep body text at about 2 % of their height).
 */
export const TEXT_FLOOR = { px: 18, ofHeight: 0.0185 } as const
/**
 * The smallest kind line ("1.1 URSACHE") and marks of a box, in CSS pixels: 16 px, and 0.8 of the
 * text's floor (BOX_SECOND_LINE) on a larger screen. They are 0.8 of the box's text where that is
 * larger; 0.8 of the floor alone gave 14.4 px at 720 lines, which the back of a hall does not read.
 */
export const SECOND_FLOOR_PX = 16
/** Sizes on the screen (CSS pixels) a tree's texts try, largest first, down to the floor. */
const SCREEN_SIZES = [56, 48, 42, 36, 32, 28, 26, 24, 22, 20, 18] as const
/** Share of a tree's boxes whose text may end in "…" at the size the tree shares: the longest fifth. */
const CUT_SHARE = 0.2
/** Line height of a box's text (tree.css). */
const LINE_HEIGHT = 1.15

/** The floor for a screen `height` CSS pixels high. */
export const textFloor = (height: number) => Math.max(TEXT_FLOOR.px, TEXT_FLOOR.ofHeight * height)
/** The kind line's and marks' floor for a screen `height` CSS pixels high. */
export const secondFloor = (height: number) => Math.max(SECOND_FLOOR_PX, BOX_SECOND_LINE * textFloor(height))

const wordsOf = (el: HTMLElement) => el.querySelector<HTMLElement>('.tree-box-words')
const overflows = (el: HTMLElement) => {
  const words = wordsOf(el)
  const over = (e: HTMLElement) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1
  return over(el) || (!!words && over(words))
}

/** The height a box's words have: the box's, less its padding, kind line and marks (none where they stand beside the kind line, as in a cut box). */
function roomOf(el: HTMLElement): number {
  const style = getComputedStyle(el)
  const kind = el.querySelector<HTMLElement>('.tree-box-kind')
  const marks = el.querySelector<HTMLElement>('.tree-box-marks')
  const ownLine = marks && kind && marks.offsetTop !== kind.offsetTop ? marks.offsetHeight : 0
  return el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - (kind?.offsetHeight ?? 0) - ownLine
}

function clamp(el: HTMLElement, lines: number | null): void {
  el.classList.toggle(CLAMPED, lines !== null)
  if (lines === null) el.style.removeProperty('--tree-box-lines')
  else el.style.setProperty('--tree-box-lines', String(lines))
}

/**
 * Sets the texts of the boxes inside `svg` to one size (`--tree-text` on the picture): the largest
 * of SCREEN_SIZES, never below the floor, at which all but the longest fifth of the texts on the
 * screen fit their boxes whole (soft hyphens count as breaks), and `target`'s too (a box zoomed to).
 * A text that does not fit keeps the lines its box has and ends in "…" (its box, focused, shows it
 * whole: TreeDiagram). The kind lines and marks (`--tree-second`) are 0.8 of that size, never below
 * their own floor. Sizes are set in diagram units: the picture's scale turns them into pixels.
 */
export function fitBoxTexts(svg: SVGSVGElement, screenHeight: number, target: string | null = null): void {
  const boxes = [...svg.querySelectorAll<HTMLElement>('.tree-box .tree-box-text')]
  const scale = svg.getScreenCTM()?.a ?? 1
  if (boxes.length === 0 || !(scale > 0)) return
  const floor = textFloor(screenHeight)
  const second = secondFloor(screenHeight) / scale
  const sizes = [...SCREEN_SIZES.filter((px) => px > floor), floor].map((px) => px / scale)
  // Only the boxes on the screen count: zoomed in, the texts grow with the picture.
  const view = svg.getBoundingClientRect()
  const shown = boxes.filter((el) => {
    const r = el.getBoundingClientRect()
    return r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom
  })
  const aimed = target === null ? undefined : svg.querySelector<HTMLElement>(`.tree-box[data-id="${CSS.escape(target)}"] .tree-box-text`)
  const allowed = Math.floor(shown.length * CUT_SHARE)
  svg.style.setProperty('--tree-px', String(1 / scale))
  const setSize = (size: number) => {
    svg.style.setProperty('--tree-text', `${size}px`)
    svg.style.setProperty('--tree-second', `${Math.max(BOX_SECOND_LINE * size, second)}px`)
  }
  for (const el of boxes) clamp(el, null)
  let chosen = sizes.at(-1)!
  for (const size of sizes) {
    setSize(size)
    if (shown.filter(overflows).length <= allowed && !(aimed && overflows(aimed))) {
      chosen = size
      break
    }
  }
  setSize(chosen)
  const cut = boxes.filter(overflows)
  // Cut, a box's marks move beside its kind line (tree.css); then the lines each cut text has room for (one layout).
  for (const el of cut) el.classList.add(CLAMPED)
  const lines = cut.map((el) => Math.max(1, Math.floor(roomOf(el) / (chosen * LINE_HEIGHT) + 0.05)))
  cut.forEach((el, i) => clamp(el, lines[i]!))
}

/** Fits the boxes' texts inside `svg` after each render in which the layout, the hyphenation, the zoom (the shown width) or the box zoomed to changed. */
export function useFitBoxTexts(svg: RefObject<SVGSVGElement | null>, deps: { layout: unknown; hyphenated: boolean; zoom: number; target: string | null }): void {
  const { layout, hyphenated, zoom, target } = deps
  useLayoutEffect(() => {
    if (svg.current) fitBoxTexts(svg.current, window.innerHeight, target)
  }, [svg, layout, hyphenated, zoom, target])
}

/** The size of `el` in CSS pixels, followed as it changes (the window's until it is measured). */
export function useAreaSize(el: RefObject<Element | null>): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth || 16, height: window.innerHeight || 9 }))
  useLayoutEffect(() => {
    const target = el.current
    if (!target) return
    const measure = () => {
      const r = target.getBoundingClientRect()
      if (r.width > 0 && r.height > 0) setSize((s) => (Math.abs(s.width - r.width) < 1 && Math.abs(s.height - r.height) < 1 ? s : { width: r.width, height: r.height }))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(target)
    return () => observer.disconnect()
  }, [el])
  return size
}
