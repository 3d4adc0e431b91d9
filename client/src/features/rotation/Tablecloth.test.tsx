import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { WINNENDEN_TEMPLATE } from '@tischrunde/shared'
import { anEvent } from '@tischrunde/fixtures'
import '../../i18n/index.js'
import { Tablecloth } from './Tablecloth.js'

describe('the tablecloth after a rotation', () => {
  const event = anEvent()
  const [first, second] = WINNENDEN_TEMPLATE.stations

  it('lets a participant at the wrong table change it before reading on (it was a dead end)', () => {
    const onLeave = vi.fn()
    render(<Tablecloth event={event} docName="board.cafe-test.tisch-1" station={second!} earlier={[first!]} hasCards={false} onContinue={() => {}} onLeave={onLeave} />)
    fireEvent.click(screen.getByRole('button', { name: 'Tisch wechseln' }))
    expect(onLeave).toHaveBeenCalledOnce()
    expect(screen.getByRole('button', { name: 'Weiter: Station 2' })).toBeTruthy()
  })

  it('offers no change of table to a table host', () => {
    render(<Tablecloth event={event} docName="board.cafe-test.tisch-1" station={second!} earlier={[first!]} hasCards={false} onContinue={() => {}} />)
    expect(screen.queryByRole('button', { name: 'Tisch wechseln' })).toBeNull()
  })
})
