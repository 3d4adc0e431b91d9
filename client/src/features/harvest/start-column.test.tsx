import { INITIAL_ROUND_STATE, type RoundState } from '@tischrunde/shared'
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { GroupEditor } from './GroupEditor.js'
import GroupProjector from './GroupProjector.js'

const event = anEvent()
const first = event.template.stations[0]!
const second = event.template.stations[1]!
const send = () => Promise.resolve({ ok: true as const })

/** Renders a screen, then lets the table's board arrive as the sync would. */
function dayAt(round: RoundState, screenOf: () => React.ReactElement, cards = [aCard({ stationId: first.id, columnId: first.columns[0]!.id })]) {
  useTischStore.setState({ event, round })
  render(screenOf())
  act(() => useTischStore.setState({ boards: { 'board.cafe-test.tisch-1': { cards, unsaved: [], status: 'synced' } } }))
}
const shownColumn = () => (screen.getByRole('combobox', { name: /Spalte/ }) as HTMLSelectElement).selectedOptions[0]?.textContent

afterEach(cleanup)

describe('grouping opens on the column the day is at', () => {
  it('on the console and the host phone: the running station’s first column, not the last column of the day', () => {
    dayAt({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, () => <GroupEditor event={event} token="t" send={send} />)
    expect(shownColumn()).toBe(`${first.title} – ${first.columns[0]!.title}`)
    expect(screen.getByText(aCard().text)).toBeTruthy()
  })

  it('follows the running station when it moves on', () => {
    dayAt({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 }, () => <GroupEditor event={event} token="t" send={send} tableId="tisch-1" />)
    expect(shownColumn()).toBe(`${second.title} – ${second.columns[0]!.title}`)
  })

  it('on the projector without parameters and no station running: the last station with cards', () => {
    window.history.replaceState(null, '', '/projector?mode=gruppen')
    dayAt({ ...INITIAL_ROUND_STATE, phase: 'review', stationIndex: 2 }, () => <GroupProjector event={event} token="t" send={null} />, [
      aCard({ id: 'card-0001', stationId: first.id, columnId: first.columns[1]!.id }),
      aCard({ id: 'card-0002', stationId: second.id, columnId: second.columns[0]!.id, text: 'Mehr Sprachkurse' }),
    ])
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(`${second.title} – ${second.columns[0]!.title}`)
  })
})
