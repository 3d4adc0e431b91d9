import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Card, type CreateEventResponse, editCard } from '@tischrunde/shared'
import { createEvent } from './helpers/api.js'
import { connectBoard, connectPhone } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { waitFor } from './helpers/wait.js'

/** The server corrects a card's place and time; a person's quick edit must never lose to that correction. */
describe('a card the server places, edited at once by its author', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('card-order')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Reihenfolge', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('keeps the edit, placed and timed by the server, with no second version beside it (ten phones)', async () => {
    const table = cafe.event.tables[0]!.id
    for (let i = 0; i < 10; i++) {
      const phone = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
      try {
        await phone.synced()
        const id = `quick-edit-${i}`
        // A time far outside the window: the server will correct it.
        phone.put({ ...phone.card({ id, text: 'Erste Fassung' }), createdAt: 5, position: -1 } as Card)
        await new Promise((resolve) => setTimeout(resolve, 0))
        editCard(phone.doc, id, { text: 'Zweite Fassung' })
        await phone.saved()
        const reader = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
        try {
          await reader.synced()
          const card = await waitFor(() => {
            const c = reader.cards().find((x) => x.id === id)
            return c && c.createdAt > 5 ? c : undefined
          }, 'the corrected card')
          expect({ text: card.text, alternatives: card.alternatives ?? [] }).toEqual({ text: 'Zweite Fassung', alternatives: [] })
          expect(card.position).toBeGreaterThan(0)
        } finally {
          reader.destroy()
        }
      } finally {
        phone.destroy()
      }
    }
  })

  it('never stores a card in a column its station does not have (the phone is closed), and puts a card placed far below the last right below it', async () => {
    const table = cafe.event.tables[0]!.id
    const reader = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    const stray = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    const honest = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    try {
      await Promise.all([reader.synced(), stray.synced(), honest.synced()])
      // A column of Station 3 under Station 1, then one that no station has.
      stray.put(stray.card({ id: 'stray-col-01', stationId: 'station-1', columnId: 'wer-hilft', text: 'Unsichtbar' }))
      await waitFor(() => stray.closeCodes.length > 0, 'the stray phone to be closed')
      const other = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
      await other.synced()
      other.put(other.card({ id: 'stray-col-02', stationId: 'station-1', columnId: 'gibt-es-nicht', text: 'Auch unsichtbar' }))
      await waitFor(() => other.closeCodes.length > 0, 'the second stray phone to be closed')
      other.destroy()

      honest.put(honest.card({ id: 'far-below-1', stationId: 'station-1', columnId: 'hakt-es', text: 'Ganz unten', position: Number.MAX_VALUE }))
      await honest.saved()
      honest.put(honest.card({ id: 'next-below-1', stationId: 'station-1', columnId: 'hakt-es', text: 'Darunter', position: 0 }))
      await honest.saved()
      const [far, next] = await Promise.all([reader.waitForCard('far-below-1'), reader.waitForCard('next-below-1')])
      await waitFor(() => reader.cards().find((c) => c.id === 'far-below-1')!.position < 1e6, 'the far card placed right below the last')
      expect(next.position).toBeGreaterThan(reader.cards().find((c) => c.id === 'far-below-1')!.position)
      expect(far.text).toBe('Ganz unten')
      expect(reader.cards().filter((c) => c.id.startsWith('stray-col'))).toEqual([])
      expect(honest.closeCodes).toEqual([])
    } finally {
      reader.destroy()
      stray.destroy()
      honest.destroy()
    }
  })

  it('shows the cards a phone typed offline in the order they were typed, after a card someone wrote meanwhile', async () => {
    const table = cafe.event.tables[0]!.id
    const reader = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    const offline = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    const other = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    try {
      await Promise.all([reader.synced(), offline.synced(), other.synced()])
      const column = { stationId: 'station-1', columnId: 'laeuft-gut' }
      offline.provider.disconnect()
      other.put(other.card({ id: 'meanwhile-01', ...column, text: 'Inzwischen', position: 1 }))
      await other.saved()
      for (const [i, text] of ['Erstens', 'Zweitens', 'Drittens'].entries()) offline.put(offline.card({ id: `offline-0${i}`, ...column, text, position: 1 + i, createdAt: Date.now() + i }))
      offline.provider.connect()
      await offline.saved()
      await reader.waitForCard('offline-02')
      const texts = () => reader.cards().filter((c) => c.columnId === column.columnId && ['meanwhile', 'offline'].some((p) => c.id.startsWith(p))).map((c) => c.text)
      await waitFor(() => texts().join() === 'Inzwischen,Erstens,Zweitens,Drittens', `the offline cards in order after the other one (now ${texts().join()})`)
    } finally {
      reader.destroy()
      offline.destroy()
      other.destroy()
    }
  })
})
