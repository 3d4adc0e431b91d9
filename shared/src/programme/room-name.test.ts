import { describe, expect, it } from 'vitest'
import { roomNamesItself } from './room-name.js'

describe('a workshop’s room', () => {
  it('is shown after "Raum" only when it is a bare number or code', () => {
    for (const room of ['Raum 1', 'Großer Saal', 'EG links', 'Ratssaal 2.04', 'Room B']) expect(roomNamesItself(room), room).toBe(true)
    for (const room of ['1', 'A.2', '204', 'R 1.05', 'E-12']) expect(roomNamesItself(room), room).toBe(false)
  })
})
