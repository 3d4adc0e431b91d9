/**
 * The card path in one process, without sockets or a kernel: the process CPU one card costs in a
 * Tischrunde doc room (the byte check, access, writers, the write gate with the board's rules, the
 * log write and its sync, the fan-out to `watchers` peers whose `send` does nothing) against the
 * stock server's work for the same update (Yjs applies it, the update message is encoded once and
 * handed to as many connections). Each repetition writes `cards` new cards, 100 per author (each
 * author a Yjs client of its own), into a fresh room and a fresh doc. Needs `npm run build`.
 *
 * Figures in µs per card, mean of the repetition; the first repetition includes V8 compiling the path.
 * On a disk, cards back to back keep the loop busy, so their syncs go to the thread pool (see
 * `server/src/storage/disk-sync.ts`), which costs more than on a quiet board. `DIR=/dev/shm` leaves
 * the disk out; `node --jitless` shows the interpreter's cost alone
 * (what a path that runs a few times a second costs before V8 optimises it). `CORRECTED=1` writes
 * cards typed 13 hours ago, whose time the server corrects: a follow-up write after each card.
 * @example node bench/probes/card-path.mjs 1000 90
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import console from 'node:console'
import process from 'node:process'
import * as encoding from 'lib0/encoding'
import pino from 'pino'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { INITIAL_ROUND_STATE, boardKind, clientRoots, putCard } from '@tischrunde/shared'
import { aCard, anEvent } from '@tischrunde/fixtures'
import { DocRoom } from '../../server/dist/boards/doc-room.js'
import { receiveUpdate } from '../../server/dist/boards/receive-update.js'
import { openFileBoardStore } from '../../server/dist/storage/file-board-store.js'

const CARDS = Number(process.argv[2] ?? 1000)
const WATCHERS = Number(process.argv[3] ?? 90)
const REPETITIONS = Number(process.env.REPS ?? 3)
const CARDS_PER_AUTHOR = 100
/** Cards typed offline long ago: the server sets their time to its own (outside CARD_TIME_WINDOW). */
const TYPED_AGO_MS = process.env.CORRECTED === '1' ? 13 * 60 * 60_000 : 0

const event = anEvent()
const scope = { kind: 'board', eventId: event.id, parts: { tableId: 'tisch-1' } }
const situation = { event, round: { ...INITIAL_ROUND_STATE, phase: 'station', stationIndex: 0 } }
const authorOf = (i) => `participant-${Math.floor(i / CARDS_PER_AUTHOR)}`

/** The updates of `CARDS` new cards as phones send them: a Yjs client per author, times of now. */
function cardUpdates(repetition) {
  const out = []
  let doc
  for (let i = 0; i < CARDS; i++) {
    if (i % CARDS_PER_AUTHOR === 0) {
      doc = new Y.Doc()
      doc.clientID = repetition * 100_000 + i / CARDS_PER_AUTHOR + 1
      doc.on('update', (u) => out.push(u))
    }
    putCard(doc, aCard({ id: `karte-${repetition}-${i}`, text: `Patenschaften für Neuzugewanderte ${i}`, authorId: authorOf(i), position: i + 1, createdAt: Date.now() - TYPED_AGO_MS }))
  }
  return out
}

let sent = 0
const peer = (id) => ({ id, send: (m) => void (sent += m.length), saved: (v) => void (sent += v.length) })
const cpu = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

async function tischrunde(updates, dir) {
  const store = await openFileBoardStore(dir)
  const room = new DocRoom('board.probe.tisch-1', boardKind, store, pino({ level: 'silent' }))
  await room.load()
  await room.settle()
  for (let i = 0; i < WATCHERS; i++) room.peers.add(peer(`watcher-${i}`))
  const writer = peer('writer')
  room.peers.add(writer)
  const roots = clientRoots(boardKind)
  let used = 0
  let refused = 0
  for (const [i, update] of updates.entries()) {
    const actor = { type: 'event', eventId: event.id, role: 'participant', participantId: authorOf(i), tableId: null }
    const start = cpu()
    const outcome = receiveUpdate(room, update, { peer: writer, actor, kind: boardKind, scope, roots, situation, now: Date.now(), admitNewRecords: undefined })
    // One card at a time, as on a quiet board: its sync is done before the next arrives.
    await room.settle()
    used += cpu() - start
    if (outcome.type !== 'taken') refused++
  }
  const cards = room.doc.getMap('cards').size
  room.destroy?.()
  await store.close()
  return { used, refused, cards }
}

function reference(updates) {
  const doc = new Y.Doc()
  const connections = Array.from({ length: WATCHERS + 1 }, (_, i) => peer(`connection-${i}`))
  doc.on('update', (update) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    const message = encoding.toUint8Array(encoder)
    for (const c of connections) c.send(message)
  })
  let used = 0
  for (const update of updates) {
    const start = cpu()
    Y.applyUpdate(doc, update, 'peer')
    used += cpu() - start
  }
  return { used, cards: doc.getMap('cards').size }
}

const dir = mkdtempSync(path.join(process.env.DIR ?? tmpdir(), 'tischrunde-card-path-'))
try {
  console.log(`${CARDS} cards a repetition${TYPED_AGO_MS ? ' (times corrected by the server)' : ''}, ${WATCHERS} watchers, ${process.version}${process.execArgv.length ? ` ${process.execArgv.join(' ')}` : ''}, data in ${process.env.DIR ?? tmpdir()}`)
  for (let r = 0; r < REPETITIONS; r++) {
    const updates = cardUpdates(r)
    const ref = reference(updates)
    const roomDir = path.join(dir, String(r))
    mkdirSync(roomDir)
    const ours = await tischrunde(updates, roomDir)
    if (ours.refused > 0 || ours.cards !== CARDS || ref.cards !== CARDS) throw new Error(`repetition ${r}: ${ours.refused} refused, ${ours.cards} and ${ref.cards} cards stored`)
    const per = (us) => (us / CARDS).toFixed(1)
    console.log(`repetition ${r + 1}: Tischrunde ${per(ours.used)} µs per card, reference ${per(ref.used)} µs (${(ours.used / ref.used).toFixed(2)}×)`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
