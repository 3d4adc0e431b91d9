import { describe, expect, it } from 'vitest'
import { relayedMessageSchema } from './relayed-message.schema.js'

describe('a hub message relayed between nodes', () => {
  it('is taken as the hub sent it', () => {
    const sent = { from: 'node-a', message: { eventId: 'winnenden', topic: 'votes', audience: 'everyone', stepId: 'step-1' } }
    expect(relayedMessageSchema.parse(sent)).toEqual(sent)
  })
  it('is refused with an unknown topic, a foreign event id or a missing field', () => {
    for (const bad of [
      { from: 'node-a', message: { eventId: 'winnenden', topic: 'shutdown', audience: 'everyone' } },
      { from: 'node-a', message: { eventId: '../etc', topic: 'event', audience: 'everyone' } },
      { from: 'node-a', message: { eventId: 'winnenden', topic: 'guessing', audience: 'staff' } },
      { message: { eventId: 'winnenden', topic: 'event', audience: 'everyone' } },
    ])
      expect(relayedMessageSchema.safeParse(bad).success).toBe(false)
  })
})
