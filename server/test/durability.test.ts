import { appendFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CreateEventResponse, boardDocName } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { createEvent, join } from './helpers/api.js'
import { type BoardClient, connectBoard } from './helpers/board-client.js'
import { type ChildServer, killAllChildren, startChildServer } from './helpers/child-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

const TABLES = ['Arbeitsmarktintegration', 'Digitalisierung']

/** Cards by table id, as the test expects the server to hold them. */
type Expected = Map<string, Map<string, string>>

describe('cards the server acknowledged survive crashes and restarts', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse
  let participant: { token: string; participantId: string }
  const clients: BoardClient[] = []

  beforeEach(async () => {
    data = await tempDataDir('durability')
    child = await startChildServer(data.dir)
    cafe = await createEvent(child.url, { title: 'Dauerhaftigkeit', tableNames: TABLES })
    participant = await join(child.url, cafe.joinCode)
    // Station 1 is open: participants write (the round state is stored and survives restarts).
    await advanceRounds(child.url, cafe.facilitatorToken)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await killAllChildren()
    await data?.remove()
  })
  afterAll(killAllChildren)

  const tableIds = () => cafe.event.tables.map((t) => t.id)

  const writerAt = async (tableId: string) => {
    const client = connectBoard(child.url, cafe.event.id, tableId, participant.token)
    clients.push(client)
    await client.synced()
    return client
  }

  /** Reads every board through a projector (read-only: the check cannot write anything back). */
  async function boardsOnServer(): Promise<Map<string, { id: string; text: string }[]>> {
    const result = new Map<string, { id: string; text: string }[]>()
    for (const tableId of tableIds()) {
      const projector = connectBoard(child.url, cafe.event.id, tableId, cafe.projectorToken)
      try {
        await projector.synced()
        result.set(tableId, projector.cards().map((c) => ({ id: c.id, text: c.text })))
      } finally {
        projector.destroy()
      }
    }
    return result
  }

  /** Every acknowledged card is there exactly once; nothing is there that no one wrote. */
  async function expectBoardsToHold(acked: Expected, inFlight: Expected, when: string) {
    const boards = await boardsOnServer()
    for (const tableId of tableIds()) {
      const cards = boards.get(tableId) ?? []
      const texts = cards.map((c) => c.text)
      const missing = [...(acked.get(tableId)?.values() ?? [])].filter((text) => !texts.includes(text))
      const duplicated = texts.filter((t, i) => texts.indexOf(t) !== i)
      const known = new Set([...(acked.get(tableId)?.keys() ?? []), ...(inFlight.get(tableId)?.keys() ?? [])])
      const foreign = cards.filter((c) => !known.has(c.id)).map((c) => c.text)
      expect({ when, tableId, missing, duplicated, foreign }).toEqual({ when, tableId, missing: [], duplicated: [], foreign: [] })
    }
  }

  const remember = (into: Expected, tableId: string, id: string, text: string) => {
    if (!into.has(tableId)) into.set(tableId, new Map())
    into.get(tableId)!.set(id, text)
  }

  /** Writes `n` cards: the first half one transaction each, the rest in one transaction (as a paste would). */
  function writeCards(client: BoardClient, tableId: string, cycle: number, label: string, n: number) {
    const cards = Array.from({ length: n }, (_, i) =>
      aCard({
        id: `c${cycle}-${label}-${tableId.slice(0, 6)}-${i}`,
        text: `Zyklus ${cycle} ${label} ${tableId} Nr. ${i}`,
        position: cycle * 100 + i,
        authorId: participant.participantId,
      }),
    )
    const half = Math.ceil(n / 2)
    for (const card of cards.slice(0, half)) client.put(card)
    client.doc.transact(() => {
      for (const card of cards.slice(half)) client.put(card)
    })
    return cards.map((c) => ({ id: c.id, text: c.text }))
  }

  it('keeps every acknowledged card, exactly once, over five kill -9 crashes and restarts', async () => {
    const acked: Expected = new Map()
    const inFlight: Expected = new Map()
    for (let cycle = 0; cycle < 5; cycle++) {
      await expectBoardsToHold(acked, inFlight, `before cycle ${cycle}`)
      const writers = await Promise.all(tableIds().map((t) => writerAt(t)))
      for (const [i, writer] of writers.entries()) {
        const tableId = tableIds()[i]!
        for (const w of writeCards(writer, tableId, cycle, 'acked', 4)) remember(acked, tableId, w.id, w.text)
      }
      await Promise.all(writers.map((w) => w.saved(5000)))
      // More cards still on their way when the power goes.
      for (const [i, writer] of writers.entries()) {
        const tableId = tableIds()[i]!
        for (const w of writeCards(writer, tableId, cycle, 'inflight', 3)) remember(inFlight, tableId, w.id, w.text)
      }
      const exit = await child.stop('SIGKILL')
      expect(exit.signal).toBe('SIGKILL')
      for (const w of clients.splice(0)) w.destroy()
      child = await startChildServer(data.dir)
    }
    await expectBoardsToHold(acked, inFlight, 'after the last restart')
    // The credentials issued before the crashes still open the event.
    const phone = await writerAt(tableIds()[0]!)
    expect(phone.cards().length).toBeGreaterThanOrEqual(5 * 4)
  })

  it('keeps every card the server already passed on when it is stopped gracefully, five times', async () => {
    const expected: Expected = new Map()
    for (let cycle = 0; cycle < 5; cycle++) {
      await expectBoardsToHold(expected, new Map(), `before cycle ${cycle}`)
      const tableId = tableIds()[cycle % 2]!
      const writer = await writerAt(tableId)
      const watcher = connectBoard(child.url, cafe.event.id, tableId, cafe.projectorToken)
      clients.push(watcher)
      await watcher.synced()
      const written = writeCards(writer, tableId, cycle, 'graceful', 5)
      for (const w of written) remember(expected, tableId, w.id, w.text)
      // Not waiting for "saved": the projector showing the cards means the server applied them.
      await waitFor(() => written.every((w) => watcher.cards().some((c) => c.id === w.id)), 'the projector to show every new card')
      const exit = await child.stop('SIGTERM')
      expect(exit).toEqual({ code: 0, signal: null })
      for (const c of clients.splice(0)) c.destroy()
      child = await startChildServer(data.dir)
    }
    await expectBoardsToHold(expected, new Map(), 'after the last restart')
  })

  it('cuts off a torn last log frame at restart, keeps a copy of the log, and keeps every acknowledged card', async () => {
    const acked: Expected = new Map()
    const tableId = tableIds()[0]!
    const writer = await writerAt(tableId)
    for (const w of writeCards(writer, tableId, 0, 'before-tear', 6)) remember(acked, tableId, w.id, w.text)
    await writer.saved()
    await child.stop('SIGKILL')
    for (const c of clients.splice(0)) c.destroy()

    // A crash in the middle of an append: a header promising 500 bytes, then only a few of them.
    const boardsDir = path.join(data.dir, 'boards')
    const wal = path.join(boardsDir, `${boardDocName(cafe.event.id, tableId)}.ywal`)
    const header = Buffer.alloc(8)
    header.writeUInt32LE(500, 0)
    header.writeUInt32LE(0xdeadbeef, 4)
    await appendFile(wal, Buffer.concat([header, Buffer.from('halb geschrieben')]))

    child = await startChildServer(data.dir)
    await expectBoardsToHold(acked, new Map(), 'after the torn frame')
    const copies = (await readdir(boardsDir)).filter((f) => f.startsWith(`${boardDocName(cafe.event.id, tableId)}.ywal.damaged-`))
    expect(copies).toHaveLength(1)

    // Writing goes on after the repair, and survives the next crash.
    const again = await writerAt(tableId)
    for (const w of writeCards(again, tableId, 1, 'after-tear', 2)) remember(acked, tableId, w.id, w.text)
    await again.saved()
    await child.stop('SIGKILL')
    for (const c of clients.splice(0)) c.destroy()
    child = await startChildServer(data.dir)
    await expectBoardsToHold(acked, new Map(), 'after the crash following the repair')
  })
})
