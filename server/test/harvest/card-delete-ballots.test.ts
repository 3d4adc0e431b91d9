import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type CreateEventResponse, ballotKey, boardDoc } from '@tischrunde/shared'
import { connectBoard } from '../helpers/board-client.js'
import { createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { ballotIndexReady, ballots, voteSteps } from '../../src/harvest/vote-service.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

/**
 * A card deleted during a vote gives its dots back by reading the ballots that hold it, not every
 * ballot of the event; the lookup is stored, so it still finds them after a restart.
 */
describe('a deleted card’s dots go back through a lookup of the ballots that hold it', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const open: VoteSocket[] = []

  beforeAll(async () => {
    data = await tempDataDir('card-delete-ballots')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Punkte zurück', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await running?.close()
    await data?.remove()
  })

  it('reads only the ballots with a dot on the deleted card, also after a restart', async () => {
    const eventId = cafe.event.id
    const table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    const where = { stationId: station.id, columnId: station.columns[0]!.id }
    const cards = await writeCards(running.url, eventId, table, cafe.facilitatorToken, where, ['Sprachkurse', 'Mentoring', 'Jobmesse', 'Lotsen'])
    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    open.push(facilitator)
    const step = (await facilitator.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: where.stationId }, budget: 2, perCardMax: 1 } })) as { data: { stepId: string } }
    const stepId = step.data.stepId
    // Eight voters on "Mentoring"; two of them also on "Jobmesse", one also on "Lotsen".
    const voters: VoteSocket[] = []
    for (let i = 0; i < 8; i++) {
      const v = await voteSocket(running.url, (await join(running.url, cafe.joinCode)).token)
      open.push(v)
      voters.push(v)
      expect(await v.send('vote:cast', { stepId, tableId: table, cardId: cards[1], delta: 1 })).toMatchObject({ ok: true })
    }
    for (const v of voters.slice(0, 2)) expect(await v.send('vote:cast', { stepId, tableId: table, cardId: cards[2], delta: 1 })).toMatchObject({ ok: true })
    expect(await voters[2]!.send('vote:cast', { stepId, tableId: table, cardId: cards[3], delta: 1 })).toMatchObject({ ok: true })

    const deleteCard = async (url: string, cardId: string) => {
      const board = connectBoard(url, eventId, table, cafe.facilitatorToken)
      await board.synced()
      board.doc.transact(() => boardDoc(board.doc).cards.delete(cardId))
      await board.saved()
      board.destroy()
    }
    const ballotReads = (store: RunningServer['server']['storage']['events']) => {
      const get = vi.spyOn(store, 'getRecord')
      return {
        /** The ballots read one by one (the tallies the screens get read the step's list, not these). */
        read: () => new Set(get.mock.calls.filter((c) => c[1] === ballots).map((c) => c[2])),
        stop: () => get.mockRestore(),
      }
    }

    const reads = ballotReads(running.server.storage.events)
    await deleteCard(running.url, cards[2]!)
    await waitFor(async () => (await running.server.votes.tally(eventId, stepId)).counts.every((c) => c.cardId !== cards[2]), 'the deleted card’s dots gone from the tally')
    expect(reads.read().size).toBe(2)
    reads.stop()
    // The two voters have their dot back: one more each.
    expect(await voters[0]!.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: 1 })).toMatchObject({ ok: true, data: { left: 0 } })

    // After a restart the lookup is still there.
    await running.close()
    running = await startServer(data.dir)
    const again = ballotReads(running.server.storage.events)
    await deleteCard(running.url, cards[3]!)
    await waitFor(async () => (await running.server.votes.tally(eventId, stepId)).counts.every((c) => c.cardId !== cards[3]), 'the second deleted card’s dots gone')
    expect(again.read().size).toBe(1)
    again.stop()
  })
  it('finds the ballots of an event voted on before the lookup was kept (its first lookup reads them all, once)', async () => {
    const older = await createEvent(running.url, { title: 'Abgestimmt vor dem Index', tableNames: ['Sprache'] })
    const eventId = older.event.id
    const table = older.event.tables[0]!.id
    const station = older.event.template.stations[0]!
    const [card] = await writeCards(running.url, eventId, table, older.facilitatorToken, { stationId: station.id, columnId: station.columns[0]!.id }, ['Mehr Sprachkurse'])
    // As an older server stored them: a step and a ballot, no index.
    const store = running.server.storage.events
    const stepId = 'schritt-vor-dem-index'
    await store.putRecord(eventId, voteSteps, stepId, { id: stepId, question: 'Was zuerst?', scope: { stationId: station.id }, budget: 1, perCardMax: 1, status: 'open', onProjector: false, openedAt: Date.now() }, null)
    await store.putRecord(eventId, ballots, ballotKey(stepId, 'teilnehmerin-alt-1'), { stepId, dots: [{ tableId: table, cardId: card!, count: 1 }] }, null)
    expect(await store.getRecord(eventId, ballotIndexReady, 'ballots-by-card')).toBeUndefined()

    const board = connectBoard(running.url, eventId, table, older.facilitatorToken)
    await board.synced()
    board.doc.transact(() => boardDoc(board.doc).cards.delete(card!))
    await board.saved()
    board.destroy()
    await waitFor(async () => (await store.getRecord(eventId, ballots, ballotKey(stepId, 'teilnehmerin-alt-1')))?.value.dots.length === 0, 'the older ballot’s dot back')
    expect(await store.getRecord(eventId, ballotIndexReady, 'ballots-by-card')).toBeDefined()
  })
})
