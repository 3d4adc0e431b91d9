import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, ballotKey, ballotSchema, groupColumnKey } from '@tischrunde/shared'
import { createEvent, join, tokenOfLink } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { connectBoard } from '../helpers/board-client.js'
import { ballots } from '../../src/harvest/vote-service.js'
import { cardGroups } from '../../src/harvest/group-service.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

/**
 * A phone sends a command again when its answer was lost (NETWORK) though the command arrived: the
 * server answers the repeat and does not do it twice.
 */
describe('commands a phone sends again count once', () => {
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
  const openStep = async (budget: number, perCardMax: number) => {
    const ack = await facilitator.send('vote:open', { setup: { question: 'Was zuerst?', scope: { stationId: where.stationId }, budget, perCardMax } })
    expect(ack).toMatchObject({ ok: true })
    return (ack as { data: { stepId: string } }).data.stepId
  }
  const stored = async (stepId: string, participantId: string) => ballotSchema.parse((await running.server.storage.events.getRecord(cafe.event.id, ballots, ballotKey(stepId, participantId)))?.value)

  beforeAll(async () => {
    data = await tempDataDir('repeated-commands')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Priorisierung im Netz der Halle', tableNames: ['Arbeit', 'Sprache'] })
    table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    where = { stationId: station.id, columnId: station.columns[0]!.id }
    cards = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Sprachkurse', 'Mentoring', 'Jobmesse', 'Lotsen'])
    facilitator = await connect(cafe.facilitatorToken)
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await running?.close()
    await data?.remove()
  })

  it('answers a vote:cast sent again with the ballot as it is, on any phone of the person and at once, and counts it once', async () => {
    const stepId = await openStep(5, 3)
    const person = await join(running.url, cafe.joinCode)
    const phone = await connect(person.token)
    const second = await connect(person.token)
    const cast = (s: VoteSocket, cardId: string, delta: 1 | -1, castId: string) => s.send('vote:cast', { stepId, tableId: table, cardId, delta, castId })

    expect(await cast(phone, cards[0]!, 1, 'tap-0001-plus')).toMatchObject({ ok: true, data: { left: 4 } })
    // The answer was lost; the phone sends the same tap again, and the person's other phone too.
    const again = await cast(phone, cards[0]!, 1, 'tap-0001-plus')
    expect(again).toMatchObject({ ok: true, data: { left: 4, ballot: { dots: [{ cardId: cards[0], count: 1 }] } } })
    expect(await cast(second, cards[0]!, 1, 'tap-0001-plus')).toMatchObject({ ok: true, data: { left: 4 } })
    // Both copies of one tap at the same moment: one counts.
    const both = await Promise.all([cast(phone, cards[1]!, 1, 'tap-0002-plus'), cast(second, cards[1]!, 1, 'tap-0002-plus')])
    expect(both.map((a) => a.ok)).toEqual([true, true])
    // A new tap is a new dot.
    expect(await cast(phone, cards[0]!, 1, 'tap-0003-plus')).toMatchObject({ ok: true, data: { left: 2 } })
    // Taking back: once per tap too.
    expect(await cast(phone, cards[0]!, -1, 'tap-0004-minus')).toMatchObject({ ok: true, data: { left: 3 } })
    expect(await cast(phone, cards[0]!, -1, 'tap-0004-minus')).toMatchObject({ ok: true, data: { left: 3 } })

    const ballot = await stored(stepId, person.participantId)
    expect(ballot.dots.map((d) => [d.cardId, d.count])).toEqual([
      [cards[0], 1],
      [cards[1], 1],
    ])
    // The staff see the same: two dots from one voter.
    await waitFor(() => facilitator.tallies.filter((t) => t.stepId === stepId).at(-1)?.counts.reduce((n, c) => n + c.count, 0) === 2 || undefined, 'the tally of two dots')
    // The cast ids stay on the server: the voter's screens get the dots only.
    await waitFor(() => phone.ballots.at(-1)?.ballots.some((b) => b.stepId === stepId), 'the ballots on the phone')
    expect(phone.ballots.flatMap((m) => m.ballots).some((b) => 'casts' in b)).toBe(false)
    expect(again.data).not.toHaveProperty('ballot.casts')

    // A cast id is an id: checked like one, bounded.
    for (const castId of ['kurz', 'x'.repeat(41), 'mit leerzeichen', 12345678])
      expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[2], delta: 1, castId })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
  })

  it('still knows a cast after a restart of the server', async () => {
    const stepId = await openStep(3, 1)
    const person = await join(running.url, cafe.joinCode)
    let phone = await connect(person.token)
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[3], delta: 1, castId: 'vor-dem-neustart' })).toMatchObject({ ok: true, data: { left: 2 } })
    for (const s of open.splice(0)) s.close()
    await running.close()
    running = await startServer(data.dir)
    facilitator = await connect(cafe.facilitatorToken)
    phone = await connect(person.token)
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[3], delta: 1, castId: 'vor-dem-neustart' })).toMatchObject({ ok: true, data: { left: 2 } })
    expect((await stored(stepId, person.participantId)).dots).toEqual([{ tableId: table, cardId: cards[3], count: 1 }])
  })

  it('moves a group once when a table host’s phone sends the move again, and takes a create sent again as done', async () => {
    const host = await connect(tokenOfLink(cafe.links.hosts[table]!))
    const column = { tableId: table, ...where }
    for (const [id, title] of [['gruppe-aaaa', 'Sprache'], ['gruppe-bbbb', 'Arbeit'], ['gruppe-cccc', 'Wohnen']] as const)
      expect(await host.send('groups:edit', { column, change: { type: 'create', id, title, cardIds: [] } })).toMatchObject({ ok: true })
    // The create's answer was lost: sent again, it stands as it is.
    expect(await host.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-cccc', title: 'Wohnen', cardIds: [] } })).toEqual({ ok: true })
    // Another group under an id in use is still refused.
    expect(await host.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-cccc', title: 'Gesundheit', cardIds: [] } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    // "Wohnen" one up, from place 3; the move sent again finds it at 2 and leaves it there.
    for (let i = 0; i < 2; i++) expect(await host.send('groups:edit', { column, change: { type: 'move', groupId: 'gruppe-cccc', by: -1, from: 3 } })).toEqual({ ok: true })
    const order = async () => {
      const record = await running.server.storage.events.getRecord(cafe.event.id, cardGroups, groupColumnKey(column))
      return [...(record?.value.groups ?? [])].sort((a, b) => a.position - b.position).map((g) => g.title)
    }
    expect(await order()).toEqual(['Sprache', 'Wohnen', 'Arbeit'])
    expect(await host.send('groups:edit', { column, change: { type: 'move', groupId: 'gruppe-cccc', by: -1, from: 99 } })).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
  })

  it('answers a hide, restore or merge a table host’s phone sends again as done, and does it once', async () => {
    const host = await connect(tokenOfLink(cafe.links.hosts[table]!))
    const [kept, doubled, hidden] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Beratung im Rathaus', 'Beratung im Rathaus!', 'Telefonnummer von Frau M.'], 'mod-')
    const moderate = (cardId: string, action: string, intoCardId?: string) => host.send('card:moderate', { tableId: table, cardId, action, ...(intoCardId ? { intoCardId } : {}) })
    const onBoard = async () => {
      const board = connectBoard(running.url, cafe.event.id, table, cafe.facilitatorToken)
      try {
        await board.synced()
        return board.cards().filter((c) => c.id.startsWith('mod-'))
      } finally {
        board.destroy()
      }
    }
    for (let i = 0; i < 2; i++) expect(await moderate(hidden!, 'hide')).toEqual({ ok: true })
    expect((await onBoard()).map((c) => c.id)).toEqual([kept, doubled])
    for (let i = 0; i < 2; i++) expect(await moderate(hidden!, 'restore')).toEqual({ ok: true })
    expect((await onBoard()).map((c) => c.id).sort()).toEqual([kept, doubled, hidden].sort())
    for (let i = 0; i < 2; i++) expect(await moderate(doubled!, 'merge', kept)).toEqual({ ok: true })
    const after = await onBoard()
    expect(after.map((c) => c.id).sort()).toEqual([kept, hidden].sort())
    // The duplicate's text went into the kept card once.
    expect(after.find((c) => c.id === kept)?.merged?.map((m) => m.id)).toEqual([doubled])
    // A card that never was is still refused.
    expect(await moderate('gibt-es-nicht', 'hide')).toMatchObject({ ok: false, code: ErrorCode.CONFLICT })
  })
})
