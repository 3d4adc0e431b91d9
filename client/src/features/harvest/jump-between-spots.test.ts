import type { SensorContext } from '@dnd-kit/core'
import { describe, expect, it } from 'vitest'
import { jumpBetweenSpots } from './jump-between-spots.js'

const rect = (left: number, top: number, width = 200, height = 100) => ({ left, top, width, height, right: left + width, bottom: top + height })
/** Two groups side by side, the loose cards below them; the dragged handle is 40 × 40. */
const spots = new Map([
  ['loose', rect(0, 300, 600, 200)],
  ['group:b', rect(300, 0)],
  ['group:a', rect(0, 0)],
])
const context = (over: string | null) =>
  ({
    collisionRect: rect(10, 310, 40, 40),
    droppableRects: spots,
    droppableContainers: { getEnabled: () => [...spots.keys()].map((id) => ({ id })) },
    over: over === null ? null : { id: over },
  }) as unknown as SensorContext
const press = (code: string, over: string | null) => {
  let prevented = false
  const event = { code, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent
  return { to: jumpBetweenSpots(event, { active: 'card-1', currentCoordinates: { x: 10, y: 310 }, context: context(over) }), prevented }
}

describe('the keyboard moves a dragged card from drop spot to drop spot', () => {
  it('goes in reading order, centred on the spot: up from the loose cards to the last group, then to the first', () => {
    expect(press('ArrowUp', 'loose')).toEqual({ to: { x: 380, y: 30 }, prevented: true })
    expect(press('ArrowLeft', 'group:b').to).toEqual({ x: 80, y: 30 })
    expect(press('ArrowRight', 'group:a').to).toEqual({ x: 380, y: 30 })
    expect(press('ArrowDown', 'group:b').to).toEqual({ x: 280, y: 380 })
  })

  it('stays at the ends and starts at the first or last spot when over none', () => {
    expect(press('ArrowUp', 'group:a').to).toEqual({ x: 80, y: 30 })
    expect(press('ArrowDown', 'loose').to).toEqual({ x: 280, y: 380 })
    expect(press('ArrowDown', null).to).toEqual({ x: 80, y: 30 })
    expect(press('ArrowUp', null).to).toEqual({ x: 280, y: 380 })
  })

  it('steps over the dragged card’s own place: down from its group’s heading to the next spot, not back to the heading', () => {
    spots.set('before:card-1', rect(0, 120, 200, 40))
    try {
      expect(press('ArrowDown', 'group:a').to).toEqual({ x: 380, y: 30 })
      expect(press('ArrowDown', 'group:b').to).toEqual({ x: 280, y: 380 })
    } finally {
      spots.delete('before:card-1')
    }
  })

  it('leaves other keys to the sensor (space drops, escape cancels)', () => {
    expect(press('Space', 'loose')).toEqual({ to: undefined, prevented: false })
  })
})
