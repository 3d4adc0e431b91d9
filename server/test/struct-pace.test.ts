import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BoardCloseCode, type CreateEventResponse, putCard } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/**
 * Editing one's own card adds a version to the doc for good. A person who sends versions as fast as
 * the socket carries them (hundreds per message, two cards alternating so Yjs merges nothing) would
 * grow the board for everyone: memory, the log, every phone's first sync. Versions are paced per person.
 */
describe('a person writing versions of their own cards without end', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('struct-pace')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Café der Fassungen', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('is closed as too fast once past a day’s worth at once; what was taken before stands, and others write on', async () => {
    const table = cafe.event.tables[0]!.id
    const phone = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    await phone.synced()
    phone.put(phone.card({ id: 'fassung-a', text: 'Fassung 0' }))
    phone.put(phone.card({ id: 'fassung-b', text: 'Fassung 0', position: 2 }))
    await phone.saved()
    // 300 versions a message (two cards alternating), message after message.
    const versions = (round: number) =>
      phone.doc.transact(() => {
        for (let i = 1; i <= 150; i++) for (const id of ['fassung-a', 'fassung-b']) putCard(phone.doc, phone.card({ id, text: `Fassung ${round}.${i}`, position: id === 'fassung-a' ? 1 : 2 }))
      })
    for (let round = 1; round <= 6 && phone.closeCodes.length === 0; round++) {
      versions(round)
      await waitFor(() => phone.isSaved() || phone.closeCodes.length > 0, `round ${round} taken or refused`)
    }
    expect(phone.closeCodes[0]).toBe(BoardCloseCode.RATE_LIMITED)
    phone.destroy()
    // What the server holds: the rounds before the refusal, not all six.
    const reader = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    await reader.synced()
    const text = reader.cards().find((c) => c.id === 'fassung-a')?.text
    expect(text).toMatch(/^Fassung [1-3]\.150$/)
    // Someone else writes on.
    const other = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    await other.synced()
    other.put(other.card({ id: 'andere-karte', text: 'Eine andere Karte', position: 3 }))
    await other.saved()
    other.destroy()
    reader.destroy()
  })
})
