import { INITIAL_ROUND_STATE, type RoundState } from '@tischrunde/shared'
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aCard, anEvent } from '../../../../../fixtures/src/builders.js'
import { type PhoneStepInput, phoneStep } from '../../../features/phone/phone-step.js'
import { useTischStore } from '../../../store/index.js'
import { BoardStep } from './BoardStep.js'

const event = anEvent()
const docName = 'board.cafe-test.tisch-1'

function showBoard(round: RoundState, host = false) {
  const input: PhoneStepInput = { event, round, host, tableId: 'tisch-1', visits: {}, tableclothsSeen: [] }
  const step = phoneStep(input)
  if (step.step !== 'board') throw new Error(`expected the board, got ${step.step}`)
  useTischStore.setState({
    event,
    round,
    boards: { [docName]: { cards: [aCard({ text: 'Zu wenig Kita-Plätze' })], unsaved: [], status: 'synced' } },
  })
  render(<BoardStep header={null} step={step} docName={docName} host={host} authorId="me-123456" name="" onName={() => {}} onLeave={() => {}} />)
}

describe('the phone’s board step', () => {
  it('in the review shows a section for every station, with the cards of each', () => {
    showBoard({ ...INITIAL_ROUND_STATE, phase: 'review', stationIndex: 2 })
    for (const station of event.template.stations) expect(screen.getByRole('region', { name: station.title })).toBeTruthy()
    expect(within(screen.getByRole('region', { name: event.template.stations[0]!.title })).getByText('Zu wenig Kita-Plätze')).toBeTruthy()
    expect(screen.queryByRole('textbox')).toBeNull()
  })

  it('after the end names no single station above the sections of all of them', () => {
    showBoard({ ...INITIAL_ROUND_STATE, phase: 'closed', stationIndex: 2 })
    // The last station's question stands only over its own section, not over all the sections too.
    expect(document.querySelector('.prompt')).toBeNull()
    for (const station of event.template.stations) expect(screen.getByRole('region', { name: station.title })).toBeTruthy()
  })

  it('lets a participant change tables', () => {
    showBoard({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 })
    expect(screen.getByRole('button', { name: 'Tisch wechseln' })).toBeTruthy()
    expect(screen.queryByText(/Du schreibst für alle am Tisch/)).toBeNull()
  })

  it('shows a host the host hint and no way to leave the table', () => {
    showBoard({ ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 }, true)
    expect(screen.queryByRole('button', { name: 'Tisch wechseln' })).toBeNull()
    expect(screen.getByText(/Du schreibst für alle am Tisch/)).toBeTruthy()
  })
})
