import { afterEach, describe, expect, it } from 'vitest'
import { type EventExport, type EventListItem, type StoredEvent } from '@tischrunde/shared'
import { aCard } from '@tischrunde/fixtures'
import { api, join, tokenOfLink } from './helpers/api.js'
import { type BoardClient, connectBoard } from './helpers/board-client.js'
import { SEED_CLI, killAllChildren, runToEnd } from './helpers/child-server.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

const TABLE = 'arbeitsmarktintegration'

describe('the Winnenden seed and JSON export/import', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
    await killAllChildren()
  })

  const dataDir = async () => {
    const d = await tempDataDir('seed')
    cleanups.push(d.remove)
    return d.dir
  }
  const serve = async (dir: string) => {
    const running = await startServer(dir)
    cleanups.push(running.close)
    // Loaded once, so the helpers below can read the events synchronously (`current`).
    await running.server.events.list()
    return running
  }
  const seed = async (dir: string, ...args: string[]) => {
    const run = await runToEnd(SEED_CLI, dir, { args })
    expect(run, run.stderr).toMatchObject({ code: 0, signal: null })
    return run.stdout
  }
  const stored = (running: RunningServer, id = 'winnenden'): StoredEvent => {
    const s = running.server.events.current(id)
    if (!s) throw new Error(`event ${id} is not stored`)
    return s
  }
  const facilitatorToken = (running: RunningServer, id = 'winnenden') => running.server.events.issue(stored(running, id), 'facilitator')
  const exportOf = async (running: RunningServer, id = 'winnenden', token = facilitatorToken(running, id)) => {
    const res = await api<EventExport>(running.url, `/api/events/${id}/export.json`, { token })
    expect(res.status).toBe(200)
    return res.body
  }
  const eventList = async (running: RunningServer) => {
    const res = await api<EventListItem[]>(running.url, '/api/events', { token: running.server.credentials.adminKey })
    expect(res.status).toBe(200)
    return res.body
  }
  /** The facilitator's console writes cards to a Winnenden board and waits until they are stored. */
  const writeOnBoard = async (running: RunningServer, tableId: string, cards: ReturnType<typeof aCard>[]) => {
    const facilitator: BoardClient = connectBoard(running.url, 'winnenden', tableId, facilitatorToken(running))
    try {
      await facilitator.synced()
      for (const card of cards) facilitator.put(card)
      await facilitator.saved()
    } finally {
      facilitator.destroy()
    }
  }
  const cardTexts = (file: EventExport, tableId: string) =>
    file.boards.find((b) => b.tableId === tableId)!.stations.flatMap((s) => s.columns.flatMap((c) => c.cards.map((card) => card.text)))

  it('leaves one winnenden event with 11 tables (and one Bremen and one Köln event) when the seed runs twice', async () => {
    const dir = await dataDir()
    const first = await seed(dir)
    expect(first).toMatch(/angelegt: 11 Thementische/)
    // The seed's own lines say what the tree day and the programme day are made of, not "0 Thementische".
    expect(first).toMatch(/\(bremen-2018\) angelegt: Kleingruppen nach Kommunengröße: /)
    expect(first).toMatch(/\(koeln-2018\) angelegt\.\n {2}Programm: \d+ Punkte, 10 Workshops\./)
    expect(first).not.toMatch(/0 Thementische/)
    expect(await seed(dir)).toMatch(/war schon da/)
    const running = await serve(dir)
    const list = await eventList(running)
    expect(list.map((e) => ({ id: e.id, tableCount: e.tableCount }))).toEqual([
      { id: 'winnenden', tableCount: 11 },
      { id: 'bremen-2018', tableCount: 0 },
      { id: 'koeln-2018', tableCount: 0 },
    ])
    // The admin list says what each has: not "0 Thementische" for the tree day and the programme.
    expect(list.map((e) => e.contents)).toEqual([
      { kind: 'tables', count: 11 },
      { kind: 'groups', count: 4 },
      { kind: 'workshops', count: 10 },
    ])
  })

  it('refuses to seed while a server uses the data folder, and changes nothing', async () => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    const before = await exportOf(running)
    const run = await runToEnd(SEED_CLI, dir, { args: ['--reset'] })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/wird schon von einem laufenden Tischrunde-Prozess/)
    expect(await exportOf(running)).toEqual(before)
  })

  it('restores a board with --reset after a card was added, keeping the join code and links', async () => {
    const dir = await dataDir()
    await seed(dir)
    let running = await serve(dir)
    const seeded = await exportOf(running)
    const { joinCode } = stored(running)
    const phoneToken = (await join(running.url, joinCode)).token
    await writeOnBoard(running, TABLE, [aCard({ id: 'added-after-seed', text: 'Nachträglich ergänzt', position: 99 })])
    expect(cardTexts(await exportOf(running), TABLE)).toContain('Nachträglich ergänzt')
    await running.close()

    expect(await seed(dir, '--reset')).toMatch(/zurückgesetzt/)
    running = await serve(dir)
    const restored = await exportOf(running)
    expect(cardTexts(restored, TABLE)).not.toContain('Nachträglich ergänzt')
    expect(restored).toEqual(seeded)
    expect(stored(running).joinCode).toBe(joinCode)
    // A phone that joined before the reset still reaches the board.
    const phone = connectBoard(running.url, 'winnenden', TABLE, phoneToken)
    cleanups.push(() => phone.destroy())
    await phone.synced()
    expect(phone.cards().map((c) => c.text).sort()).toEqual(cardTexts(seeded, TABLE).sort())
  })

  it('imports an exported event as a new event with the same boards', async () => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    await writeOnBoard(running, TABLE, [
      aCard({ id: 'export-card-1', text: 'Sprachkurse mit Kinderbetreuung', position: 101, subPoints: [{ id: 'sub-point-1', text: 'auch abends' }] }),
      aCard({ id: 'export-card-2', text: 'Anerkennung dauert zu lange', columnId: 'hakt-es', position: 102 }),
    ])
    await writeOnBoard(running, 'digitalisierung-integrationsplan', [aCard({ id: 'export-card-3', text: 'Gemeinsame Plattform', stationId: 'station-2', columnId: stationTwoColumn(running), position: 103 })])
    const exported = await exportOf(running)
    expect(cardTexts(exported, TABLE)).toEqual(expect.arrayContaining(['Sprachkurse mit Kinderbetreuung', 'Anerkennung dauert zu lange']))

    const imported = await api<{ id: string; links: { facilitator: string } }>(running.url, '/api/events/import', {
      body: exported,
      token: running.server.credentials.adminKey,
    })
    expect(imported.status).toBe(201)
    expect(imported.body.id).toBe('winnenden-2')
    const copy = await exportOf(running, imported.body.id, tokenOfLink(imported.body.links.facilitator))
    expect(copy.boards).toEqual(exported.boards)
    expect({ ...copy.event, id: 'winnenden' }).toEqual(exported.event)
    expect((await eventList(running)).map((e) => e.id)).toEqual(['winnenden', 'bremen-2018', 'koeln-2018', 'winnenden-2'])
  })

  const badFiles: { name: string; change: (file: EventExport) => unknown; problem: Record<string, unknown> }[] = [
    {
      name: 'a board of a table the event does not have',
      change: (f) => ({ ...f, boards: [{ ...f.boards[0]!, tableId: 'gibt-es-nicht' }, ...f.boards.slice(1)] }),
      problem: { path: ['boards', 0, 'tableId'], issue: 'unknown_reference', value: 'gibt-es-nicht' },
    },
    {
      name: 'a card longer than 280 characters',
      change: (f) => {
        const copy = structuredClone(f)
        copy.boards[0]!.stations[0]!.columns[0]!.cards = [{ text: 'x'.repeat(281), subPoints: [] }]
        return copy
      },
      problem: { path: ['boards', 0, 'stations', 0, 'columns', 0, 'cards', 0, 'text'], issue: 'too_big', maximum: 280 },
    },
    { name: 'another file format', change: (f) => ({ ...f, format: 'trello.board' }), problem: { path: ['format'], issue: 'invalid_value' } },
    { name: 'no event', change: ({ event: _event, ...rest }) => rest, problem: { path: ['event'], issue: 'invalid_type' } },
  ]

  it.each(badFiles)('rejects an import file with $name with 400 naming the problem, and stores nothing', async ({ change, problem }) => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    const before = await eventList(running)
    const res = await api<{ code: string; params: unknown }>(running.url, '/api/events/import', {
      body: change(await exportOf(running)),
      token: running.server.credentials.adminKey,
    })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'INVALID_MESSAGE', params: problem })
    expect(await eventList(running)).toEqual(before)
  })

  it('imports a file whose id is as long as an id may be twice: the copy gets a shortened id, not a server error', async () => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    const exported = await exportOf(running)
    const longest = { ...exported, event: { ...exported.event, id: 'a'.repeat(63) } }
    const first = await api<{ id: string }>(running.url, '/api/events/import', { body: longest, token: running.server.credentials.adminKey })
    const second = await api<{ id: string }>(running.url, '/api/events/import', { body: longest, token: running.server.credentials.adminKey })
    expect([first.status, second.status]).toEqual([201, 201])
    expect(first.body.id).toBe('a'.repeat(63))
    expect(second.body.id).toBe(`${'a'.repeat(61)}-2`)
  })

  it('lets only the facilitator export an event', async () => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    const event = stored(running)
    const projector = running.server.events.issue(event, 'projector')
    const { token: phone } = await join(running.url, event.joinCode)
    const exportWith = (token?: string) => api<{ code: string }>(running.url, '/api/events/winnenden/export.json', token ? { token } : {})
    expect((await exportWith(projector)).status).toBe(403)
    expect((await exportWith(phone)).status).toBe(403)
    expect((await exportWith()).status).toBe(401)
    expect((await exportWith(facilitatorToken(running))).status).toBe(200)
  })

  it('rejects an import without the admin key with 401', async () => {
    const dir = await dataDir()
    await seed(dir)
    const running = await serve(dir)
    const file = await exportOf(running)
    const res = await api(running.url, '/api/events/import', { body: file, token: facilitatorToken(running) })
    expect(res.status).toBe(401)
    expect((await eventList(running)).map((e) => e.id)).toEqual(['winnenden', 'bremen-2018', 'koeln-2018'])
  })
})

/** The first column of station 2 in the Winnenden template. */
function stationTwoColumn(running: RunningServer): string {
  const station = running.server.events.current('winnenden')!.event.template.stations.find((s) => s.id === 'station-2')!
  return station.columns[0]!.id
}
