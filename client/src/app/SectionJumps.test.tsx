import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import '../i18n/console-wording.js'
import { SectionJumps } from './SectionJumps.js'

function Screen() {
  const [late, setLate] = useState(false)
  const [english, setEnglish] = useState(false)
  return (
    <main>
      <SectionJumps />
      <section aria-labelledby="a">
        <h2 id="a">{english ? 'Projector' : 'Beamer steuern'}</h2>
      </section>
      <section aria-labelledby="hidden">
        <h2 id="hidden" className="visually-hidden">
          Ablauf
        </h2>
      </section>
      {late && (
        <section aria-labelledby="b">
          <h2 id="b">Ergebnisse herunterladen</h2>
          <h3 id="c">Eine Untergruppe</h3>
          <h3 id="d" data-jump="">
            Lösungsbaum
          </h3>
        </section>
      )}
      <button type="button" onClick={() => setLate(true)}>
        laden
      </button>
      <button type="button" onClick={() => setEnglish(true)}>
        English
      </button>
    </main>
  )
}

describe('"Springen zu" on the console', () => {
  it('lists the parts by their seen headings as they appear, and moves the focus to the one chosen', async () => {
    render(<Screen />)
    fireEvent.click(screen.getByRole('button', { name: 'laden' }))
    const nav = await screen.findByRole('navigation', { name: 'Springen zu' })
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    const links = within(nav).getAllByRole('link')
    expect(links.map((l) => l.textContent)).toEqual(['Beamer steuern', 'Ergebnisse herunterladen', 'Lösungsbaum'])
    fireEvent.click(links[1]!)
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Ergebnisse herunterladen' }))
  })

  it('follows a heading whose words change in place (the language switched on the open console)', async () => {
    render(<Screen />)
    fireEvent.click(screen.getByRole('button', { name: 'laden' }))
    const nav = await screen.findByRole('navigation', { name: 'Springen zu' })
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    fireEvent.click(screen.getByRole('button', { name: 'English' }))
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(within(nav).getAllByRole('link').map((l) => l.textContent)).toEqual(['Projector', 'Ergebnisse herunterladen', 'Lösungsbaum'])
  })
})
