import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ballotKey } from '@tischrunde/shared'
import { createEvent, join } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { ballots } from '../../src/harvest/vote-service.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

/** Votes follow moderation: a hidden card's dots go back to the voters, a restore brings them back, a merge carries them. */
describe('votes on cards a moderator hides, restores or merges', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: VoteSocket
  const open: VoteSocket[] = []
  let table = ''
  let where = { stationId: '', columnId: '' }

  const connect = async (token: string) => {
    const s = await voteSocket(running.url, token)
    open.push(s)
    return s
  }
  const openStep = async (budget: number, perCardMax = 1) => {
    const ack = await facilitator.send('vote:open', { setup: { question: 'Welche Maßnahmen zuerst?', scope: { stationId: where.stationId }, budget, perCardMax } })
    expect(ack).toMatchObject({ ok: true })
    return (ack as { data: { stepId: string } }).data.stepId
  }
  const countOf = async (stepId: string, cardId: string) => (await running.server.votes.tally(cafe.event.id, stepId)).counts.find((c) => c.cardId === cardId)?.count ?? 0
  const moderate = (cardId: string, action: string, intoCardId?: string) => facilitator.send('card:moderate', { tableId: table, cardId, action, ...(intoCardId ? { intoCardId } : {}) })

  beforeAll(async () => {
    data = await tempDataDir('moderation-votes')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Arbeitsmarktintegration'] })
    table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    where = { stationId: station.id, columnId: station.columns[0]!.id }
    facilitator = await connect(cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await running?.close()
    await data?.remove()
  })

  it('gives the dots on a hidden card back to the voter’s budget, drops the card from the tally, and brings them back on restore', async () => {
    const [hiddenCard, other] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Name und Adresse von Frau K.', 'Sprachkurse am Abend'], 'hide-')
    const stepId = await openStep(2)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: hiddenCard, delta: 1 })).toMatchObject({ ok: true, data: { left: 1 } })
    expect(await countOf(stepId, hiddenCard!)).toBe(1)

    expect(await moderate(hiddenCard!, 'hide')).toMatchObject({ ok: true })
    // The phone is told its ballot without the dot: both dots are free again.
    await waitFor(() => phone.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 0, 'the dot back on the phone')
    expect(await countOf(stepId, hiddenCard!)).toBe(0)
    await waitFor(() => facilitator.tallies.findLast((t) => t.stepId === stepId)?.counts.every((c) => c.cardId !== hiddenCard), 'the card out of the projector’s tally')
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: other, delta: 1 })).toMatchObject({ ok: true, data: { left: 1 } })
    // A dot on the hidden card itself is refused: it is not on the board.
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: hiddenCard, delta: 1 })).toMatchObject({ ok: false })

    // Restored: the parked dot returns, because the voter still has a dot free.
    expect(await moderate(hiddenCard!, 'restore')).toMatchObject({ ok: true })
    await waitFor(() => phone.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 2, 'the dot back on the restored card')
    expect(await countOf(stepId, hiddenCard!)).toBe(1)
    const stored = (await running.server.storage.events.getRecord(cafe.event.id, ballots, ballotKey(stepId, person.participantId)))!.value
    expect(stored.parked).toBeUndefined()
  })

  it('parks a dot whose card is hidden between the cast’s check and its write, instead of counting it on the hidden card', async () => {
    const [raced] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Karte im Wettlauf'], 'race-')
    const stepId = await openStep(2)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    // The store writes the ballot only after the moderator's hide (and its rewrite of the ballots) has run:
    // the cast checked the card while it was still on the board.
    const store = running.server.storage.events
    const put = store.putRecord.bind(store)
    let hid = false
    store.putRecord = (async (id: string, collection: unknown, key: string, value: unknown, version: number | null) => {
      if (collection === ballots && !hid) {
        hid = true
        expect(await moderate(raced!, 'hide')).toMatchObject({ ok: true })
      }
      return put(id, collection as typeof ballots, key, value as never, version)
    }) as typeof store.putRecord
    try {
      const cast = await phone.send('vote:cast', { stepId, tableId: table, cardId: raced, delta: 1 })
      expect(hid).toBe(true)
      // The dot went back to the budget, parked as every dot on a hidden card is, and counts nowhere.
      expect(cast).toMatchObject({ ok: true, data: { left: 2 } })
      expect(await countOf(stepId, raced!)).toBe(0)
      const stored = (await store.getRecord(cafe.event.id, ballots, ballotKey(stepId, person.participantId)))!.value
      expect(stored.dots).toEqual([])
      expect(stored.parked).toEqual([{ tableId: table, cardId: raced, count: 1 }])
    } finally {
      store.putRecord = put
    }
    // Restored, the dot comes back as for any hidden card.
    expect(await moderate(raced!, 'restore')).toMatchObject({ ok: true })
    expect(await countOf(stepId, raced!)).toBe(1)
  })

  it('does not give a restored card more dots than the voter has left', async () => {
    const [hiddenCard, a, b] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Doppelte Nennung', 'Mentoring', 'Jobmesse'], 'spent-')
    const stepId = await openStep(2)
    const phone = await connect((await join(running.url, cafe.joinCode)).token)
    for (const cardId of [hiddenCard, a]) expect(await phone.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 })).toMatchObject({ ok: true })
    expect(await moderate(hiddenCard!, 'hide')).toMatchObject({ ok: true })
    // The voter spends the returned dot elsewhere; the restore cannot give it back.
    await waitFor(async () => (await phone.send('vote:cast', { stepId, tableId: table, cardId: b, delta: 1 })).ok, 'the returned dot spent')
    expect(await moderate(hiddenCard!, 'restore')).toMatchObject({ ok: true })
    expect(await countOf(stepId, hiddenCard!)).toBe(0)
    expect((await running.server.votes.tally(cafe.event.id, stepId)).counts.reduce((n, c) => n + c.count, 0)).toBe(2)
  })

  it('carries the dots of a merged duplicate over to the card it went into', async () => {
    const [duplicate, kept] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Lotsen', 'Lotsenprojekt ausbauen'], 'merge-')
    const stepId = await openStep(3)
    const [p1, p2] = [await connect((await join(running.url, cafe.joinCode)).token), await connect((await join(running.url, cafe.joinCode)).token)]
    expect(await p1.send('vote:cast', { stepId, tableId: table, cardId: duplicate, delta: 1 })).toMatchObject({ ok: true })
    expect(await p2.send('vote:cast', { stepId, tableId: table, cardId: duplicate, delta: 1 })).toMatchObject({ ok: true })
    expect(await p2.send('vote:cast', { stepId, tableId: table, cardId: kept, delta: 1 })).toMatchObject({ ok: true })
    expect(await moderate(duplicate!, 'merge', kept)).toMatchObject({ ok: true })
    // p1's dot moves; p2 already had the one dot allowed per card there, so theirs goes back to the budget.
    expect(await countOf(stepId, kept!)).toBe(2)
    expect(await countOf(stepId, duplicate!)).toBe(0)
    await waitFor(() => p2.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 1, 'p2’s surplus dot back')
  })
})
