import { type RefCallback, useCallback, useRef } from 'react'

/** What held the focus inside the kept region, noted when it got it. */
interface Held {
  element: HTMLElement
  /** The item (`[data-focus-item]`) it sat in, that item's key, its list and its place there. */
  item: HTMLElement | null
  key: string | null
  list: HTMLElement | null
  index: number
  /** The nearest heading before it in the region (one that is seen, not only heard). */
  heading: HTMLElement | null
  /** The sections, forms and dialogs around it, innermost first. */
  around: HTMLElement[]
}

/** How long a disabled control keeps the focus's place before it goes on (ms): a command's answer comes sooner. */
const DISABLED_WAIT_MS = 1500

const FOCUSABLE = 'button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/**
 * Keeps the keyboard's place in a region of the page (a console, a phone) when the control holding the focus goes
 * away: a card hidden, approved or merged leaves its list, a form closes, a confirmation is
 * answered. Without it the browser drops the focus to the page's start and a keyboard or screen
 * reader user has to find the place again. The focus moves to, in this order: the same item's first
 * control (it changed, e.g. into its editing form), the item now at its place in its list (the
 * next card), the list's last item, the nearest heading before it (focusable only by script).
 * Items are elements with `data-focus-item="<key>"`; it never takes the focus from somewhere else.
 * Returns the ref to put on the region's element.
 */
export function useFocusKeeper<T extends HTMLElement>(): RefCallback<T> {
  const stop = useRef<(() => void) | null>(null)
  return useCallback((region: T | null) => {
    stop.current?.()
    stop.current = region ? keepFocusIn(region) : null
  }, [])
}

/** Starts keeping the focus in `region` (see `useFocusKeeper`); returns how to stop. */
export function keepFocusIn(region: HTMLElement): () => void {
  let held: Held | null = null
  let waiting: ReturnType<typeof setTimeout> | undefined
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement) held = noteOf(region, event.target)
  }
  // Focus that leaves for nowhere while its control stays usable was moved by the user (a click on
  // the page): nothing to keep then.
  const onFocusOut = (event: FocusEvent) => {
    const left = held?.element
    if (!left || event.target !== left || event.relatedTarget) return
    queueMicrotask(() => {
      if (held?.element === left && left.isConnected && !isDisabled(left)) held = null
    })
  }
  const restore = () => {
    if (!held) return
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    // A control disabled while its command runs gets the focus back when it is usable again; one
    // that stays disabled (the day ended: no next step) hands it on after a moment.
    if (held.element.isConnected) {
      clearTimeout(waiting)
      if (!isDisabled(held.element)) held.element.focus()
      else waiting = setTimeout(() => held?.element.isConnected && isDisabled(held.element) && handOn(held), DISABLED_WAIT_MS)
      return
    }
    handOn(held)
  }
  const handOn = (from: Held) => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    const target = replacementOf(region, from)
    if (!target) return
    held = null
    if (!target.matches(FOCUSABLE) && !target.hasAttribute('tabindex')) target.tabIndex = -1
    target.focus()
  }
  const observer = new MutationObserver(restore)
  observer.observe(region, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  region.addEventListener('focusin', onFocusIn)
  region.addEventListener('focusout', onFocusOut)
  return () => {
    observer.disconnect()
    clearTimeout(waiting)
    region.removeEventListener('focusin', onFocusIn)
    region.removeEventListener('focusout', onFocusOut)
  }
}

/** What counts as a section around a control, to keep the focus in when its list and item are gone. */
const AROUND = 'section, form, [role="region"], [role="dialog"], [role="alertdialog"], [role="group"]'

const isDisabled = (element: HTMLElement) => (element as HTMLButtonElement).disabled === true

function noteOf(region: HTMLElement, element: HTMLElement): Held {
  const item = element.closest<HTMLElement>('[data-focus-item]')
  const inRegion = item && region.contains(item) ? item : null
  const list = inRegion?.parentElement ?? null
  const index = list && inRegion ? Array.prototype.indexOf.call(list.children, inRegion) : -1
  let heading: HTMLElement | null = null
  for (const h of region.querySelectorAll<HTMLElement>('h1, h2, h3, h4')) {
    if (!h.classList.contains('visually-hidden') && h.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) heading = h
  }
  const around: HTMLElement[] = []
  for (let at = element.parentElement; at && at !== region; at = at.parentElement) if (at.matches(AROUND)) around.push(at)
  return { element, item: inRegion, key: inRegion?.dataset.focusItem ?? null, list, index, heading, around }
}

function replacementOf(region: HTMLElement, held: Held): HTMLElement | null {
  const firstControl = (item: Element | null | undefined) => (item ? (item.matches(FOCUSABLE) ? (item as HTMLElement) : item.querySelector<HTMLElement>(FOCUSABLE)) : null)
  const { list, key } = held
  if (list?.isConnected) {
    const items = [...list.children].filter((c): c is HTMLElement => c instanceof HTMLElement && c.hasAttribute('data-focus-item'))
    const same = items.find((c) => c.dataset.focusItem === key)
    const found = firstControl(same) ?? firstControl(items[held.index]) ?? firstControl(items[items.length - 1])
    if (found) return found
  }
  // The nearest heading before it, when it belongs to the nearest section still there; else that
  // section's own (seen) heading or its first control.
  const section = held.around.find((el) => el.isConnected)
  if (held.heading?.isConnected && (!section || section.contains(held.heading))) return held.heading
  if (section) {
    const own = [...section.querySelectorAll<HTMLElement>('h1, h2, h3, h4')].find((h) => !h.classList.contains('visually-hidden'))
    // Nothing usable in it while a command runs (its buttons disabled): wait for the next change.
    return own ?? section.querySelector<HTMLElement>(FOCUSABLE)
  }
  return held.heading?.isConnected ? held.heading : region
}
