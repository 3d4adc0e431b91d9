import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import { MESSAGE_CONTROL_PUSH, encodeControlPush } from '@tischrunde/shared'
import { PushFrames } from './push-frames.js'

/** What a phone reads from a push frame. */
function read({ bytes }: { bytes: Uint8Array }) {
  const decoder = decoding.createDecoder(bytes)
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_CONTROL_PUSH)
  return { name: decoding.readVarString(decoder), payload: JSON.parse(decoding.readVarString(decoder)) as unknown }
}

describe('pushes encoded once per content', () => {
  it('gives every screen the same bytes for the same push, as encodeControlPush would', () => {
    const frames = new PushFrames()
    const first = frames.of('vote:ballots', { ballots: [] })
    expect(first.shared).toBe(true)
    expect(frames.of('vote:ballots', { ballots: [] }).bytes).toBe(first.bytes)
    expect(first.bytes).toEqual(encodeControlPush('vote:ballots', { ballots: [] }))
    expect(read(first)).toEqual({ name: 'vote:ballots', payload: { ballots: [] } })
  })

  it('encodes a changed content or another name anew', () => {
    const frames = new PushFrames()
    const none = frames.of('moderation:own', { tableId: 't1', held: 0 })
    const one = frames.of('moderation:own', { tableId: 't1', held: 1 })
    expect(one.bytes).not.toBe(none.bytes)
    expect(read(one).payload).toEqual({ tableId: 't1', held: 1 })
    expect(read(frames.of('moderation:modes', { tableId: 't1', held: 0 })).name).toBe('moderation:modes')
    expect(read(frames.of('event:deleted', undefined)).payload).toBeNull()
  })

  it('remembers a bounded number, the least recently sent dropped first', () => {
    const frames = new PushFrames(3)
    const kept = frames.of('p', 0).bytes
    frames.of('p', 1)
    const leastRecent = frames.of('p', 2).bytes
    expect(frames.of('p', 0).bytes).toBe(kept) // sent again: the most recent now
    const again = frames.of('p', 1).bytes
    frames.of('p', 3) // 2 is the least recent and goes
    expect(frames.size).toBe(3)
    expect(frames.of('p', 0).bytes).toBe(kept)
    expect(frames.of('p', 1).bytes).toBe(again)
    expect(frames.of('p', 2).bytes).not.toBe(leastRecent)
  })

  it('encodes a large payload for each screen without remembering it', () => {
    const frames = new PushFrames(8, 100)
    const big = { text: 'x'.repeat(200) }
    const a = frames.of('p', big)
    expect(a.shared).toBe(false)
    expect(frames.of('p', big).bytes).not.toBe(a.bytes)
    expect(frames.size).toBe(0)
    expect(read(a).payload).toEqual(big)
  })

  it('never remembers the round, which carries the server clock', () => {
    const frames = new PushFrames()
    const round = { round: { phase: 'station' }, serverNow: 1 }
    const sent = frames.of('round:state', round)
    expect(read(sent).payload).toEqual(round)
    expect(sent.shared).toBe(false)
    expect(frames.size).toBe(0)
  })
})
