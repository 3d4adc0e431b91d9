import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, BoardCloseCode, boardDoc } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { createEvent, join } from './helpers/api.js'
import { type BoardClient, connectBoard } from './helpers/board-client.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { advanceRounds } from './helpers/rounds.js'
import { tempDataDir } from './helpers/temp-dir.js'
import { sleep, waitFor } from './helpers/wait.js'

describe('board sync between phones and the projector', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const clients: BoardClient[] = []
  const TABLE = 'arbeitsmarktintegration'
  const OTHER_TABLE = 'digitalisierung'

  /** A phone that joined with the event's code and opened a table's board; it writes as itself. */
  const phoneAt = async (tableId: string) => {
    const { token, participantId } = await join(running.url, cafe.joinCode)
    const client = connectBoard(running.url, cafe.event.id, tableId, token)
    clients.push(client)
    await client.synced()
    return Object.assign(client, { card: (overrides: Parameters<typeof aCard>[0]) => aCard({ ...overrides, authorId: participantId }) })
  }
  const projectorAt = async (tableId: string) => {
    const client = connectBoard(running.url, cafe.event.id, tableId, cafe.projectorToken)
    clients.push(client)
    await client.synced()
    return client
  }

  beforeAll(async () => {
    data = await tempDataDir('sync')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Regionalkonferenz Winnenden', tableNames: ['Arbeitsmarktintegration', 'Digitalisierung'] })
    // The facilitator starts the day: Station 1 is open for writing.
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  it('shows a card written on one phone on the other phone and the projector at the same table', async () => {
    const anna = await phoneAt(TABLE)
    const ben = await phoneAt(TABLE)
    const projector = await projectorAt(TABLE)

    anna.put(anna.card({ id: 'anna-card-1', text: 'Sprachkurse mit Kinderbetreuung' }))
    await ben.waitForCard('anna-card-1')
    await projector.waitForCard('anna-card-1')

    ben.put(ben.card({ id: 'ben-card-01', text: 'Praktika über Ehrenamtliche', columnId: 'hakt-es' }))
    await anna.waitForCard('ben-card-01')
    await projector.waitForCard('ben-card-01')

    const texts = (c: BoardClient) => c.cards().map((card) => card.text).sort()
    const expected = ['Praktika über Ehrenamtliche', 'Sprachkurse mit Kinderbetreuung']
    expect({ anna: texts(anna), ben: texts(ben), projector: texts(projector) }).toEqual({ anna: expected, ben: expected, projector: expected })
  })

  it('shows the board so far to a phone that arrives later', async () => {
    const early = await phoneAt(TABLE)
    early.put(early.card({ id: 'early-card-1', text: 'Wohnraum fehlt' }))
    await early.saved()
    const late = await phoneAt(TABLE)
    expect(late.cards().map((c) => c.text)).toContain('Wohnraum fehlt')
  })

  it('keeps a card at its own table: a phone and a projector at another table never see it', async () => {
    const here = await phoneAt(TABLE)
    const elsewhere = await phoneAt(OTHER_TABLE)
    const otherProjector = await projectorAt(OTHER_TABLE)

    here.put(here.card({ id: 'only-here-1', text: 'Nur am Tisch Arbeitsmarkt' }))
    await here.saved()
    // A card at the other table travels the same way; once it arrived, a leak would have too.
    elsewhere.put(elsewhere.card({ id: 'only-there-1', text: 'Nur am Tisch Digitalisierung' }))
    await otherProjector.waitForCard('only-there-1')
    await sleep(200)

    expect(elsewhere.cards().map((c) => c.id)).not.toContain('only-here-1')
    expect(otherProjector.cards().map((c) => c.id)).not.toContain('only-here-1')
    const fresh = await phoneAt(OTHER_TABLE)
    expect(fresh.cards().map((c) => c.text)).toEqual(['Nur am Tisch Digitalisierung'])
  })

  it('shows a card its author deleted as gone on every screen at the table', async () => {
    const writer = await phoneAt(TABLE)
    const projector = await projectorAt(TABLE)
    writer.put(writer.card({ id: 'to-delete-1', text: 'Wird gelöscht' }))
    await projector.waitForCard('to-delete-1')
    writer.doc.transact(() => boardDoc(writer.doc).cards.delete('to-delete-1'))
    await waitFor(() => !projector.cards().some((c) => c.id === 'to-delete-1'), 'the card to disappear from the projector')
    await writer.saved()
  })

  it('closes a phone that writes a card record breaking the card rules, and no other screen shows it', async () => {
    const writer = await phoneAt(TABLE)
    const projector = await projectorAt(TABLE)
    // A modified phone writes a record with an empty text straight into the doc.
    writer.doc.transact(() => boardDoc(writer.doc).cards.set('broken-card-1', { ...writer.card({ id: 'broken-card-1' }), text: '' }))
    await waitFor(() => writer.closeCodes.length > 0, 'the server to close the writer')
    expect(writer.closeCodes).toEqual([BoardCloseCode.INVALID_MESSAGE])
    const later = await phoneAt(TABLE)
    expect(boardDoc(later.doc).cards.has('broken-card-1')).toBe(false)
    expect(boardDoc(projector.doc).cards.has('broken-card-1')).toBe(false)
  })
})
