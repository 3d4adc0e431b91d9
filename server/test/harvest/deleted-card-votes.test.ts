import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, boardDoc } from '@tischrunde/shared'
import { createEvent, join } from '../helpers/api.js'
import { type BoardClient, connectBoard, connectPhone } from '../helpers/board-client.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { advanceRounds } from '../helpers/rounds.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { type VoteSocket, voteSocket } from './vote-test-kit.js'

/** A card deleted from its board gives its dots back to the voters at once, whoever deleted it; so does one reworded while its vote runs. */
describe('votes on a card that is deleted or reworded', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let table = ''
  const sockets: VoteSocket[] = []
  const boards: BoardClient[] = []

  beforeAll(async () => {
    data = await tempDataDir('deleted-card-votes')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Sprache'] })
    await advanceRounds(running.url, cafe.facilitatorToken)
    table = cafe.event.tables[0]!.id
  })
  afterAll(async () => {
    for (const s of sockets) s.close()
    for (const b of boards) b.destroy()
    await running?.close()
    await data?.remove()
  })

  const dotsOf = (voter: VoteSocket, stepId: string) => voter.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length
  const countOf = async (stepId: string, cardId: string) => (await running.server.votes.tally(cafe.event.id, stepId)).counts.find((c) => c.cardId === cardId)?.count ?? 0

  /** An author's card, a step with a budget of one dot, and a voter who spent it on that card. */
  async function votedCard(cardId: string, text: string, onColumn = false) {
    const author = await connectPhone(running.url, cafe.event.id, table, cafe.joinCode)
    boards.push(author)
    await author.synced()
    const card = author.card({ id: cardId, text })
    author.put(card)
    await author.saved()
    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    sockets.push(facilitator)
    const opened = await facilitator.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: card.stationId, ...(onColumn ? { columnId: card.columnId } : {}) }, budget: 1, perCardMax: 1 } })
    expect(opened).toMatchObject({ ok: true })
    const stepId = (opened as { data: { stepId: string } }).data.stepId
    const voter = await voteSocket(running.url, (await join(running.url, cafe.joinCode)).token)
    sockets.push(voter)
    expect(await voter.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 })).toMatchObject({ ok: true, data: { left: 0 } })
    await waitFor(() => dotsOf(voter, stepId) === 1, 'the spent dot on the voter’s phone')
    return { author, card, stepId, voter }
  }

  it('gives the dots back at once when the author deletes their card', async () => {
    const { author, card, stepId, voter } = await votedCard('own-delete-1', 'Sprachcafé im Rathaus')
    expect(await countOf(stepId, card.id)).toBe(1)
    boardDoc(author.doc).cards.delete(card.id)
    await author.saved()
    // The voter's phone is told without asking: its dot is free again, and the ranking drops the card.
    await waitFor(() => dotsOf(voter, stepId) === 0, 'the dot back on the voter’s phone')
    expect(await countOf(stepId, card.id)).toBe(0)
    const other = author.card({ id: 'own-delete-2', text: 'Patenschaften' })
    author.put(other)
    await author.saved()
    expect(await voter.send('vote:cast', { stepId, tableId: table, cardId: other.id, delta: 1 })).toMatchObject({ ok: true, data: { left: 0 } })
  })

  it('gives the dots back at once when the facilitator deletes a card', async () => {
    const { card, stepId, voter } = await votedCard('fac-delete-1', 'Name und Telefonnummer')
    const console = connectBoard(running.url, cafe.event.id, table, cafe.facilitatorToken)
    boards.push(console)
    await console.synced()
    await console.waitForCard(card.id)
    boardDoc(console.doc).cards.delete(card.id)
    await console.saved()
    await waitFor(() => dotsOf(voter, stepId) === 0, 'the dot back on the voter’s phone')
    expect(await countOf(stepId, card.id)).toBe(0)
  })

  it('gives the dots back when the author rewords their card while the vote runs: no dot stands under words nobody chose', async () => {
    const { author, card, stepId, voter } = await votedCard('reword-open-1', 'Mehr Sprachkurse am Abend')
    // Moved on its board without new words: the dot stays.
    author.put({ ...card, position: 7 })
    await author.saved()
    author.put({ ...card, position: 7, text: 'Etwas ganz anderes, das niemand gewählt hat' })
    await author.saved()
    await waitFor(() => dotsOf(voter, stepId) === 0, 'the dot back on the voter’s phone')
    expect(await countOf(stepId, card.id)).toBe(0)
  })

  it('gives the dots back when a card is moved out of the running vote’s column, where its voters could no longer see or take them back', async () => {
    const { author, card, stepId, voter } = await votedCard('moved-out-1', 'Elterncafé in der Kita', true)
    const other = cafe.event.template.stations.find((s) => s.id === card.stationId)!.columns.find((c) => c.id !== card.columnId)!
    author.put({ ...card, columnId: other.id })
    await author.saved()
    await waitFor(() => dotsOf(voter, stepId) === 0, 'the dot back on the voter’s phone')
    expect(await countOf(stepId, card.id)).toBe(0)
  })

  it('keeps a frozen result when a card is reworded afterwards', async () => {
    const { author, card, stepId, voter } = await votedCard('reword-frozen-1', 'Lotsenprojekt ausbauen')
    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    sockets.push(facilitator)
    expect(await facilitator.send('vote:freeze', { stepId, frozen: true })).toMatchObject({ ok: true })
    author.put({ ...card, text: 'Lotsenprojekt ausbauen und verstetigen' })
    await author.saved()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(dotsOf(voter, stepId)).toBe(1)
    expect(await countOf(stepId, card.id)).toBe(1)
  })
})
