import { INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { receiveGroups, useVoteStore } from '../../store/vote-store.js'
import { ProjectorBoard } from './ProjectorBoard.js'

const COMBINED = 'Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?'
const event = anEvent()
event.tables[0] = { ...event.tables[0]!, columnHeadings: [{ stationId: 'station-2', columnId: 'ziele', title: COMBINED }] }
const docName = (table: string) => `board.cafe-test.${table}`

describe('the projector board', () => {
  it('heads a column with the table\'s own heading, as its sheet in the documentation does', () => {
    useTischStore.setState({ boards: { [docName('tisch-1')]: { cards: [aCard({ stationId: 'station-2', columnId: 'ziele', text: 'Frauen stärken' })], unsaved: [], status: 'synced' } } })
    render(<ProjectorBoard event={event} docName={docName('tisch-1')} stationId="station-2" tableId="tisch-1" />)
    expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${COMBINED.replace(/[?/]/g, '\\$&')}`) })).toBeTruthy()
    expect(screen.getByRole('list', { name: COMBINED })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: /^Was soll ein gutes Integrationsmanagement leisten\?/ })).toBeTruthy()
  })

  it('keeps the template\'s title for a table without its own heading', () => {
    useTischStore.setState({ boards: { [docName('tisch-2')]: { cards: [aCard({ stationId: 'station-2', columnId: 'ziele', text: 'Kita' })], unsaved: [], status: 'synced' } } })
    render(<ProjectorBoard event={event} docName={docName('tisch-2')} stationId="station-2" tableId="tisch-2" />)
    expect(screen.getByRole('list', { name: 'Was sind unsere Ziele?' })).toBeTruthy()
    expect(screen.queryByRole('list', { name: COMBINED })).toBeNull()
  })

  it('says an empty column stayed empty once the day has left its station, and that the first card is coming while it runs', () => {
    useTischStore.setState({ boards: { [docName('tisch-3')]: { cards: [aCard({ stationId: 'station-1', columnId: 'laeuft-gut', text: 'Sprachcafé' })], unsaved: [], status: 'synced' } } })
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 } })
    render(<ProjectorBoard event={event} docName={docName('tisch-3')} stationId="station-1" tableId="tisch-3" />)
    expect(screen.getAllByText('Noch keine Karten. Die erste kommt gleich!').length).toBeGreaterThan(0)
    cleanup()
    for (const round of [{ phase: 'station' as const, stationIndex: 1 }, { phase: 'review' as const, stationIndex: 2 }, { phase: 'closed' as const, stationIndex: 2 }]) {
      useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, ...round } })
      render(<ProjectorBoard event={event} docName={docName('tisch-3')} stationId="station-1" tableId="tisch-3" />)
      expect(screen.queryByText('Noch keine Karten. Die erste kommt gleich!')).toBeNull()
      expect(screen.getAllByText('In dieser Spalte wurde nichts geschrieben.').length).toBeGreaterThan(0)
      cleanup()
    }
  })

  it('shows a grouped column\'s groups under their headings in their order, a collapsed one as its heading, then the cards without a group', () => {
    const cards = [
      aCard({ id: 'c-kita', position: 1, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Kita-Plätze' }),
      aCard({ id: 'c-kurs', position: 2, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Sprachkurse vor Ort' }),
      aCard({ id: 'c-cafe', position: 3, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Sprachcafé' }),
      aCard({ id: 'c-amt', position: 4, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Termine beim Amt' }),
      aCard({ id: 'c-bus', position: 5, stationId: 'station-1', columnId: 'laeuft-gut', text: 'Busverbindung' }),
    ]
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, boards: { [docName('tisch-4')]: { cards, unsaved: [], status: 'synced' } } })
    useVoteStore.setState({ groups: new Map() })
    receiveGroups([
      {
        tableId: 'tisch-2',
        stationId: 'station-1',
        columnId: 'laeuft-gut',
        groups: [
          { id: 'g-amt', title: 'Behörden', position: 2, collapsed: true, cardIds: ['c-amt'] },
          { id: 'g-leer', title: 'Wohnen', position: 3, collapsed: false, cardIds: [] },
          { id: 'g-sprache', title: 'Sprache', position: 1, collapsed: false, cardIds: ['c-kurs', 'c-cafe'] },
        ],
      },
    ])
    render(<ProjectorBoard event={event} docName={docName('tisch-4')} stationId="station-1" tableId="tisch-2" />)
    const list = screen.getByRole('list', { name: 'Was läuft gut?' })
    // In the order read: each heading, then the cards under it.
    const items = [...list.querySelectorAll('h3, .card')].map((item) => item.textContent?.replace(/\u00ad/g, '').trim())
    expect(items).toEqual(['1. Sprache 2 Karten', 'Sprachkurse vor Ort', 'Sprachcafé', '2. Behörden 1 Karte', 'Ohne Gruppe 2 Karten', 'Kita-Plätze', 'Busverbindung'].map((text) => expect.stringContaining(text)))
    expect(screen.getByRole('heading', { level: 3, name: /^1\. Sprache/ })).toBeTruthy()
    expect(screen.queryByText('Termine beim Amt')).toBeNull()
    expect(screen.queryByText(/Wohnen/)).toBeNull()
    cleanup()
    useVoteStore.setState({ groups: new Map() })
  })
})
