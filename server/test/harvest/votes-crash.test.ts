import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreateEventResponse } from '@tischrunde/shared'
import { createEvent, join } from '../helpers/api.js'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/child-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { voteSocket, writeCards } from './vote-test-kit.js'

const CYCLES = 3

describe('votes survive kill -9 of the server', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let child: ChildServer
  let cafe: CreateEventResponse

  beforeAll(async () => {
    data = await tempDataDir('votes-crash')
    child = await startChildServer(data.dir)
    cafe = await createEvent(child.url, { title: 'Stromausfall', tableNames: ['Arbeitsmarktintegration'] })
  })
  afterAll(async () => {
    await killAllChildren()
    await data?.remove()
  })

  it(`keeps every acknowledged dot over ${CYCLES} crashes, and the participant's budget with it`, async () => {
    const table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    const cards = await writeCards(child.url, cafe.event.id, table, cafe.facilitatorToken, { stationId: station.id, columnId: station.columns[0]!.id }, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((x) => `Maßnahme ${x}`))
    const console_ = await voteSocket(child.url, cafe.facilitatorToken)
    const opened = await console_.send('vote:open', { setup: { question: 'Was zuerst?', scope: {}, budget: CYCLES, perCardMax: 1 } })
    const stepId = (opened as { data: { stepId: string } }).data.stepId
    console_.close()
    const person = await join(child.url, cafe.joinCode)
    const acked: string[] = []
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const phone = await voteSocket(child.url, person.token)
      const ack = await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[cycle], delta: 1 })
      if (ack.ok) acked.push(cards[cycle]!)
      // The power goes right after the answer.
      await child.stop('SIGKILL')
      phone.close()
      child = await startChildServer(data.dir)
    }
    expect(acked).toHaveLength(CYCLES)
    // After the restarts: the phone is told its dots, the budget is spent, the projector counts them.
    const phone = await voteSocket(child.url, person.token)
    const ballot = await waitFor(() => phone.ballots.at(-1)?.ballots.find((b) => b.stepId === stepId), 'the ballot after restart')
    expect(ballot.dots.map((d) => d.cardId).sort()).toEqual([...acked].sort())
    expect(await phone.send('vote:cast', { stepId, tableId: table, cardId: cards[CYCLES], delta: 1 })).toMatchObject({ ok: false, params: { reason: 'VOTE_BUDGET_SPENT' } })
    const projector = await voteSocket(child.url, cafe.projectorToken)
    const tally = await waitFor(() => projector.tallies.find((t) => t.stepId === stepId), 'the tally after restart')
    expect(tally.counts.reduce((n, c) => n + c.count, 0)).toBe(CYCLES)
    phone.close()
    projector.close()
  }, 90_000)
})
