import * as decoding from 'lib0/decoding'
import pino from 'pino'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DOC_KINDS, putCard } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { type BoardPeer, DocRoom } from '../src/boards/doc-room.js'
import type { BoardStore } from '../src/storage/storage.js'
import { sleep, waitFor } from './helpers/wait.js'

/** A store whose writes take `writeMs` to reach the file and `syncMs` more to reach the disk. */
function slowStore(writeMs: number, syncMs: number) {
  const stored: Uint8Array[] = []
  const store: BoardStore = {
    load: async () => [],
    append: async (_name, updates, written) => {
      await sleep(writeMs)
      stored.push(...updates)
      written?.()
      await sleep(syncMs)
    },
    compact: async () => {},
    logSize: () => ({ frames: 0, bytes: 0 }),
    remove: async () => {},
    release: async () => {},
    list: async () => [],
    has: async () => false,
  }
  return { store, stored }
}

/** A peer that keeps the frames it gets and applies their updates to its own copy. */
function recordingPeer(id: string) {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  const savedVectors: Uint8Array[] = []
  const peer: BoardPeer = {
    id,
    send: (message) => {
      frames.push(message)
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== 0) return
      const kind = decoding.readVarUint(decoder)
      if (kind === syncProtocol.messageYjsUpdate || kind === syncProtocol.messageYjsSyncStep2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    },
    saved: (vector) => savedVectors.push(vector),
  }
  const cards = () => [...doc.getMap('cards').keys()].sort()
  return { peer, doc, frames, savedVectors, cards }
}

const boardKind = DOC_KINDS.find((k) => k.name === 'board')!
const log = pino({ level: 'silent' })

/** An update that adds one card, written by its own client. */
function cardUpdate(id: string): Uint8Array {
  const doc = new Y.Doc()
  putCard(doc, aCard({ id, text: `Karte ${id}` }))
  return Y.encodeStateAsUpdate(doc)
}

describe('a board’s fan-out', () => {
  it('sends twenty cards arriving during one write as one merged frame to each watcher, and each writer the others’ cards', async () => {
    const { store } = slowStore(30, 10)
    const room = new DocRoom('board.e.t', boardKind, store, log)
    await room.load()
    await waitFor(() => !room.pending, 'the board set up')
    const watchers = Array.from({ length: 5 }, (_, i) => recordingPeer(`watcher-${i}`))
    const writers = Array.from({ length: 20 }, (_, i) => recordingPeer(`writer-${i}`))
    for (const p of [...watchers, ...writers]) room.peers.add(p.peer)

    const ids = writers.map((_, i) => `karte-${String(i).padStart(3, '0')}`)
    writers.forEach((w, i) => Y.applyUpdate(room.doc, cardUpdate(ids[i]!), w.peer))
    await room.settle()

    // The first card starts a write; the other 19 arrive while it runs and go out together after it.
    for (const w of watchers) {
      expect(w.cards()).toEqual(ids)
      expect(w.frames.length).toBeLessThanOrEqual(2)
    }
    // Every writer has the others' cards; in the batch of nineteen its own card rides along in the
    // frame all peers share (a phone holds it already), instead of a merge made for it alone.
    writers.forEach((w, i) => expect(w.cards()).toEqual(expect.arrayContaining(ids.filter((_, k) => k !== i))))
    for (const w of writers) expect(w.frames.length).toBeLessThanOrEqual(2)
    const shared = watchers[0]!.frames.at(-1)
    expect(writers.slice(1).every((w) => w.frames.at(-1) === shared)).toBe(true)
    for (const w of writers) expect(w.savedVectors.length).toBeGreaterThan(0)
  })

  it('sends a writer whose card is alone in its batch nothing back but the others’ writes', async () => {
    const { store } = slowStore(5, 1)
    const room = new DocRoom('board.e.t4', boardKind, store, log)
    await room.load()
    await waitFor(() => !room.pending, 'the board set up')
    const writer = recordingPeer('writer')
    const watcher = recordingPeer('watcher')
    room.peers.add(writer.peer)
    room.peers.add(watcher.peer)
    Y.applyUpdate(room.doc, cardUpdate('karte-allein'), writer.peer)
    await room.settle()
    expect(watcher.cards()).toEqual(['karte-allein'])
    expect(writer.frames).toHaveLength(0)
  })

  it('sends nothing that is not yet in the file, sync replies included', async () => {
    const { store, stored } = slowStore(200, 10)
    const room = new DocRoom('board.e.t2', boardKind, store, log)
    await room.load()
    await waitFor(() => !room.pending, 'the board set up')
    const writer = recordingPeer('writer')
    const watcher = recordingPeer('watcher')
    room.peers.add(writer.peer)
    room.peers.add(watcher.peer)
    const before = stored.length

    Y.applyUpdate(room.doc, cardUpdate('karte-unterwegs'), writer.peer)
    // A phone that connects while the card is on its way to the file asks for the board.
    const late = recordingPeer('late')
    room.peers.add(late.peer)
    room.answerSync(late.peer, Y.encodeStateVector(new Y.Doc()))
    await sleep(100)
    expect({ watcher: watcher.cards(), late: late.cards(), late_frames: late.frames.length, inFile: stored.length - before }).toEqual({ watcher: [], late: [], late_frames: 0, inFile: 0 })

    await room.settle()
    expect(watcher.cards()).toEqual(['karte-unterwegs'])
    expect(late.cards()).toEqual(['karte-unterwegs'])
  })

  it('answers phones asking with the same state vector with one answer, until the board changes', async () => {
    const { store } = slowStore(5, 1)
    const room = new DocRoom('board.e.t5', boardKind, store, log)
    await room.load()
    await waitFor(() => !room.pending, 'the board set up')
    const writer = recordingPeer('writer')
    room.peers.add(writer.peer)
    Y.applyUpdate(room.doc, cardUpdate('karte-erste'), writer.peer)
    await room.settle()
    const empty = Y.encodeStateVector(new Y.Doc())
    const [a, b, c] = [recordingPeer('a'), recordingPeer('b'), recordingPeer('c')]
    for (const p of [a, b, c]) room.peers.add(p.peer)
    room.answerSync(a.peer, empty)
    room.answerSync(b.peer, Uint8Array.from(empty))
    expect(b.frames[0]).toBe(a.frames[0])
    expect(b.cards()).toEqual(['karte-erste'])

    Y.applyUpdate(room.doc, cardUpdate('karte-zweite'), writer.peer)
    await room.settle()
    room.answerSync(c.peer, empty)
    expect(c.frames[0]).not.toBe(a.frames[0])
    expect(c.cards()).toEqual(['karte-erste', 'karte-zweite'])
  })

  it('answers a sync request at once on a quiet board', async () => {
    const { store } = slowStore(200, 10)
    const room = new DocRoom('board.e.t3', boardKind, store, log)
    await room.load()
    await waitFor(() => !room.pending, 'the board set up', 5000)
    const peer = recordingPeer('p')
    room.peers.add(peer.peer)
    room.answerSync(peer.peer, Y.encodeStateVector(new Y.Doc()))
    expect(peer.frames.length).toBe(1)
  })
})
