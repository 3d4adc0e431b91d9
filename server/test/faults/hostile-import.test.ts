import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { EventExport } from '@tischrunde/shared'
import { aLargeEventExport } from '@tischrunde/fixtures'
import { adminKeyOf, api } from '../helpers/api.js'
import { type RunningServer, startServer } from '../helpers/in-process-server.js'
import { tempDataDir } from '../helpers/temp-dir.js'
import { report } from './fault-kit.js'

/**
 * A hostile event file for "Veranstaltung importieren": every list keyed by an id names each id
 * once, every reference names something the file has, and a refused file leaves no event behind.
 * (A repeated station, column, actor or group column used to be accepted and silently overwrite
 * the one before it: the import said "done" and cards were gone.)
 */
describe('fault suite: hostile event files on import', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>
  let running: RunningServer
  const base = (): EventExport => structuredClone(aLargeEventExport({ tables: 2, cards: 40 }))
  const eventCount = async () => (await api<unknown[]>(running.url, '/api/events', { token: adminKeyOf(running.url) })).body.length
  const importFile = (file: unknown) => api<{ ok?: boolean; code?: string; params?: { issue?: string; path?: unknown[] }; id?: string }>(running.url, '/api/events/import', { body: file, token: adminKeyOf(running.url) })

  beforeAll(async () => {
    data = await tempDataDir('faults-hostile-import')
    running = await startServer(data.dir)
  })
  afterAll(async () => {
    await running?.close()
    await data?.remove()
  })

  /** Expects the file refused with a code naming where, and no event added. */
  async function refused(caseName: string, file: unknown, path: (string | number)[]) {
    const before = await eventCount()
    const res = await importFile(file)
    report(`import ${caseName}`, `${res.status} ${JSON.stringify(res.body?.params ?? res.body)}`)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('INVALID_MESSAGE')
    expect(res.body.params?.path?.slice(0, path.length)).toEqual(path)
    expect(await eventCount()).toBe(before)
  }

  it('the untouched file is imported (the cases below change one thing each)', async () => {
    expect((await importFile(base())).status).toBe(201)
  })

  it('refuses a board that lists one station twice (its cards would overwrite the first ones)', async () => {
    const file = base()
    const board = file.boards[0]!
    board.stations.push(structuredClone(board.stations[0]!))
    await refused('repeated station', file, ['boards', 0, 'stations', board.stations.length - 1, 'stationId'])
  })

  it('refuses a station that lists one column twice', async () => {
    const file = base()
    const station = file.boards[0]!.stations[0]!
    station.columns.push(structuredClone(station.columns[0]!))
    await refused('repeated column', file, ['boards', 0, 'stations', 0, 'columns', station.columns.length - 1, 'columnId'])
  })

  it('refuses an actor map with one actor id twice, or one rule key twice', async () => {
    const actor = {
      id: 'jobcenter',
      name: 'Jobcenter',
      area: 'arbeit',
      hidden: false,
      keys: ['jobcenter'],
      mentions: [],
      hand: { created: true },
      institution: '',
      person: '',
      cooperation: false,
      coreGroup: false,
      forum: false,
      notes: '',
    }
    const twice = { ...base(), actors: { actors: [actor, { ...actor, name: 'Jobcenter Rems-Murr' }], rules: [], bodies: [], areas: [] } }
    await refused('repeated actor', twice, ['actors', 'actors', 1, 'id'])
    const rule = { key: 'agentur fuer arbeit', actorId: 'jobcenter' }
    await refused('repeated rule', { ...base(), actors: { actors: [actor], rules: [rule, { ...rule, actorId: 'arbeitsagentur' }], bodies: [], areas: [] } }, ['actors', 'rules', 1, 'key'])
  })

  it('refuses groups that name one card twice or one column twice', async () => {
    const file = base()
    const board = file.boards[0]!
    const station = board.stations.find((s) => s.columns.some((c) => c.cards.length >= 2))!
    const column = station.columns.find((c) => c.cards.length >= 2)!
    const where = { tableId: board.tableId, stationId: station.stationId, columnId: column.columnId }
    const group = (title: string, cards: number[]) => ({ title, collapsed: false, cards })
    await refused('card in two groups', { ...file, harvest: { groups: [{ ...where, groups: [group('Sprache', [0]), group('Arbeit', [0, 1])] }], votes: [] } }, ['harvest', 'groups', 0, 'groups', 1, 'cards', 0])
    const vote = { question: 'Was zuerst?', scope: {}, budget: 2, perCardMax: 5, status: 'frozen', openedAt: 0, voters: 1, counts: [{ ...where, card: 0, count: 5 }] }
    await refused('more dots per card than the budget', { ...file, harvest: { groups: [], votes: [vote] } }, ['harvest', 'votes', 0, 'perCardMax'])
    await refused('one column twice', { ...file, harvest: { groups: [{ ...where, groups: [group('Sprache', [0])] }, { ...where, groups: [group('Arbeit', [1])] }], votes: [] } }, ['harvest', 'groups', 1])
  })

  it('refuses a tree that lists one node id twice, or one group\'s tree twice', async () => {
    const created = await api<{ event: { id: string }; facilitatorToken: string }>(running.url, '/api/events', { body: { title: 'Bäume', date: '2018-06-26', tableNames: [], treeMethod: {} }, token: adminKeyOf(running.url) })
    const file = (await api<EventExport>(running.url, `/api/events/${created.body.event.id}/export.json`, { token: created.body.facilitatorToken })).body
    const node = (id: string, parentId: string | null, kind: 'core' | 'cause') => ({ id, kind, parentId, order: 1, text: `Knoten ${id}` })
    const tree = file.trees![0]!
    const nodes = [node('core0001', null, 'core'), node('cause001', 'core0001', 'cause'), node('core0001', 'cause001', 'core')]
    await refused('repeated tree node', { ...file, trees: [{ ...tree, nodes }] }, ['trees', 0, 'nodes', 2, 'id'])
    await refused('repeated tree', { ...file, trees: [tree, tree] }, ['trees', 1, 'groupId'])
  })

  it('takes ids and keys that meet Object.prototype as plain words', async () => {
    const file = base()
    file.event.tables[0] = { ...file.event.tables[0]!, id: 'constructor' }
    file.boards[0] = { ...file.boards[0]!, tableId: 'constructor' }
    // A JSON text with "__proto__" as a key: JSON.parse makes it an own property, never the prototype.
    const text = JSON.stringify(file).replace('{"format"', '{"__proto__":{"admin":true},"format"')
    const res = await fetch(`${running.url}/api/events/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKeyOf(running.url)}` },
      body: text,
    })
    const body = (await res.json()) as { id: string; links: { facilitator: string } }
    expect(res.status).toBe(201)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    const token = decodeURIComponent(body.links.facilitator.slice(body.links.facilitator.indexOf('#k=') + 3))
    const exported = await api<EventExport>(running.url, `/api/events/${body.id}/export.json`, { token })
    expect(exported.status).toBe(200)
    expect(exported.body.boards.find((b) => b.tableId === 'constructor')?.stations.flatMap((s) => s.columns.flatMap((c) => c.cards)).length).toBe(
      file.boards[0]!.stations.flatMap((s) => s.columns.flatMap((c) => c.cards)).length,
    )
  })

  it('leaves no half event behind when a step of the import fails after the event was created', async () => {
    const file = base()
    file.event.id = 'halb-importiert'
    const harvest = running.server.transfer.harvest!
    // A failure late in the import (a full disk, a store refusing a record): simulated in the last step.
    const failing = vi.spyOn(harvest, 'importInto').mockRejectedValueOnce(new Error('simulated store failure'))
    const before = await eventCount()
    const res = await importFile(file)
    failing.mockRestore()
    report('import failing in its last step', `${res.status} ${JSON.stringify(res.body)}`)
    expect(res.status).toBeGreaterThanOrEqual(500)
    expect(await eventCount()).toBe(before)
    // Tried again, the file comes in under its own id (no "-2" next to a broken first attempt).
    const again = await importFile(file)
    expect(again.status).toBe(201)
    expect(again.body.id).toBe('halb-importiert')
  })
})
