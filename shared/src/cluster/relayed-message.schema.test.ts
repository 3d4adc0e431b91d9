import { describe, expect, it } from 'vitest'
import { relayedMessageSchema } from './relayed-message.schema.js'

describe('a hub message relayed between nodes', () => {
  it('is taken as the hub sent it', () => {
    const sent = { from: 'node-a', message: { eventId: 'winnenden', topic: 'votes', audience: 'everyone', stepId: 'step-1' } }
    expect(relayedMessageSchema.parse(sent)).toEqual(sent)
  })
  it('names, for a deletion, the fence it raised (absent from a node of an older version)', () => {
    const deleted = { from: 'node-a', message: { eventId: 'winnenden', topic: 'deleted', audience: 'everyone', fence: 7 } }
    expect(relayedMessageSchema.parse(deleted)).toEqual(deleted)
    const older = { from: 'node-a', message: { eventId: 'winnenden', topic: 'deleted', audience: 'everyone' } }
    expect(relayedMessageSchema.parse(older)).toEqual(older)
    for (const fence of [0, -1, 1.5, '7', Number.MAX_SAFE_INTEGER + 1])
      expect(relayedMessageSchema.safeParse({ ...deleted, message: { ...deleted.message, fence } }).success).toBe(false)
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
