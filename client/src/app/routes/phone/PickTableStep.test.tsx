import { INITIAL_ROUND_STATE, type RoundState } from '@tischrunde/shared'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { anEvent } from '../../../../../fixtures/src/builders.js'
import { useTischStore } from '../../../store/index.js'
import { PhoneHeader } from './PhoneHeader.js'
import { PickTableStep } from './PickTableStep.js'

const event = anEvent()

function showPicker(round: RoundState) {
  useTischStore.setState({ event, round })
  render(<PickTableStep header={<PhoneHeader host={false} table={undefined} />} station={null} name="" onName={() => {}} onPick={() => {}} />)
}

afterEach(cleanup)

describe('a phone that has not chosen a table yet', () => {
  it('during the café is asked where it sits, with the name field', () => {
    showPicker({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('An welchem Tisch sitzt du?')
    expect(screen.getByText('Wähle den Thementisch, an dem du gerade sitzt.')).toBeTruthy()
    expect(screen.getByLabelText('Dein Name (freiwillig)')).toBeTruthy()
  })

  it('after the event’s end is offered the tables to look at, not asked where it sits nor for a name', () => {
    showPicker({ ...INITIAL_ROUND_STATE, phase: 'closed', stationIndex: 2 })
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welchen Tisch möchtest du ansehen?')
    expect(screen.getByText(/Die Veranstaltung ist beendet/)).toBeTruthy()
    expect(screen.getByText(/Wähle einen Thementisch, um zu sehen, was dort zusammengetragen wurde/)).toBeTruthy()
    expect(screen.queryByText(/an dem du gerade sitzt/)).toBeNull()
    expect(screen.queryByLabelText('Dein Name (freiwillig)')).toBeNull()
    for (const table of event.tables) expect(screen.getByRole('button', { name: table.name })).toBeTruthy()
  })

  it('after "Tisch wechseln" marks the table it left and goes back to it with one tap', () => {
    useTischStore.setState({ event, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 1 } })
    const picked: (string | null)[] = []
    const [first, second] = event.tables
    render(<PickTableStep header={<PhoneHeader host={false} table={undefined} />} station={null} name="" onName={() => {}} onPick={(id) => picked.push(id)} left={second!.id} />)
    expect(screen.getByRole('button', { name: second!.name }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('button', { name: first!.name }).getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(screen.getByRole('button', { name: `Zurück zu „${second!.name}“` }))
    expect(picked).toEqual([second!.id])
  })
})
