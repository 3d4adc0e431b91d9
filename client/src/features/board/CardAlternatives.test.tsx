import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { aCard } from '../../../../fixtures/src/builders.js'
import { CardItem } from './CardItem.js'

const card = aCard({ id: 'card-0001', text: 'Sprachkurse fehlen', alternatives: [{ text: 'Sprachkurse für Mütter fehlen', subPoints: [] }] })

describe('versions of a card written at the same time', () => {
  it('shows the other version under the card and lets its writer take it', () => {
    const resolve = vi.fn()
    render(<ul><CardItem card={card} unsaved={false} showStatus={false} actions={{ edit: vi.fn(), remove: vi.fn(), resolve }} /></ul>)
    expect(screen.getByRole('group', { name: 'Andere Fassungen dieser Karte' }).textContent).toContain('Sprachkurse für Mütter fehlen')
    fireEvent.click(screen.getByRole('button', { name: 'Diese Fassung übernehmen' }))
    expect(resolve).toHaveBeenCalledWith('card-0001', { text: 'Sprachkurse für Mütter fehlen', subPoints: [], alternatives: [] })
  })

  it('lets the writer discard the other version', () => {
    const resolve = vi.fn()
    render(<ul><CardItem card={card} unsaved={false} showStatus={false} actions={{ edit: vi.fn(), remove: vi.fn(), resolve }} /></ul>)
    fireEvent.click(screen.getByRole('button', { name: 'Verwerfen' }))
    expect(resolve).toHaveBeenCalledWith('card-0001', { alternatives: [] })
  })

  it('leaves them off the phones of the others at the table (only its writer and the host settle them)', () => {
    render(<ul><CardItem card={card} unsaved={false} showStatus={false} /></ul>)
    expect(screen.queryByText('Sprachkurse für Mütter fehlen')).toBeNull()
    expect(screen.getByText('Sprachkurse fehlen')).toBeTruthy()
  })

  it('leaves them off the projector', () => {
    render(<ul><CardItem card={card} unsaved={false} showStatus={false} showAlternatives={false} /></ul>)
    expect(screen.queryByText('Sprachkurse für Mütter fehlen')).toBeNull()
  })
})
