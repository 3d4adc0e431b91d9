import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode, GROUP_CARDS_MAX, VOTE_STEPS_MAX } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { type VoteSocket, voteSocket, writeCards } from '../harvest/vote-test-kit.js'
import { report } from './fault-kit.js'

/**
 * Grouping ("Sichtung") pushed past its limits: a full group refuses one more card with a code the
 * console can word, and the server neither answers "internal error" nor changes the groups.
 */
describe('fault suite: hostile grouping', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  let facilitator: VoteSocket | undefined

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-harvest')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    facilitator?.close()
    await running?.close()
    await data?.remove()
  })

  it(`refuses a card into a group that already holds ${GROUP_CARDS_MAX}, with a code, and keeps the group as it was`, async () => {
    const tableId = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    const where = { stationId: station.id, columnId: station.columns[0]!.id }
    const cards: string[] = []
    // In batches, as a busy table writes them (one write of 401 cards is refused as a flood).
    for (let b = 0; cards.length <= GROUP_CARDS_MAX; b++)
      cards.push(...(await writeCards(running.url, cafe.event.id, tableId, cafe.facilitatorToken, where, Array.from({ length: 20 }, (_, i) => `Idee ${b}-${i}`), `b${b}`)))
    facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    const column = { tableId, ...where }
    const created = await facilitator.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-voll01', title: 'Alles', cardIds: cards.slice(0, GROUP_CARDS_MAX) } })
    expect(created).toMatchObject({ ok: true })
    const one = await facilitator.send('groups:edit', { column, change: { type: 'assign', cardId: cards[GROUP_CARDS_MAX]!, groupId: 'gruppe-voll01' } })
    report('card into a full group', JSON.stringify(one))
    expect(one).toMatchObject({ ok: false, code: ErrorCode.INVALID_MESSAGE })
    const groups = await running.server.groups.of(cafe.event.id, column)
    expect(groups?.groups[0]?.cardIds).toHaveLength(GROUP_CARDS_MAX)
  })

  it(`keeps at most ${VOTE_STEPS_MAX} voting steps when the facilitator's tabs open them all at once`, async () => {
    const tabs = [await voteSocket(running.url, cafe.facilitatorToken), await voteSocket(running.url, cafe.facilitatorToken)]
    try {
      const setup = (i: number) => ({ setup: { question: `Frage ${i}`, scope: {}, budget: 3, perCardMax: 1 } })
      const acks = await Promise.all(Array.from({ length: VOTE_STEPS_MAX + 10 }, (_, i) => tabs[i % 2]!.send('vote:open', setup(i))))
      const steps = await running.server.votes.steps(cafe.event.id)
      report('parallel vote:open', `${acks.filter((a) => a.ok).length} opened, ${steps.length} stored`)
      expect(steps.length).toBeLessThanOrEqual(VOTE_STEPS_MAX)
      expect(acks.filter((a) => a.ok)).toHaveLength(steps.length)
      expect(acks.filter((a) => !a.ok).every((a) => a.code !== ErrorCode.INTERNAL)).toBe(true)
    } finally {
      for (const t of tabs) t.close()
    }
  })
})
