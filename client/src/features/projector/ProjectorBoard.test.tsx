import { INITIAL_ROUND_STATE } from '@tischrunde/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
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
})
