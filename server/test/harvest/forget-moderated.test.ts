import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataHolds } from '../helpers/data-holds.js'
import { type CreateEventResponse, MODSTATE_COUNTS, ballotKey, collectDocName, countKey, moderationDocName, modstateDocName, ownDocName, readHeld } from '@tischrunde/shared'
import { api, join } from '../helpers/api.js'
import { createEvent } from '../helpers/api.js'
import { connectBoard, connectDoc, connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { ballots } from '../../src/harvest/vote-service.js'
import { type VoteSocket, voteSocket } from './vote-test-kit.js'

/**
 * "Meine Beiträge löschen" after moderation: the participant's hidden, waiting, refused, collected
 * and merged-away cards go too, with their votes, and no byte of their text stays on the disk.
 */
describe('"Meine Beiträge löschen" reaches moderated cards and votes', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const sockets: VoteSocket[] = []

  beforeAll(async () => {
    data = await tempDataDir('forget-moderated')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Beiträge nach der Sichtung', tableNames: ['Sprache', 'Arbeit'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const s of sockets) s.close()
    await running?.close()
    await data?.remove()
  })

  it('deletes every held copy of the participant’s cards, the duplicates merged into others’ cards, their ballots and the dots on their cards', async () => {
    const eventId = cafe.event.id
    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    sockets.push(facilitator)
    const anna = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    const bernd = await connectPhone(running.url, eventId, 'sprache', cafe.joinCode)
    await Promise.all([anna.synced(), bernd.synced()])
    const annasTexts = {
      hidden: 'Annas ausgeblendete Karte über Frau K.',
      merged: 'Annas doppelte Karte zu Lotsen',
      voted: 'Annas Karte mit Punkten',
      pending: 'Annas wartende Karte',
      refused: 'Annas abgelehnte Karte',
      collected: 'Annas gesammelte Karte',
      elsewhere: 'Annas ausgeblendete Karte am anderen Tisch',
    }
    const moderate = (cardId: string, action: string, intoCardId?: string) => facilitator.send('card:moderate', { tableId: 'sprache', cardId, action, ...(intoCardId ? { intoCardId } : {}) })

    // On the board: one card Anna's hidden, one merged into Bernd's, one Bernd puts a dot on.
    bernd.put(bernd.card({ id: 'bernd-lotsen', text: 'Bernds Lotsenprojekt bleibt', position: 1 }))
    anna.put(anna.card({ id: 'anna-hidden', text: annasTexts.hidden, position: 2 }))
    anna.put(anna.card({ id: 'anna-merged', text: annasTexts.merged, position: 3 }))
    anna.put(anna.card({ id: 'anna-voted', text: annasTexts.voted, position: 4 }))
    await Promise.all([anna.saved(), bernd.saved()])
    await bernd.waitForCard('anna-voted')
    expect(await moderate('anna-hidden', 'hide')).toEqual({ ok: true })
    expect(await moderate('anna-merged', 'merge', 'bernd-lotsen')).toEqual({ ok: true })
    await waitFor(() => bernd.cards().find((c) => c.id === 'bernd-lotsen')?.merged?.length === 1, 'the merged duplicate on Bernd’s card')
    // At the other table her only card is hidden: that board holds nothing of hers, its log still does.
    const annaAtWork = connectBoard(running.url, eventId, 'arbeit', anna.token)
    await annaAtWork.synced()
    annaAtWork.put(anna.card({ id: 'anna-elsewhere', text: annasTexts.elsewhere }))
    await annaAtWork.saved()
    expect(await facilitator.send('card:moderate', { tableId: 'arbeit', cardId: 'anna-elsewhere', action: 'hide' })).toEqual({ ok: true })
    annaAtWork.destroy()

    const step = await facilitator.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: 'station-1' }, budget: 3, perCardMax: 1 } })
    const stepId = (step as { data: { stepId: string } }).data.stepId
    const [annaVotes, berndVotes] = [await voteSocket(running.url, anna.token), await voteSocket(running.url, bernd.token)]
    sockets.push(annaVotes, berndVotes)
    expect(await berndVotes.send('vote:cast', { stepId, tableId: 'sprache', cardId: 'anna-voted', delta: 1 })).toMatchObject({ ok: true })
    expect(await annaVotes.send('vote:cast', { stepId, tableId: 'sprache', cardId: 'bernd-lotsen', delta: 1 })).toMatchObject({ ok: true })

    // Waiting for approval: one stays in the queue, one is refused (it goes to Anna's own doc).
    expect(await facilitator.send('station:moderation', { stationId: null, approval: true })).toEqual({ ok: true })
    anna.put(anna.card({ id: 'anna-pending', text: annasTexts.pending, position: 5 }))
    anna.put(anna.card({ id: 'anna-refused', text: annasTexts.refused, position: 6 }))
    await anna.saved()
    const queue = connectDoc(running.url, moderationDocName(eventId, 'sprache'), cafe.facilitatorToken)
    await queue.synced()
    await waitFor(() => readHeld(queue.doc).filter((h) => h.status === 'pending').length === 2, 'two cards in the queue')
    expect(await moderate('anna-refused', 'refuse')).toEqual({ ok: true })
    expect(await facilitator.send('station:moderation', { stationId: null, approval: false })).toEqual({ ok: true })

    // Collected before a reveal that has not come yet.
    expect(await facilitator.send('station:moderation', { stationId: 'station-1', collect: true })).toEqual({ ok: true })
    anna.put(anna.card({ id: 'anna-collected', text: annasTexts.collected, position: 7 }))
    await anna.saved()
    const state = connectDoc(running.url, modstateDocName(eventId), cafe.facilitatorToken)
    const annaOwn = connectDoc(running.url, ownDocName(eventId, 'sprache', anna.participantId), anna.token)
    await Promise.all([state.synced(), annaOwn.synced()])
    await waitFor(() => state.doc.getMap(MODSTATE_COUNTS).get(countKey('sprache', 'station-1')) === 1, 'the count of collected cards')
    await waitFor(() => readHeld(annaOwn.doc).map((h) => h.status).sort().join() === 'collected,hidden,pending,refused', 'Anna’s own hidden, waiting, refused and collected cards').catch((e: unknown) => { throw new Error(`${String(e)}: ${JSON.stringify(readHeld(annaOwn.doc).map((h) => [h.id, h.status]))}`) })
    await running.server.rooms.settle()
    for (const text of Object.values(annasTexts)) expect(await dataHolds(data.dir, text), text).toBe(true)

    const done = await api<{ removed: number }>(running.url, `/api/events/${eventId}/my-contributions`, { method: 'DELETE', token: anna.token })
    expect(done.status).toBe(200)
    // board: her card and the merge entry on Bernd's; moderation: hidden, merged away, waiting (and the one at the other table); collect: 1; own: hidden (at both tables), waiting, refused, collected
    expect(done.body.removed).toBe(12)

    // Bernd's card stays, without Anna's merged text; Anna's card with Bernd's dot is gone.
    await waitFor(() => bernd.cards().map((c) => c.id).join() === 'bernd-lotsen', 'only Bernd’s card on his board')
    expect(bernd.cards()[0]!.merged).toBeUndefined()
    await waitFor(() => readHeld(queue.doc).length === 0 && readHeld(annaOwn.doc).length === 0, 'the queue and Anna’s own doc empty')
    const collect = connectDoc(running.url, collectDocName(eventId, 'sprache'), cafe.facilitatorToken)
    await collect.synced()
    expect(readHeld(collect.doc)).toEqual([])
    await waitFor(() => (state.doc.getMap(MODSTATE_COUNTS).get(countKey('sprache', 'station-1')) ?? 0) === 0, 'the count of collected cards back to none')

    // Votes: Anna's ballot is empty; Bernd has his dot back, and the tally knows only what is left.
    const stored = async (participantId: string) => (await running.server.storage.events.getRecord(eventId, ballots, ballotKey(stepId, participantId)))?.value
    expect((await stored(anna.participantId))?.dots).toEqual([])
    expect((await stored(bernd.participantId))?.dots).toEqual([])
    expect((await running.server.votes.tally(eventId, stepId)).counts).toEqual([])
    await waitFor(() => berndVotes.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 0, 'Bernd’s phone told the dot is back')

    // Not a byte of Anna's text is left in the data folder; Bernd's is.
    await running.server.rooms.settle()
    for (const text of Object.values(annasTexts)) expect(await dataHolds(data.dir, text), text).toBe(false)
    expect(await dataHolds(data.dir, 'Bernds Lotsenprojekt bleibt')).toBe(true)
    for (const client of [anna, bernd, queue, state, annaOwn, collect]) client.destroy()
    // A stranger who joins later still sees nothing of it either.
    expect((await join(running.url, cafe.joinCode)).participantId).not.toBe(anna.participantId)
  }, 30_000)
})
