import { describe, expect, it } from 'vitest'
import { clientEvents } from '@tischrunde/shared'
import { CONTROL_MESSAGE_MAX } from './control-plane.js'

/** A string of `n` UTF-16 units that each take 3 bytes in UTF-8 (the worst a schema `max(n)` lets through). */
const widest = (n: number) => '€'.repeat(n)
const slug = (i: number) => `s${i}`.padEnd(63, 'x')

describe('the Socket.IO message limit', () => {
  it('fits the largest event setup the schemas allow, so no facilitator is cut off for a long agenda', () => {
    const setup = {
      title: widest(200),
      date: '2026-11-23',
      place: widest(200),
      agenda: Array.from({ length: 60 }, () => ({ time: '10:45', title: widest(200), detail: widest(600) })),
      tables: Array.from({ length: 60 }, (_, i) => ({ id: slug(i), name: widest(120), host: widest(120) })),
      template: {
        method: 'world-cafe',
        stations: Array.from({ length: 8 }, (_, i) => ({
          id: slug(i),
          title: widest(80),
          prompt: widest(400),
          columns: Array.from({ length: 6 }, (_, j) => ({ id: slug(j), title: widest(120) })),
        })),
      },
    }
    expect(clientEvents['event:update'].safeParse({ setup }).success).toBe(true)
    // Socket.IO frames an event as `42["event:update",{…}]` plus an ack id: a few bytes.
    const bytes = Buffer.byteLength(JSON.stringify(['event:update', { setup }])) + 32
    expect(bytes).toBeLessThanOrEqual(CONTROL_MESSAGE_MAX)
  })
})
