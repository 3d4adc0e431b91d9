import { INITIAL_ROUND_STATE, type ColumnGroups } from '@tischrunde/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../fixtures/src/builders.js'
import { useTischStore } from '../../store/index.js'
import { receiveGroups, useVoteStore } from '../../store/vote-store.js'
import { GroupEditor } from './GroupEditor.js'

const event = anEvent()
const station = event.template.stations[0]!
const column = { tableId: 'tisch-1', stationId: station.id, columnId: station.columns[0]!.id }
const cards = [aCard({ id: 'card-0001', text: 'Sprachkurse für Eltern', position: 1 }), aCard({ id: 'card-0002', text: 'Sprachcafé im Stadtteil', position: 2 })]
const groupsWith = (cardIds: string[]): ColumnGroups => ({ ...column, groups: [{ id: 'group-sprache', title: 'Sprache lernen', position: 1, collapsed: false, cardIds }] })
const send = () => Promise.resolve({ ok: true as const })
const selectFor = (text: string) => screen.getByRole('combobox', { name: `Gruppe für: ${text}` }) as HTMLSelectElement

afterEach(() => {
  cleanup()
  useVoteStore.setState({ groups: new Map() })
})

describe('a card given a group by its select', () => {
  function editorWithOneGroup() {
    useTischStore.setState({ event, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 } })
    receiveGroups([groupsWith([])])
    render(<GroupEditor event={event} token="t" send={send} tableId="tisch-1" />)
    act(() => useTischStore.setState({ boards: { 'board.cafe-test.tisch-1': { cards, unsaved: [], status: 'synced' } } }))
  }

  it('takes the focus along into its group when the focus stayed with it', () => {
    editorWithOneGroup()
    selectFor('Sprachkurse für Eltern').focus()
    fireEvent.change(selectFor('Sprachkurse für Eltern'), { target: { value: 'group-sprache' } })
    act(() => receiveGroups([groupsWith(['card-0001'])]))
    expect(document.activeElement).toBe(selectFor('Sprachkurse für Eltern'))
    expect(document.activeElement?.closest('[data-group-id]')).not.toBeNull()
  })

  it('leaves the focus where the keyboard went meanwhile (the next card, on a slow network)', () => {
    editorWithOneGroup()
    selectFor('Sprachkurse für Eltern').focus()
    fireEvent.change(selectFor('Sprachkurse für Eltern'), { target: { value: 'group-sprache' } })
    // The server's answer is slow; the facilitator is already at the next card.
    selectFor('Sprachcafé im Stadtteil').focus()
    act(() => receiveGroups([groupsWith(['card-0001'])]))
    expect(document.activeElement).toBe(selectFor('Sprachcafé im Stadtteil'))
  })
})
