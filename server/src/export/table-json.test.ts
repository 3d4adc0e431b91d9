import { describe, expect, it } from 'vitest'
import { koelnEvent, winnendenActorRecords } from '@tischrunde/fixtures'
import { type EventExport, eventExportSchema } from '@tischrunde/shared'
import { renderTable } from './export-service.js'
import { winnendenFraming } from './framing/framing-test-data.js'

const PERSON = 'Frau Müller, 0421 123456'

/** Winnenden with everything an event file can carry besides its tables: actors with a contact person, logos, trees, a programme with a workshop board, groups at two tables. */
function winnendenWithEverything(): EventExport {
  const file = winnendenFraming()
  const [mine, other] = file.boards.filter((b) => b.stations.some((s) => s.columns.some((c) => c.cards.length > 0)))
  const actors = winnendenActorRecords(file).map((a) => (a.id === 'jobcenter' ? { ...a, person: PERSON } : a))
  const koeln = koelnEvent()
  const workshop = koeln.programme!.items.find((i) => i.workshops.length > 0)!.workshops[0]!
  const groupAt = (board: typeof mine) => {
    const station = board!.stations.find((s) => s.columns.some((c) => c.cards.length > 0))!
    const column = station.columns.find((c) => c.cards.length > 0)!
    return { tableId: board!.tableId, stationId: station.stationId, columnId: column.columnId, groups: [{ title: `Gruppe von ${board!.tableId}`, collapsed: false, cards: [0] }] }
  }
  return {
    ...file,
    actors: { actors, rules: [], bodies: [{ id: 'body-0001', type: 'arbeitskreis', name: 'AK Asyl', members: 'Stadt, Diakonie', notes: '' }], areas: [], columns: [] },
    trees: [{ groupId: 'kleiner-landkreis', phase: 'problem', nodes: [{ id: 'kern-0001', kind: 'core', parentId: null, order: 0, text: 'Kooperation bleibt punktuell' }] }],
    programme: koeln.programme,
    workshopBoards: [{ workshopId: workshop.id, columns: [{ columnId: 'ergebnisse', cards: [{ text: 'Eine Anlaufstelle', subPoints: [] }] }] }],
    harvest: { groups: [groupAt(mine), groupAt(other)], votes: [] },
  }
}

describe("one table's JSON download", () => {
  it('holds that table, its board and its groups only: no actor map or contact person, no trees, programme, workshop boards, logos or framing', async () => {
    const file = winnendenWithEverything()
    const tableId = file.harvest!.groups[0]!.tableId
    const out = await renderTable(file, tableId, 'json')
    const text = new TextDecoder().decode(out.bytes)
    expect(text).not.toContain('Frau Müller')
    const narrow = eventExportSchema.parse(JSON.parse(text))
    expect(Object.keys(narrow).sort()).toEqual(['boards', 'event', 'format', 'harvest', 'version'])
    expect(narrow.event.tables.map((t) => t.id)).toEqual([tableId])
    expect(narrow.event.framing).toBeUndefined()
    expect(narrow.boards).toEqual(file.boards.filter((b) => b.tableId === tableId))
    expect(narrow.harvest!.groups.map((g) => g.tableId)).toEqual([tableId])
    expect(narrow.event.template).toEqual(file.event.template)
  })
})
