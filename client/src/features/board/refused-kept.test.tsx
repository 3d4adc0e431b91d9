import { boardDocName } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useTischStore } from '../../store/index.js'
import { keepRefusal, readRefusal } from '../../sync/device-storage.js'
import { RefusedElsewhere } from './RefusedElsewhere.js'

afterEach(() => {
  cleanup()
  window.localStorage.clear()
  useTischStore.setState({ boards: {}, event: null })
})

describe('cards a table did not take, after the page reloaded elsewhere', () => {
  it('shows their texts from the device, with the table, until the person hides them', () => {
    const event = anEvent()
    const left = event.tables[1]!
    const docName = boardDocName(event.id, left.id)
    keepRefusal(docName, { reason: 'STATION_CLOSED', texts: ['Offline geschrieben: Lesepaten'] })
    useTischStore.setState({ event, boards: {} })
    render(<RefusedElsewhere except={boardDocName(event.id, event.tables[0]!.id)} />)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain(left.name)
    expect(alert.textContent).toContain('Offline geschrieben: Lesepaten')
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Abgeschrieben, ausblenden' })))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(readRefusal(docName)).toBeNull()
  })
})
