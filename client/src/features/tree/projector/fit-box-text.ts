import { BOX_TEXT_SIZES } from '@tischrunde/shared'
import { type RefObject, useLayoutEffect, useState } from 'react'

export { BOX_TEXT_SIZES }
/** Class of a box whose text does not fit even at the smallest size: it breaks anywhere and ends in "…". */
export const SQUEEZED = 'tree-box-text-squeezed'

/** Sizes found per box shape and content (its kind line and text as shown): a box is measured once per text and shape. */
const fitted = new Map<string, number | 'squeezed'>()
/** Bound of the remembered sizes (a day's trees hold a few hundred texts). */
const FITTED_MAX = 4000

/**
 * What a found size holds for: the box's shape (in diagram units, before the screen's scale) and its
 * text. A layout of other box shapes (the screen resized, H) fits its texts anew: the size found
 * for a wider box overflowed a narrower one.
 */
const fitKey = (el: HTMLElement) => `${el.clientWidth}x${el.clientHeight}\u0000${el.textContent ?? ''}`

const overflows = (el: HTMLElement) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1

function apply(el: HTMLElement, size: number | 'squeezed'): void {
  el.style.fontSize = `${size === 'squeezed' ? BOX_TEXT_SIZES.at(-1) : size}px`
  el.classList.toggle(SQUEEZED, size === 'squeezed')
}

/**
 * Sets the text of every `.tree-box-text` inside `root` to the largest of BOX_TEXT_SIZES at which it
 * fits its box without breaking a word (soft hyphens count as breaks). Boxes not measured before are
 * measured together, one layout per size.
 */
export function fitBoxTexts(root: ParentNode): void {
  let pending: HTMLElement[] = []
  for (const el of root.querySelectorAll<HTMLElement>('.tree-box-text')) {
    const known = fitted.get(fitKey(el))
    if (known === undefined) pending.push(el)
    else apply(el, known)
  }
  if (pending.length === 0) return
  if (fitted.size > FITTED_MAX) fitted.clear()
  for (const size of BOX_TEXT_SIZES) {
    for (const el of pending) apply(el, size)
    const left: HTMLElement[] = []
    for (const el of pending) {
      if (overflows(el)) left.push(el)
      else fitted.set(fitKey(el), size)
    }
    pending = left
    if (pending.length === 0) return
  }
  for (const el of pending) {
    apply(el, 'squeezed')
    fitted.set(fitKey(el), 'squeezed')
  }
}

/** Fits the boxes' texts inside `root` after each render in which the layout or the hyphenation changed. */
export function useFitBoxTexts(root: RefObject<Element | null>, layout: unknown, hyphenated: boolean): void {
  useLayoutEffect(() => {
    if (root.current) fitBoxTexts(root.current)
  }, [root, layout, hyphenated])
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
