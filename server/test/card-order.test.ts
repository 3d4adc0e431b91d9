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
})
