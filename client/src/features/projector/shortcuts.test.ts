import { describe, expect, it } from 'vitest'
import { actionForKey } from './shortcuts.js'

describe('projector shortcuts', () => {
  it.each([
    ['1', { type: 'mode', mode: 'table' }],
    ['4', { type: 'mode', mode: 'join' }],
    ['f', { type: 'fullscreen' }],
    ['F', { type: 'fullscreen' }],
    ['M', { type: 'mute' }],
    ['?', { type: 'help' }],
    ['Escape', { type: 'close' }],
    ['ArrowRight', { type: 'move', move: 'next-station' }],
    ['PageDown', { type: 'move', move: 'next-table' }],
    ['ArrowUp', { type: 'move', move: 'prev-table' }],
  ])('key %s asks for %o', (key, action) => {
    expect(actionForKey(key)).toEqual(action)
  })
  it('ignores other keys', () => {
    expect(actionForKey('x')).toBeNull()
    expect(actionForKey('Enter')).toBeNull()
    expect(actionForKey('5')).toBeNull()
  })
})
