import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { BoardColumns } from './BoardColumns.js'

const event = anEvent()
const docName = 'board.cafe-test.tisch-1'

function seed(cards: ReturnType<typeof aCard>[], unsaved: string[] = []) {
  useTischStore.setState({ boards: { [docName]: { cards, unsaved, status: 'synced' } } })
}

describe('a station board', () => {
  it('shows each card with its sub-points under its own column', () => {
    seed([
      aCard({ id: 'card-0001', columnId: 'laeuft-gut', text: 'Ehrenamt trägt viel', subPoints: [{ id: 'sub-00001', text: 'Sprachpaten' }] }),
      aCard({ id: 'card-0002', columnId: 'hakt-es', text: 'Zu wenig Kita-Plätze' }),
    ])
    render(<BoardColumns event={event} docName={docName} stationId="station-1" />)
    const good = screen.getByRole('list', { name: 'Was läuft gut?' })
    expect(within(good).getByText('Ehrenamt trägt viel')).toBeTruthy()
    expect(within(good).getByText('Sprachpaten')).toBeTruthy()
    expect(within(screen.getByRole('list', { name: 'Wo hakt es?' })).getByText('Zu wenig Kita-Plätze')).toBeTruthy()
  })

  it('shows card text as text, never as markup', () => {
    seed([aCard({ text: '<img src=x onerror=alert(1)> **fett**' })])
    const { container } = render(<BoardColumns event={event} docName={docName} stationId="station-1" />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('<img src=x onerror=alert(1)> **fett**')).toBeTruthy()
  })

  it('tells the writer which of their cards are still being sent', () => {
    seed(
      [aCard({ id: 'card-mine-1', text: 'Meine', authorId: 'me-123456' }), aCard({ id: 'card-mine-2', position: 2, text: 'Auch meine', authorId: 'me-123456' })],
      ['card-mine-2'],
    )
    render(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" />)
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['gespeichert', 'wird gesendet'])
  })

  it('says so when a column has no cards yet', () => {
    seed([])
    render(<BoardColumns event={event} docName={docName} stationId="station-2" />)
    expect(screen.getAllByText('Noch keine Karten. Die erste kommt gleich!')).toHaveLength(2)
  })

  it('says an empty column of a station that is over stayed empty, instead of promising a first card', () => {
    seed([])
    render(<BoardColumns event={event} docName={docName} stationId="station-2" over />)
    expect(screen.getAllByText('In dieser Spalte wurde nichts geschrieben.')).toHaveLength(2)
    expect(screen.queryByText('Noch keine Karten. Die erste kommt gleich!')).toBeNull()
  })

  it('says "Karte gelöscht." once the writer deleted their card (it leaves the list without a word)', () => {
    const remove = vi.fn(() => seed([]))
    seed([aCard({ id: 'card-mine-1', text: 'Meine', authorId: 'me-123456' })])
    render(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" ownActions={{ edit: vi.fn(), remove }} />)
    fireEvent.click(screen.getByRole('button', { name: 'Karte „Meine“ löschen' }))
    fireEvent.click(screen.getByRole('button', { name: 'Löschen' }))
    expect(remove).toHaveBeenCalledWith('card-mine-1')
    expect(screen.queryByText('Meine')).toBeNull()
    expect(screen.getByRole('status').textContent).toBe('Karte gelöscht.')
  })

  it('keeps the text of an edit the station closed on, to copy, said so', () => {
    seed([aCard({ id: 'card-mine-1', text: 'Schnellere Anerkennung', authorId: 'me-123456' })])
    const actions = { edit: vi.fn(), remove: vi.fn() }
    const { rerender, unmount } = render(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" ownActions={actions} />)
    fireEvent.click(screen.getByRole('button', { name: 'Karte „Schnellere Anerkennung“ bearbeiten' }))
    fireEvent.change(screen.getByLabelText('Kartentext'), { target: { value: 'Schnellere Anerkennung ausländischer Abschlüsse' } })
    // The station locks: the card may no longer be changed.
    rerender(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" />)
    expect(screen.getByRole('alert').textContent).toContain('Deine Änderung an dieser Karte wird nicht mehr übernommen')
    expect((screen.getByLabelText('Dein geänderter Text') as HTMLTextAreaElement).value).toBe('Schnellere Anerkennung ausländischer Abschlüsse')
    expect(actions.edit).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Ausblenden' }))
    expect(screen.queryByRole('alert')).toBeNull()
    unmount()
  })

  it('finds an edit begun when its card is shown anew, and keeps it when it may no longer be saved', () => {
    seed([aCard({ id: 'card-mine-2', text: 'Mehr Sprachkurse', authorId: 'me-123456' })])
    const actions = { edit: vi.fn(), remove: vi.fn() }
    const first = render(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" ownActions={actions} />)
    fireEvent.click(screen.getByRole('button', { name: 'Karte „Mehr Sprachkurse“ bearbeiten' }))
    fireEvent.change(screen.getByLabelText('Kartentext'), { target: { value: 'Mehr Sprachkurse am Abend' } })
    first.unmount()
    render(<BoardColumns event={event} docName={docName} stationId="station-1" ownAuthorId="me-123456" />)
    expect((screen.getByLabelText('Dein geänderter Text') as HTMLTextAreaElement).value).toBe('Mehr Sprachkurse am Abend')
  })
})
