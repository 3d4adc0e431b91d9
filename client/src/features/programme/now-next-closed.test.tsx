import { INITIAL_ROUND_STATE, programmeSchema } from '@tischrunde/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../i18n/programme-wording.js'
import { useTischStore } from '../../store/index.js'
import { NowNext } from './NowNext.js'

afterEach(() => {
  cleanup()
  useTischStore.setState({ round: null })
})

const programme = programmeSchema.parse({
  date: '2026-12-10',
  items: [
    { id: 'a', kind: 'plenary', title: 'Ankommen', start: '09:00', end: '09:30' },
    { id: 'b', kind: 'plenary', title: 'Begrüßung', start: '09:30', end: '10:00' },
  ],
})

describe('what is on, once the facilitator ended the event', () => {
  it('before the day: the start is announced while the event runs, not once it is ended', () => {
    const clock = { date: '2026-12-05', minute: 10 * 60 }
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station' } })
    const { rerender } = render(<NowNext programme={programme} clock={clock} />)
    expect(screen.getByText(/Die Veranstaltung beginnt am/)).toBeTruthy()
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'closed' } })
    rerender(<NowNext programme={programme} clock={clock} />)
    expect(screen.queryByText(/beginnt am/)).toBeNull()
    expect(screen.queryByTestId('programme-next')).toBeNull()
    expect(screen.getByText('Das Programm für heute ist zu Ende. Danke fürs Mitmachen!')).toBeTruthy()
  })

  it('on the day itself, before it starts: "heute um 09:00 Uhr", not its date', () => {
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station' } })
    render(<NowNext programme={programme} clock={{ date: '2026-12-10', minute: 8 * 60 }} />)
    expect(screen.getByText('Die Veranstaltung beginnt heute um 09:00 Uhr.')).toBeTruthy()
  })

  it('in the middle of the day: nothing runs now or next', () => {
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'closed' } })
    render(<NowNext programme={programme} clock={{ date: '2026-12-10', minute: 9 * 60 + 40 }} />)
    expect(screen.queryByTestId('programme-now')).toBeNull()
    expect(screen.getByText('Das Programm für heute ist zu Ende. Danke fürs Mitmachen!')).toBeTruthy()
  })

  it('after its day (the demo of a past conference): says when it was, not that today’s programme is over', () => {
    useTischStore.setState({ round: { ...INITIAL_ROUND_STATE, phase: 'station' } })
    render(<NowNext programme={programme} clock={{ date: '2026-12-12', minute: 9 * 60 }} />)
    expect(screen.getByText('Das Programm war am 10. Dezember 2026.')).toBeTruthy()
    expect(screen.queryByText(/für heute ist zu Ende/)).toBeNull()
  })
})
