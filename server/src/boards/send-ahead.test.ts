import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import pino from 'pino'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { WRITERS_ROOT, boardKind, clientRoots, putCard, writerKeyOf } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { participantAtStation } from '../../test/helpers/write-context.js'
import { openFileBoardStore } from '../storage/file-board-store.js'
import type { BoardStore } from '../storage/storage.js'
import { type BoardPeer, DocRoom } from './doc-room.js'
import { receiveUpdate } from './receive-update.js'
import { MESSAGE_SYNC } from './sync-messages.js'

const NAME = 'board.cafe-test.tisch-1'
const ctx = participantAtStation()

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function openRoom(wrap: (store: BoardStore) => BoardStore = (s) => s) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tischrunde-ahead-'))
  dirs.push(dir)
  const store = await openFileBoardStore(dir)
  const room = new DocRoom(NAME, boardKind, wrap(store), pino({ level: 'silent' }))
  await room.load()
  await room.settle()
  return { room, store, dir, log: path.join(dir, `${NAME}.ywal`) }
}

/** A phone as the room sees it: what it was sent, and when it was told "saved". */
function phone(id: string, onSend: (message: Uint8Array) => void = () => {}) {
  const frames: Uint8Array[] = []
  const saved: Uint8Array[] = []
  const peer: BoardPeer = {
    id,
    send: (m) => {
      onSend(m)
      frames.push(m)
    },
    saved: (vector) => saved.push(vector),
  }
  return { peer, frames, saved }
}

/** A room with a watching phone and a writing one, and the writer's first card as its phone sends it. */
function tableWithCard(room: DocRoom, text: string, onWatcherSend?: (message: Uint8Array) => void) {
  const watcher = phone('watcher', onWatcherSend)
  const writer = phone('writer')
  room.peers.add(watcher.peer)
  room.peers.add(writer.peer)
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  putCard(doc, aCard({ id: 'karte-0001', text }))
  return { watcher, writer, doc, update: updates[0]! }
}

/** The Yjs updates among the messages a phone was sent (sync messages of type "update"). */
function updatesIn(frames: readonly Uint8Array[]): Uint8Array[] {
  return frames.flatMap((f) => {
    const decoder = decoding.createDecoder(f)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return []
    return [decoding.readVarUint8Array(decoder)]
  })
}

/** The cards a phone with an empty doc would show after the messages it was sent. */
function cardsFrom(frames: readonly Uint8Array[], had: Uint8Array[] = []): { id: string; text: string }[] {
  const doc = new Y.Doc()
  for (const u of [...had, ...updatesIn(frames)]) Y.applyUpdate(doc, u)
  return [...doc.getMap<{ id: string; text: string }>('cards').values()]
}

/** The cards the stored doc holds after a restart. */
async function storedCards(dir: string): Promise<string[]> {
  const store = await openFileBoardStore(dir)
  const doc = new Y.Doc()
  for (const u of await store.load(NAME)) Y.applyUpdate(doc, u)
  await store.close()
  return [...doc.getMap<{ text: string }>('cards').values()].map((c) => c.text)
}

describe('a card on a quiet board goes out before the doc applies it', () => {
  it('is in the log file when the other phones get it, and "gespeichert" comes after the sync', async () => {
    const seen: { logBytes: number; inDoc: boolean }[] = []
    const { room, store, dir, log } = await openRoom()
    const logBefore = statSync(log).size
    const { watcher, writer, doc, update } = tableWithCard(room, 'Sprachkurse am Abend', () =>
      seen.push({ logBytes: statSync(log).size, inDoc: room.doc.getMap('cards').has('karte-0001') }),
    )
    expect(room.applyFromPeer(update, writer.peer, ctx)).toBeNull()
    // Sent at once, before Yjs applied it, and already in the file (it survives a crash of the server).
    expect(seen).toEqual([{ logBytes: logBefore + update.length + 8, inDoc: false }])
    expect(cardsFrom(watcher.frames).map((c) => c.text)).toEqual(['Sprachkurse am Abend'])
    expect(room.doc.getMap('cards').has('karte-0001')).toBe(true)
    // "gespeichert" waits for the sync to the disk.
    expect(writer.saved).toEqual([])
    await room.settle()
    expect(writer.saved.map((v) => Y.decodeStateVector(v).get(doc.clientID))).toEqual([1])
    expect(writer.frames).toEqual([])
    // Once each: the doc's apply of it is neither stored nor sent again.
    expect(statSync(log).size).toBe(logBefore + update.length + 8)
    expect(updatesIn(watcher.frames)).toHaveLength(1)
    room.destroy()
    await store.close()
    expect(await storedCards(dir)).toEqual(['Sprachkurse am Abend'])
  })

  it('stores and sends what the server writes while it applies a card sent ahead, after that card and its sync, and every write after it', async () => {
    const steps: string[] = []
    const { room, store, dir } = await openRoom((real) => ({
      ...real,
      appendNow: (name, updates) => {
        const sync = real.appendNow!(name, updates)
        return sync && (async () => {
          steps.push('card synced: start')
          await new Promise((resolve) => setTimeout(resolve, 30))
          await sync()
          steps.push('card synced: done')
        })
      },
      append: async (name, updates, written) => {
        steps.push(`batch of ${updates.length} written`)
        await real.append(name, updates, written)
      },
    }))
    const synced = Y.encodeStateAsUpdate(room.doc)
    const { watcher, writer, doc, update } = tableWithCard(room, 'Sprachkurse am Abend')
    // A server write inside the apply (as an observer of the doc could start one): its own transaction.
    const cards = room.doc.getMap<unknown>('cards')
    const note = () => {
      cards.unobserve(note)
      room.writeAsServer((d) => d.getMap<unknown>('cards').set('karte-0009', aCard({ id: 'karte-0009', text: 'Vom Server ergänzt' })), 'test')
    }
    cards.observe(note)
    const server = () => Y.decodeStateVector(Y.encodeStateVector(room.doc)).get(room.doc.clientID) ?? 0
    const serverBefore = server()
    steps.length = 0
    expect(room.applyFromPeer(update, writer.peer, ctx)).toBeNull()
    await room.settle()
    // One after the other, as in the file: the card's sync, then the server's write.
    expect(steps).toEqual(['card synced: start', 'card synced: done', 'batch of 1 written'])
    // "gespeichert" tells the writer of its card, not of the server's write stored only after it.
    expect(server()).toBeGreaterThan(serverBefore)
    expect(writer.saved.map((v) => [Y.decodeStateVector(v).get(doc.clientID), Y.decodeStateVector(v).get(room.doc.clientID) ?? 0])).toEqual([[1, serverBefore]])
    const before = Y.encodeStateVector(doc)
    putCard(doc, aCard({ id: 'karte-0002', text: 'Kinderbetreuung' }))
    expect(room.applyFromPeer(Y.encodeStateAsUpdate(doc, before), writer.peer, ctx)).toBeNull()
    await room.settle()
    const texts = ['Sprachkurse am Abend', 'Vom Server ergänzt', 'Kinderbetreuung']
    
    expect(cardsFrom(watcher.frames, [synced]).map((c) => c.text).sort()).toEqual([...texts].sort())
    expect(updatesIn(watcher.frames)).toHaveLength(3)
    room.destroy()
    await store.close()
    expect((await storedCards(dir)).sort()).toEqual([...texts].sort())
  })

  it('when the sync fails, stores the card again and says "gespeichert" only then; nothing is lost', async () => {
    let failures = 1
    const { room, store, dir } = await openRoom((real) => ({
      ...real,
      appendNow: (name, updates) => {
        const sync = real.appendNow!(name, updates)
        return sync && (async () => {
          await sync()
          if (failures-- > 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
        })
      },
    }))
    const { watcher, writer, update } = tableWithCard(room, 'Kinderbetreuung während der Kurse')
    expect(room.applyFromPeer(update, writer.peer, ctx)).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(room.storageError?.message).toBe('no space left on device')
    expect(writer.saved).toEqual([])
    await room.settle()
    expect(room.storageError).toBeNull()
    expect(writer.saved).toHaveLength(1)
    // The other phones got it once: the retry only stores it.
    expect(cardsFrom(watcher.frames).map((c) => c.text)).toEqual(['Kinderbetreuung während der Kurse'])
    expect(updatesIn(watcher.frames)).toHaveLength(1)
    room.destroy()
    await store.close()
    expect(await storedCards(dir)).toEqual(['Kinderbetreuung während der Kurse'])
  })

  it('never shows the other phones a write the server corrects, not even for a moment (a participant pinning their own card)', async () => {
    const { room, store } = await openRoom()
    const synced = Y.encodeStateAsUpdate(room.doc)
    const { watcher, writer, doc, update } = tableWithCard(room, 'Sprachkurse am Abend')
    expect(room.applyFromPeer(update, writer.peer, ctx)).toBeNull()
    await room.settle()
    const own = doc.getMap<Record<string, unknown>>('cards').get('karte-0001')!
    const before = Y.encodeStateVector(doc)
    putCard(doc, aCard({ ...own, id: 'karte-0001', text: 'Sprachkurse am Abend', pinned: true }))
    expect(room.applyFromPeer(Y.encodeStateAsUpdate(doc, before), writer.peer, ctx)).toBeNull()
    await room.settle()
    // Every state the watcher's board passed through: the card never pinned.
    const shown = new Y.Doc()
    Y.applyUpdate(shown, synced)
    const states: unknown[] = []
    for (const u of updatesIn(watcher.frames)) {
      Y.applyUpdate(shown, u)
      states.push(shown.getMap<{ pinned?: boolean }>('cards').get('karte-0001')?.pinned)
    }
    expect(states).toEqual([undefined, undefined])
    expect(room.doc.getMap<{ pinned?: boolean }>('cards').get('karte-0001')?.pinned).toBeUndefined()
    room.destroy()
    await store.close()
  })

  it('sends a first write under a new client id with its binding, never alone', async () => {
    const { room, store } = await openRoom()
    const synced = Y.encodeStateAsUpdate(room.doc)
    const { watcher, writer, update } = tableWithCard(room, 'Sprachkurse am Abend')
    const outcome = receiveUpdate(room, update, {
      peer: writer.peer,
      actor: ctx.actor,
      kind: boardKind,
      scope: ctx.scope,
      roots: clientRoots(boardKind),
      situation: ctx.situation,
      now: ctx.now,
      admitNewRecords: undefined,
    })
    expect(outcome).toEqual({ type: 'taken' })
    await room.settle()
    const sent = updatesIn(watcher.frames)
    expect(sent).toHaveLength(1)
    const shown = new Y.Doc()
    Y.applyUpdate(shown, synced)
    Y.applyUpdate(shown, sent[0]!)
    expect([...shown.getMap('cards').keys()]).toEqual(['karte-0001'])
    expect([...shown.getMap(WRITERS_ROOT).values()]).toEqual([writerKeyOf(ctx.actor)])
    room.destroy()
    await store.close()
  })

  it('never passes on an item the doc has already with other content (a repeat Yjs skips)', async () => {
    const { room, store } = await openRoom()
    const watcher = phone('watcher')
    room.peers.add(watcher.peer)
    // What the watcher got when it connected (sync step 2).
    const synced = Y.encodeStateAsUpdate(room.doc)
    const honest = new Y.Doc()
    putCard(honest, aCard({ id: 'karte-0001', text: 'Sprachkurse am Abend' }))
    expect(room.applyFromPeer(Y.encodeStateAsUpdate(honest), phone('writer').peer, ctx)).toBeNull()
    await room.settle()
    // The same client id and clock, other content, sent along with a real new card.
    const forged = new Y.Doc()
    forged.clientID = honest.clientID
    putCard(forged, aCard({ id: 'karte-0001', text: 'Gefälschter Text' }))
    putCard(honest, aCard({ id: 'karte-0002', text: 'Kinderbetreuung' }))
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(forged), Y.encodeStateAsUpdate(honest, Y.encodeStateVector(room.doc))])
    const had = [synced, ...updatesIn(watcher.frames.splice(0))]
    expect(room.applyFromPeer(update, phone('writer').peer, ctx)).toBeNull()
    await room.settle()
    // A phone that had the first card shows both; one that had nothing yet (just connected) never the forged text.
    expect(cardsFrom(watcher.frames, had).map((c) => c.text)).toEqual(['Sprachkurse am Abend', 'Kinderbetreuung'])
    expect(cardsFrom(watcher.frames).map((c) => c.text)).not.toContain('Gefälschter Text')
    expect(room.doc.getMap<{ text: string }>('cards').get('karte-0001')?.text).toBe('Sprachkurse am Abend')
    room.destroy()
    await store.close()
  })
})
