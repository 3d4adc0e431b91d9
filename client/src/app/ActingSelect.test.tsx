import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ActingSelect } from './ActingSelect.js'

function renderSelect(act: (value: string) => void) {
  render(
    <ActingSelect aria-label="Verschieben nach …" value="" onAct={act}>
      <option value="">Verschieben nach …</option>
      <option value="a">Ursache: Keine Ansprechpersonen</option>
      <option value="b">Folge: Angebote doppelt</option>
    </ActingSelect>,
  )
  return screen.getByRole('combobox', { name: 'Verschieben nach …' }) as HTMLSelectElement
}

/** What a browser does for an arrow key on a closed select: the key, then a change to the next option. */
function step(select: HTMLSelectElement, key: string, to: string) {
  fireEvent.keyDown(select, { key })
  fireEvent.change(select, { target: { value: to } })
  fireEvent.keyUp(select, { key })
}

describe('a select whose choice does something', () => {
  it('acts at once when chosen with the mouse or in the opened list', () => {
    const act = vi.fn()
    const select = renderSelect(act)
    fireEvent.change(select, { target: { value: 'b' } })
    expect(act).toHaveBeenCalledWith('b')
    expect(select.value).toBe('')
  })

  it('only shows the options stepped through with the arrow keys, and acts on Enter', () => {
    const act = vi.fn()
    const select = renderSelect(act)
    step(select, 'ArrowDown', 'a')
    step(select, 'ArrowDown', 'b')
    expect(act).not.toHaveBeenCalled()
    expect(select.value).toBe('b')
    fireEvent.keyDown(select, { key: 'Enter' })
    expect(act).toHaveBeenCalledTimes(1)
    expect(act).toHaveBeenCalledWith('b')
    expect(select.value).toBe('')
  })

  it('goes back without acting on Escape or when the keyboard leaves it', () => {
    const act = vi.fn()
    const select = renderSelect(act)
    step(select, 'ArrowDown', 'a')
    fireEvent.keyDown(select, { key: 'Escape' })
    expect(select.value).toBe('')
    step(select, 'ArrowDown', 'a')
    fireEvent.blur(select)
    expect(select.value).toBe('')
    expect(act).not.toHaveBeenCalled()
  })

  it('tells screen readers how it works', () => {
    const select = renderSelect(vi.fn())
    const hint = document.getElementById(select.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toBe('Mit den Pfeiltasten auswählen, mit der Eingabetaste ausführen.')
  })
})
