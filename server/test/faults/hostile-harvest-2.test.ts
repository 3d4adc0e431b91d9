import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ballotKey, boardDoc } from '@tischrunde/shared'
import { createEvent, join } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { ballots } from '../../src/harvest/vote-service.js'
import { type VoteSocket, voteSocket } from '../harvest/vote-test-kit.js'
import { report } from './fault-kit.js'

/**
 * Dots parked on a hidden card against the server's own undo of a refused write: the author's
 * phone, offline while the card was hidden, edits it and comes back after its station closed. The
 * server takes that edit and undoes it (a soft refusal); the undo must not count as the card being
 * deleted, or the dots parked for a restore would be dropped for good.
 */
describe('fault suite: hostile voting around hidden cards', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const sockets: VoteSocket[] = []
  const boards: BoardClient[] = []

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-harvest-2')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const s of sockets) s.close()
    for (const b of boards) b.destroy()
    await running?.close()
    await data?.remove()
  })

  it('keeps the dots parked on a hidden card when the server undoes a refused offline edit of it, and a restore brings them back', async () => {
    const table = cafe.event.tables[0]!.id
    const author = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    boards.push(author)
    await author.synced()
    const hiddenCard = author.card({ id: 'parked-card-1', text: 'Name und Adresse von Frau K.' })
    const other = author.card({ id: 'other-card-1', text: 'Sprachkurse am Abend' })
    author.put(hiddenCard)
    author.put(other)
    await author.saved()

    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    sockets.push(facilitator)
    const opened = await facilitator.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: hiddenCard.stationId }, budget: 2, perCardMax: 1 } })
    const stepId = (opened as { data: { stepId: string } }).data.stepId
    const person = await join(running.url, cafe.joinCode)
    const voter = await voteSocket(running.url, person.token)
    sockets.push(voter)
    for (const cardId of [hiddenCard.id, other.id]) expect(await voter.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 })).toMatchObject({ ok: true })
    const dots = () => voter.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length
    const stored = async () => (await running.server.storage.events.getRecord(cafe.event.id, ballots, ballotKey(stepId, person.participantId)))?.value

    // The author's phone loses the network; meanwhile the facilitator hides the card and closes the station.
    author.provider.disconnect()
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: hiddenCard.id, action: 'hide' })).toMatchObject({ ok: true })
    await waitFor(() => dots() === 1, 'the hidden card’s dot parked')
    expect(await facilitator.send('station:lock', { stationId: hiddenCard.stationId, locked: true })).toMatchObject({ ok: true })

    // Offline, the author still sees the card and corrects it; back online, the edit is refused and undone.
    author.put({ ...hiddenCard, text: 'Name und Adresse (korrigiert)' })
    author.provider.connect()
    await waitFor(() => author.refusals.length > 0, 'the refusal of the offline edit')
    report('offline edit of a hidden card at a closed station', author.refusals.join(', '))

    // A card deleted afterwards on the same board: its dot goes back once every earlier delete was handled.
    const console = connectBoard(running.url, cafe.event.id, table, cafe.facilitatorToken)
    boards.push(console)
    await console.synced()
    await console.waitForCard(other.id)
    boardDoc(console.doc).cards.delete(other.id)
    await console.saved()
    await waitFor(() => dots() === 0, 'the deleted card’s dot back')
    expect((await stored())?.parked).toEqual([{ tableId: table, cardId: hiddenCard.id, count: 1 }])

    // Restored: the parked dot is back on the card.
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: hiddenCard.id, action: 'restore' })).toMatchObject({ ok: true })
    await waitFor(() => dots() === 1, 'the parked dot back on the restored card')
    expect((await running.server.votes.tally(cafe.event.id, stepId)).counts.find((c) => c.cardId === hiddenCard.id)?.count).toBe(1)
  })
})
