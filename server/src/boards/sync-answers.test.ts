import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { boardKind, putCard } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { openFileBoardStore } from '../storage/file-board-store.js'
import { type BoardPeer, DocRoom } from './doc-room.js'
import { ANSWERS_IDLE_MS } from './room-outbox.js'

const NAME = 'board.cafe-test.tisch-1'
const EMPTY_VECTOR = new Uint8Array([0])

const dirs: string[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A board with a hundred cards, stored, and its store. */
async function boardWithCards() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tischrunde-answers-'))
  dirs.push(dir)
  const store = await openFileBoardStore(dir)
  const room = new DocRoom(NAME, boardKind, store, pino({ level: 'silent' }))
  await room.load()
  for (let i = 0; i < 100; i++) putCard(room.doc, aCard({ id: `karte-${String(i).padStart(4, '0')}`, text: `Karte ${i}` }))
  await room.settle()
  return { room, store }
}

/** What a newly joined phone (nothing on it yet) is answered. */
function joinNew(room: DocRoom): Uint8Array {
  const sent: Uint8Array[] = []
  const peer: BoardPeer = { id: `phone-${Math.random()}`, send: (m) => void sent.push(m), saved: () => {} }
  room.answerSync(peer, EMPTY_VECTOR)
  expect(sent).toHaveLength(1)
  return sent[0]!
}

describe('sync answers of a board', () => {
  it('serves a wave of joining phones from one encoding of the board, and lets it go once the board is at rest', async () => {
    const { room, store } = await boardWithCards()
    vi.useFakeTimers()
    const first = joinNew(room)
    // Phones joining a few seconds apart share it, each keeping it for the next.
    vi.advanceTimersByTime(ANSWERS_IDLE_MS - 1000)
    expect(joinNew(room)).toBe(first)
    vi.advanceTimersByTime(ANSWERS_IDLE_MS - 1000)
    expect(joinNew(room)).toBe(first)
    // Nobody joined for the idle time: the copy is gone, the next phone gets the same board anew.
    vi.advanceTimersByTime(ANSWERS_IDLE_MS)
    const later = joinNew(room)
    expect(later).not.toBe(first)
    expect(later).toEqual(first)
    expect(later.byteLength).toBeGreaterThan(100 * 10)
    room.destroy()
    // An unloaded room keeps no timer that would hold it.
    expect(vi.getTimerCount()).toBe(0)
    vi.useRealTimers()
    await store.close()
  })
})
