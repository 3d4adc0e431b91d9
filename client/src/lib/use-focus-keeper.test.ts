import { afterEach, describe, expect, it } from 'vitest'
import { keepFocusIn } from './use-focus-keeper.js'

/** A region with a heading and a list of three items, each with two buttons. */
function region(): { root: HTMLElement; stop: () => void; button: (item: string, n: number) => HTMLButtonElement } {
  const root = document.createElement('section')
  root.innerHTML = `<h3>Karten</h3><ul>${['a', 'b', 'c'].map((k) => `<li data-focus-item="${k}"><button>${k}1</button><button>${k}2</button></li>`).join('')}</ul>`
  document.body.append(root)
  const stop = keepFocusIn(root)
  return { root, stop, button: (item, n) => root.querySelectorAll<HTMLButtonElement>(`[data-focus-item="${item}"] button`)[n - 1]! }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => document.body.replaceChildren())

describe('keeping the keyboard’s place', () => {
  it('moves the focus to the item now in the place of the one removed, then to the last, then to the heading', async () => {
    const { root, button } = region()
    button('a', 2).focus()
    root.querySelector('[data-focus-item="a"]')!.remove()
    await settle()
    expect(document.activeElement?.textContent).toBe('b1')
    button('c', 1).focus()
    root.querySelector('[data-focus-item="c"]')!.remove()
    await settle()
    expect(document.activeElement?.textContent).toBe('b1')
    root.querySelector('ul')!.remove()
    await settle()
    expect(document.activeElement?.textContent).toBe('Karten')
  })

  it('gives the focus back to a control disabled while its command ran, once it is usable again', async () => {
    const { button } = region()
    const b = button('b', 1)
    b.focus()
    b.disabled = true
    b.blur() // what a browser does to a focused control that is disabled
    await settle()
    b.disabled = false
    await settle()
    expect(document.activeElement).toBe(b)
  })

  it('takes nothing back from a user who moved the focus away on purpose', async () => {
    const { root, button } = region()
    const outside = document.createElement('button')
    document.body.append(outside)
    button('a', 1).focus()
    outside.focus()
    root.querySelector('[data-focus-item="a"]')!.remove()
    await settle()
    expect(document.activeElement).toBe(outside)
    button('b', 1).focus()
    button('b', 1).blur() // a click on the page: the focus goes to nowhere, the control stays usable
    await settle()
    root.querySelector('[data-focus-item="b"]')!.remove()
    await settle()
    expect(document.activeElement).toBe(document.body)
  })
})
