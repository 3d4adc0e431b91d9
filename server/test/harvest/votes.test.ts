import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, boardDoc, VoteRefusal, ballotKey, ballotSchema, columnNumbers } from '@tischrunde/shared'
import { connectBoard } from '../helpers/board-client.js'
import { createEvent, join, tokenOfLink } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { advanceRounds, backRound } from '../helpers/rounds.js'
import { waitFor } from '../helpers/wait.js'
import { ballots } from '../../src/harvest/vote-service.js'
import { voteSteps } from '../../src/harvest/vote-records.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

describe('dot voting over raw sockets: the server holds the budget', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: VoteSocket
  const open: VoteSocket[] = []
  let cards: string[] = []
  let table = ''
  let where = { stationId: '', columnId: '' }

  const connect = async (token: string) => {
    const s = await voteSocket(running.url, token)
    open.push(s)
    return s
  }
  const openStep = async (budget: number, perCardMax = 1, question = 'Welche Maßnahmen zuerst?') => {
    const ack = await facilitator.send('vote:open', { setup: { question, scope: { stationId: where.stationId }, budget, perCardMax } })
    expect(ack).toMatchObject({ ok: true })
    return (ack as { data: { stepId: string } }).data.stepId
  }
  const stored = async (stepId: string, participantId: string) =>
    (await running.server.storage.events.getRecord(cafe.event.id, ballots, ballotKey(stepId, participantId)))?.value

  beforeAll(async () => {
    data = await tempDataDir('votes')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Priorisierung', tableNames: ['Arbeitsmarktintegration', 'Sprache'] })
    table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    where = { stationId: station.id, columnId: station.columns[0]!.id }
    cards = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Sprachkurse mit Kinderbetreuung', 'Mentoring', 'Jobmesse', 'Lotsen', 'Beratung im Rathaus', 'Ehrenamt stärken'])
    facilitator = await connect(cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await running?.close()
    await data?.remove()
  })

  it('stores exactly 3 of 5 dots sent with a budget of 3, and refuses the rest with the rule', async () => {
    const stepId = await openStep(3)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    const acks = []
    for (const cardId of cards.slice(0, 5)) acks.push(await phone.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 }))
    expect(acks.map((a) => a.ok)).toEqual([true, true, true, false, false])
    expect(acks[3]).toMatchObject({ ok: false, code: ErrorCode.NOT_NOW, params: { reason: VoteRefusal.BUDGET_SPENT } })
    expect(acks[2]).toMatchObject({ ok: true, data: { left: 0 } })
    const ballot = ballotSchema.parse(await stored(stepId, person.participantId))
    expect(ballot.dots.map((d) => d.cardId)).toEqual(cards.slice(0, 3))
    // The projector's tally counts the same dots, and names nobody.
    const tally = await waitFor(() => facilitator.tallies.findLast((t) => t.stepId === stepId && t.counts.length === 3), 'the tally with three cards')
    expect(tally.voters).toBe(1)
    expect(JSON.stringify(tally)).not.toContain(person.participantId)
  })

  it('lets two tabs of one participant racing share one budget', async () => {
    const stepId = await openStep(3)
    const person = await join(running.url, cafe.joinCode)
    const [tabA, tabB] = [await connect(person.token), await connect(person.token)]
    const sent = cards.flatMap((cardId, i) => [tabA.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 }), tabB.send('vote:cast', { stepId, tableId: table, cardId: cards[(i + 3) % cards.length], delta: 1 })])
    const acks = await Promise.all(sent)
    expect(acks.filter((a) => a.ok)).toHaveLength(3)
    const ballot = ballotSchema.parse(await stored(stepId, person.participantId))
    expect(ballot.dots.reduce((n, d) => n + d.count, 0)).toBe(3)
    // Both tabs are told the ballot, whichever placed the dots.
    for (const tab of [tabA, tabB]) await waitFor(() => tab.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId)?.dots.length === 3, 'the shared ballot on both tabs')
  })

  it('allows several dots on one card up to the per-card limit, and taking one back', async () => {
    const stepId = await openStep(5, 2)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    const cast = (cardId: string, delta: 1 | -1) => phone.send('vote:cast', { stepId, tableId: table, cardId, delta })
    expect((await Promise.all([cast(cards[0]!, 1), cast(cards[0]!, 1)])).every((a) => a.ok)).toBe(true)
    expect(await cast(cards[0]!, 1)).toMatchObject({ ok: false, params: { reason: VoteRefusal.CARD_FULL } })
    expect(await cast(cards[0]!, -1)).toMatchObject({ ok: true, data: { left: 4 } })
    expect(await cast(cards[1]!, -1)).toMatchObject({ ok: false, params: { reason: VoteRefusal.NO_DOT } })
  })

  it('refuses dots on cards that are not there or not in the step, from the wrong roles, and after the freeze', async () => {
    const stepId = await openStep(3)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    const other = cafe.event.tables[1]!.id
    const [elsewhere] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, { stationId: cafe.event.template.stations[1]!.id, columnId: cafe.event.template.stations[1]!.columns[0]!.id }, ['Andere Station'])
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: 'gibt-es-nicht', delta: 1 })).toMatchObject({ ok: false, params: { reason: VoteRefusal.OUT_OF_SCOPE } })
    expect(await phone.send('vote:cast', { stepId, tableId: other, cardId: cards[0], delta: 1 })).toMatchObject({ ok: false, params: { reason: VoteRefusal.OUT_OF_SCOPE } })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: elsewhere, delta: 1 })).toMatchObject({ ok: false, params: { reason: VoteRefusal.OUT_OF_SCOPE } })
    expect(await phone.send('vote:cast', { stepId, tableId: 'nirgends', cardId: cards[0], delta: 1 })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: 5 })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await phone.send('vote:open', { setup: { question: 'Ich auch?', scope: {}, budget: 20, perCardMax: 20 } })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await facilitator.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: 1 })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    const projector = await connect(cafe.projectorToken)
    expect(await projector.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: 1 })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })

    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: 1 })).toMatchObject({ ok: true })
    expect(await facilitator.send('vote:freeze', { stepId, frozen: true })).toMatchObject({ ok: true })
    await waitFor(() => phone.steps.at(-1)?.steps.find((s) => s.id === stepId)?.status === 'frozen', 'the frozen step on the phone')
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[1], delta: 1 })).toMatchObject({ ok: false, params: { reason: VoteRefusal.FROZEN } })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[0], delta: -1 })).toMatchObject({ ok: false, params: { reason: VoteRefusal.FROZEN } })
    // Phones hear of steps but never get the live tally.
    expect(phone.tallies).toEqual([])
  })

  it('orders the column by votes on the board ("nach Stimmen ordnen") and shows one step on the projector at a time', async () => {
    const stepId = await openStep(3)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    // The last card gets two voters' dots, the fourth one.
    const other = await connect((await join(running.url, cafe.joinCode)).token)
    for (const [p, cardId] of [[phone, cards[5]!], [other, cards[5]!], [phone, cards[3]!]] as const) expect(await p.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 })).toMatchObject({ ok: true })
    expect(await facilitator.send('vote:order', { stepId })).toMatchObject({ ok: true })
    const board = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    await board.synced()
    const column = board.cards().filter((c) => c.stationId === where.stationId && c.columnId === where.columnId)
    board.destroy()
    expect(column.slice(0, 2).map((c) => c.id)).toEqual([cards[5], cards[3]])
    expect([...columnNumbers(column)].slice(0, 3).map(([, n]) => n)).toEqual([1, 2, 3])
    // The newest step took the projector; showing an older one again takes it back.
    await waitFor(() => facilitator.steps.at(-1)!.steps.filter((s) => s.onProjector).map((s) => s.id).join() === stepId, 'only the new step on the projector')
    const older = facilitator.steps.at(-1)!.steps[0]!.id
    expect(await facilitator.send('vote:show', { stepId: older, shown: true })).toMatchObject({ ok: true })
    await waitFor(() => facilitator.steps.at(-1)!.steps.filter((s) => s.onProjector).map((s) => s.id).join() === older, 'only the older step on the projector')
    expect(await facilitator.send('vote:show', { stepId: older, shown: false })).toMatchObject({ ok: true })
    await waitFor(() => facilitator.steps.at(-1)!.steps.every((s) => !s.onProjector), 'no step on the projector')
  })

  it('runs one vote at a time: a new step ends the one still open (its result stands), and a phone is told', async () => {
    const first = await openStep(3, 1, 'Was zuerst?')
    const voter = await connect((await join(running.url, cafe.joinCode)).token)
    expect(await voter.send('vote:cast', { stepId: first, tableId: table, cardId: cards[0]!, delta: 1 })).toMatchObject({ ok: true })
    const second = await openStep(3, 1, 'Was danach?')
    // Every screen hears that the first one ended, with its result kept; the new one is the open one.
    await waitFor(() => voter.steps.at(-1)!.steps.find((s) => s.id === first)?.status === 'frozen' || undefined, 'the first step ended on the phone')
    expect(voter.steps.at(-1)!.steps.filter((s) => s.status === 'open').map((s) => s.id)).toEqual([second])
    expect(await voter.send('vote:cast', { stepId: first, tableId: table, cardId: cards[1]!, delta: 1 })).toMatchObject({ ok: false })
    expect(await voter.send('vote:cast', { stepId: second, tableId: table, cardId: cards[1]!, delta: 1 })).toMatchObject({ ok: true })
    // Opening the first one again ends the second: still one vote at a time.
    expect(await facilitator.send('vote:freeze', { stepId: first, frozen: false })).toMatchObject({ ok: true })
    await waitFor(() => voter.steps.at(-1)!.steps.find((s) => s.id === second)?.status === 'frozen' || undefined, 'the second step ended')
    expect(voter.steps.at(-1)!.steps.filter((s) => s.status === 'open').map((s) => s.id)).toEqual([first])
    expect(await facilitator.send('vote:freeze', { stepId: first, frozen: true })).toMatchObject({ ok: true })
    // The first step's result stands: one voter.
    await waitFor(() => facilitator.tallies.filter((t) => t.stepId === first).at(-1)?.voters === 1 || undefined, 'the first step’s tally')
  })

  it('groups cards under headings: the facilitator anywhere, a host at their table, every screen told', async () => {
    const column = { tableId: table, ...where }
    const host = await connect(tokenOfLink(cafe.links.hosts[table]!))
    const otherHost = await connect(tokenOfLink(cafe.links.hosts[cafe.event.tables[1]!.id]!))
    const phone = await connect((await join(running.url, cafe.joinCode)).token)
    const group = 'gruppe-sprache'
    expect(await facilitator.send('groups:edit', { column, change: { type: 'create', id: group, title: 'Sprache', cardIds: [cards[0], cards[3]] } })).toMatchObject({ ok: true })
    expect(await host.send('groups:edit', { column, change: { type: 'assign', cardId: cards[1], groupId: group } })).toMatchObject({ ok: true })
    expect(await otherHost.send('groups:edit', { column, change: { type: 'rename', groupId: group, title: 'Fremd' } })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await phone.send('groups:edit', { column, change: { type: 'rename', groupId: group, title: 'Ich' } })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await host.send('groups:edit', { column, change: { type: 'assign', cardId: 'gibt-es-nicht', groupId: group } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await facilitator.send('groups:edit', { column: { ...column, columnId: 'nix' }, change: { type: 'create', id: 'gruppe-zwei', title: 'X', cardIds: [] } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    const told = await waitFor(() => phone.groups.findLast((m) => m.columns[0]?.groups[0]?.cardIds.length === 3), 'the groups on the phone')
    expect(told.columns[0]!.groups[0]).toMatchObject({ title: 'Sprache', position: 1, cardIds: [cards[0], cards[3], cards[1]] })
  })

  it('moves a card to another place in its column: the order numbers the cards', async () => {
    const column = { tableId: table, ...where }
    const moved = cards[4]!
    expect(await facilitator.send('cards:move', { column, cardId: moved, beforeCardId: null })).toMatchObject({ ok: true })
    const otherHost = await connect(tokenOfLink(cafe.links.hosts[cafe.event.tables[1]!.id]!))
    expect(await otherHost.send('cards:move', { column, cardId: moved, beforeCardId: null })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await facilitator.send('cards:move', { column, cardId: 'gibt-es-nicht', beforeCardId: null })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    const board = connectBoard(running.url, cafe.event.id, table, cafe.projectorToken)
    await board.synced()
    const numbers = columnNumbers(board.cards().filter((c) => c.stationId === where.stationId && c.columnId === where.columnId))
    board.destroy()
    expect(numbers.get(moved)).toBe(numbers.size)
  })

  it('gives the dots on a card removed during the vote back, and carries dots over to the card a duplicate was merged into', async () => {
    const stepId = await openStep(2)
    const [gone, kept] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Doppelt: Lotsen', 'Lotsenprojekt'], 'merge-')
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    for (const cardId of [gone, cards[0]]) expect(await phone.send('vote:cast', { stepId, tableId: table, cardId, delta: 1 })).toMatchObject({ ok: true })
    // Another voter's dot on the duplicate moves to the card it was merged into.
    const other = await connect((await join(running.url, cafe.joinCode)).token)
    expect(await other.send('vote:cast', { stepId, tableId: table, cardId: gone, delta: 1 })).toMatchObject({ ok: true })
    expect(await running.server.votes.carryOver(cafe.event.id, { tableId: table, cardId: gone! }, { tableId: table, cardId: kept! })).toBe(2)
    const tally = await running.server.votes.tally(cafe.event.id, stepId)
    expect(tally.counts.find((c) => c.cardId === kept)?.count).toBe(2)
    // A card removed outright: its dots go back when the budget is needed again.
    const board = connectBoard(running.url, cafe.event.id, table, cafe.facilitatorToken)
    await board.synced()
    board.doc.transact(() => boardDoc(board.doc).cards.delete(kept!))
    await board.saved()
    board.destroy()
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[1], delta: 1 })).toMatchObject({ ok: true, data: { left: 0 } })
  })

  it('takes a ranking off the projectors when the day moves on (the next station’s board, timer and code come up)', async () => {
    const stepId = await openStep(2, 1, 'Was nehmen wir mit?')
    expect(await facilitator.send('vote:freeze', { stepId, frozen: true })).toMatchObject({ ok: true })
    await waitFor(() => facilitator.steps.at(-1)!.steps.find((s) => s.id === stepId)?.onProjector || undefined, 'the ranking on the projector')
    await advanceRounds(running.url, cafe.facilitatorToken, 1)
    await waitFor(() => facilitator.steps.at(-1)!.steps.every((s) => !s.onProjector) || undefined, 'no ranking on the projector after the step')
    await backRound(running.url, cafe.facilitatorToken)
  })

  it('refuses a step on a station or column the event does not have', async () => {
    expect(await facilitator.send('vote:open', { setup: { question: 'Q', scope: { stationId: 'station-99' }, budget: 3, perCardMax: 1 } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE, params: { path: ['setup', 'scope', 'stationId'] } })
    expect(await facilitator.send('vote:open', { setup: { question: 'Q', scope: { stationId: where.stationId, columnId: 'nix' }, budget: 3, perCardMax: 1 } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    expect(await facilitator.send('vote:open', { setup: { question: 'Q', scope: {}, budget: 3, perCardMax: 4 } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
  })

  it('takes no new dot on a card the moderation struck through (those on it may be taken back), and starts no vote where nothing can take one', async () => {
    const stepId = await openStep(3, 2, 'Was zuerst, ohne Gestrichenes?')
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    const card = cards[5]!
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: card, delta: 1 })).toMatchObject({ ok: true })
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: card, action: 'strike' })).toEqual({ ok: true })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: card, delta: 1 })).toMatchObject({ ok: false, code: ErrorCode.NOT_NOW, params: { reason: VoteRefusal.STRUCK } })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: card, delta: -1 })).toMatchObject({ ok: true, data: { left: 3 } })
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: card, action: 'unstrike' })).toEqual({ ok: true })
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: card, delta: 1 })).toMatchObject({ ok: true, data: { left: 2 } })

    // A column nobody wrote to, then one whose only card is struck through: nothing to vote on, no step.
    const third = cafe.event.template.stations[2]!
    const empty = { question: 'Leer?', scope: { stationId: third.id, columnId: third.columns[0]!.id }, budget: 3, perCardMax: 1 }
    const before = (await running.server.storage.events.listRecords(cafe.event.id, voteSteps)).length
    expect(await facilitator.send('vote:open', { setup: empty })).toMatchObject({ ok: false, code: ErrorCode.NOT_NOW, params: { reason: VoteRefusal.NO_CARDS } })
    const [only] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, { stationId: third.id, columnId: third.columns[0]!.id }, ['Runder Tisch im Rathaus'], 'leer-')
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: only!, action: 'strike' })).toEqual({ ok: true })
    expect(await facilitator.send('vote:open', { setup: empty })).toMatchObject({ ok: false, code: ErrorCode.NOT_NOW, params: { reason: VoteRefusal.NO_CARDS } })
    expect((await running.server.storage.events.listRecords(cafe.event.id, voteSteps)).length).toBe(before)
    expect(await facilitator.send('card:moderate', { tableId: table, cardId: only!, action: 'unstrike' })).toEqual({ ok: true })
    expect(await facilitator.send('vote:open', { setup: empty })).toMatchObject({ ok: true })
  })
})
