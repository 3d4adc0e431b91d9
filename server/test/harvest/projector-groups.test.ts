import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreateEventResponse, ErrorCode } from '@tischrunde/shared'
import { createEvent } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { waitFor } from '../helpers/wait.js'
import { type VoteSocket, voteSocket, writeCards } from './vote-test-kit.js'

/**
 * The grouping view on the projector: the facilitator's own screen writes the groups with the
 * facilitator's credential; a projector's credential reads them and can change nothing.
 */
describe('groups from the projector', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  let cafe: CreateEventResponse
  const open: VoteSocket[] = []

  beforeAll(async () => {
    data = await tempDataDir('projector-groups')
    running = await startServer(data.dir)
    cafe = await createEvent(running.url, { title: 'Sichtung', tableNames: ['Sprache'] })
  })
  afterAll(async () => {
    for (const s of open) s.close()
    await running?.close()
    await data?.remove()
  })

  it('refuses every grouping write of a projector and shows it the facilitator’s', async () => {
    const table = cafe.event.tables[0]!.id
    const station = cafe.event.template.stations[0]!
    const where = { stationId: station.id, columnId: station.columns[0]!.id }
    const column = { tableId: table, ...where }
    const [first, second] = await writeCards(running.url, cafe.event.id, table, cafe.facilitatorToken, where, ['Sprachkurse am Abend', 'Sprachcafé'])
    const facilitator = await voteSocket(running.url, cafe.facilitatorToken)
    const projector = await voteSocket(running.url, cafe.projectorToken)
    open.push(facilitator, projector)
    expect(await facilitator.send('groups:edit', { column, change: { type: 'create', id: 'gruppe-sprache', title: 'Sprache', cardIds: [first] } })).toMatchObject({ ok: true })

    const writes = [
      { type: 'create', id: 'gruppe-beamer', title: 'Vom Beamer', cardIds: [second] },
      { type: 'assign', cardId: second, groupId: 'gruppe-sprache' },
      { type: 'collapse', groupId: 'gruppe-sprache', collapsed: true },
      { type: 'move', groupId: 'gruppe-sprache', by: 1 },
      { type: 'rename', groupId: 'gruppe-sprache', title: 'Umbenannt' },
      { type: 'dissolve', groupId: 'gruppe-sprache' },
    ]
    for (const change of writes) expect(await projector.send('groups:edit', { column, change })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect(await projector.send('cards:move', { column, cardId: second, beforeCardId: first })).toMatchObject({ ok: false, code: ErrorCode.FORBIDDEN })
    expect((await running.server.groups.of(cafe.event.id, column)).groups).toEqual([expect.objectContaining({ id: 'gruppe-sprache', title: 'Sprache', collapsed: false, cardIds: [first] })])

    // The facilitator's drag (an assign) reaches the projector.
    expect(await facilitator.send('groups:edit', { column, change: { type: 'assign', cardId: second, groupId: 'gruppe-sprache' } })).toMatchObject({ ok: true })
    await waitFor(() => projector.groups.some((m) => m.columns.some((c) => c.groups[0]?.cardIds.length === 2)), 'the group with both cards on the projector')
  })
})
