import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { type CreateEventResponse, boardCloseCode } from '@tischrunde/shared'
import { NEW_ANSWERS_BURST } from '../src/boards/room-paces.js'
import { connectPhone } from './helpers/board-client.js'
import { type CarriedPhone, carriedPhone } from './helpers/carried-phone.js'
import { createEvent, join } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/** Sync step 1 with a state vector made up by hand. */
function step1(vector: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(vector))
  return encoding.toUint8Array(encoder)
}

/** The sync step 2 answers a raw socket gets, in order. */
function answersOf(phone: CarriedPhone): Uint8Array[] {
  const answers: Uint8Array[] = []
  phone.ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return
    answers.push(decoding.readVarUint8Array(decoder))
  })
  return answers
}

describe('sync answers a participant asks for', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let writerClient = 0
  let writerClock = 0

  beforeAll(async () => {
    data = await tempDataDir('sync-answers-paced')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café mit vollem Tisch', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    const writer = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    await writer.synced()
    for (let i = 0; i < 12; i++) writer.put(writer.card({ id: `volle-karte-${String(i).padStart(2, "0")}`, text: `Karte ${i}` }))
    await writer.saved()
    writerClient = writer.doc.clientID
    writerClock = Y.getState(writer.doc.store, writerClient)
    writer.destroy()
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('share one answer for vectors that ask for the same, however they are made up: the socket stays open', async () => {
    const phone = await carriedPhone(running.url, cafe.event.id, 'sprache', (await join(running.url, cafe.joinCode)).token, null)
    const answers = answersOf(phone)
    const asked = NEW_ANSWERS_BURST * 3
    // Clients the board never saw: each asks for the whole board.
    for (let i = 0; i < asked; i++) phone.raw(step1(new Map([[1_000 + i, i + 1]])))
    await waitFor(() => answers.length === asked || undefined, 'every answer')
    expect(new Set(answers.map((a) => Buffer.from(a).toString('base64'))).size).toBe(1)
    expect(Y.getState(docOf(answers[0]!).store, writerClient)).toBe(writerClock)
    expect(phone.ws.readyState).toBe(phone.ws.OPEN)
    phone.close()
  })

  it(`closes a participant's socket that asks for more than ${NEW_ANSWERS_BURST} new encodings of the board at once`, async () => {
    const phone = await carriedPhone(running.url, cafe.event.id, 'sprache', (await join(running.url, cafe.joinCode)).token, null)
    const answers = answersOf(phone)
    // Each vector a different part of the board: each answer a new encoding.
    for (let i = 1; i <= NEW_ANSWERS_BURST + 5; i++) phone.raw(step1(new Map([[writerClient, i]])))
    expect((await phone.closed()).code).toBe(boardCloseCode('TOO_MANY_MESSAGES'))
    expect(answers.length).toBe(NEW_ANSWERS_BURST)
    // Another participant still gets the board.
    const other = await connectPhone(running.url, cafe.event.id, 'sprache', cafe.joinCode)
    await other.synced()
    expect(other.cards()).toHaveLength(12)
    other.destroy()
  })
})

const docOf = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}
