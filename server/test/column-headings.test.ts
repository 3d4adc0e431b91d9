import ExcelJS from 'exceljs'
import { io } from 'socket.io-client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { type Ack, type EventExport, type TischEvent, WIRE_VERSION } from '@tischrunde/shared'
import { docxParts, paragraphText, pdfText, readCsv, readDocx, readMarkdown, xml } from '../src/export/read-back.js'
import { DOCX_STYLE } from '../src/export/render-docx.js'
import { api, tokenOfLink } from './helpers/api.js'
import { type RunningServer, startServer } from './helpers/in-process-server.js'
import { tempDataDir } from './helpers/temp-dir.js'

/**
 * The combined column heading of three Winnenden tables ("Was sind unsere Ziele? / Was soll ein gutes
 * IntMan leisten?"): seeded with the demo, shown in every export of those tables and only there,
 * kept by a JSON export and import, by a setup saved from the console, and absent from old files.
 */
const COMBINED = 'Was sind unsere Ziele? / Was soll ein gutes IntMan leisten?'
const HEADED = 'arbeitsmarktintegration'
const PLAIN = 'digitalisierung-integrationsplan'
/** Text compared without whitespace and hyphens (PDF lines wrap and break at syllables). */
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, '')

let data: Awaited<ReturnType<typeof tempDataDir>>
let running: RunningServer
beforeEach(async () => {
  data = await tempDataDir('column-headings')
  running = await startServer(data.dir)
  await running.server.transfer.seed(winnendenEvent(), { reset: false, now: Date.now() })
  // Loaded once, so the helpers below can read the events synchronously (`current`).
  await running.server.events.list()
})
afterEach(async () => {
  await running.close()
  await data.remove()
})

const facilitator = (id = 'winnenden') => running.server.events.issue(running.server.events.current(id)!, 'facilitator')
const download = async (query: string, id = 'winnenden') => {
  const res = await fetch(`${running.url}/api/events/${id}/export?${query}`, { headers: { authorization: `Bearer ${facilitator(id)}` } })
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}
const exportJson = async (id = 'winnenden') => {
  const res = await api<EventExport>(running.url, `/api/events/${id}/export.json`, { token: facilitator(id) })
  expect(res.status).toBe(200)
  return res.body
}
const STATION_2 = 'Station 2: Was sind unsere Ziele? Was soll ein gutes Integrationsmanagement leisten?'
/** The column titles of Station 2 in a read-back shape ("<station heading> / <column>" → cards). */
const stationTwoColumns = (shape: Record<string, unknown>) => Object.keys(shape).filter((k) => k.startsWith(`${STATION_2} / `)).map((k) => k.slice(STATION_2.length + 3))

describe('a table\'s own column heading, from the seed to every export', () => {
  it('heads the goals of "Arbeitsmarktintegration" in PDF, DOCX, Markdown, CSV and XLSX, and not those of a table whose sheet has none', async () => {
    const pdf = squash(await pdfText(await download(`format=pdf&table=${HEADED}`)))
    expect(pdf).toContain(squash(COMBINED))
    expect(squash(await pdfText(await download(`format=pdf&table=${PLAIN}`)))).not.toContain(squash(COMBINED))

    expect(stationTwoColumns(readDocx(await download(`format=docx&table=${HEADED}`)).shape)).toEqual([COMBINED])
    expect(stationTwoColumns(readDocx(await download(`format=docx&table=${PLAIN}`)).shape)).toEqual(['Was sind unsere Ziele?', 'Was soll ein gutes Integrationsmanagement leisten?'])

    const md = readMarkdown(new TextDecoder().decode(await download(`format=md&table=${HEADED}`)))
    expect(stationTwoColumns(md.shape)).toEqual([COMBINED])
    expect(md.shape[Object.keys(md.shape).find((k) => k.endsWith(COMBINED))!]!.map((c) => c.text)).toContain('Fördern und Fordern')

    const csv = readCsv(await download(`format=csv&table=${HEADED}`))
    const goals = csv.filter((r) => r[2]!.startsWith('Station 2'))
    expect(goals.length).toBeGreaterThan(10)
    expect(new Set(goals.map((r) => r[3]))).toEqual(new Set([COMBINED]))

    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await download(`format=xlsx&table=${HEADED}`)) as unknown as ExcelJS.Buffer)
    const columns = new Set<string>()
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(3).value).startsWith('Station 2')) columns.add(String(row.getCell(4).value))
    })
    expect(columns).toEqual(new Set([COMBINED]))
  })

  it('stands over the three tables that wrote it in the documentation, once per table', async () => {
    const csv = readCsv(await download('format=csv'))
    const tables = new Set(csv.filter((r) => r[3] === COMBINED).map((r) => r[1]))
    expect(tables).toEqual(new Set(['Frauen, Kinderbetreuung, Sprache', 'Arbeitsmarktintegration', 'Gesundheit, psychosoziale Beratung']))
    const md = new TextDecoder().decode(await download('format=md'))
    expect(md.split('\n').filter((line) => /^#+ /.test(line) && line.includes('Was sind unsere Ziele? / Was soll'))).toHaveLength(3)
    const body = xml(docxParts(await download('format=docx'))['word/document.xml']!)
    const heads = Array.from(body.getElementsByTagName('w:p')).filter((p) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val') === DOCX_STYLE.columnHead)
    expect(heads.filter((p) => paragraphText(p) === COMBINED)).toHaveLength(3)
    expect(squash(await pdfText(await download('format=pdf'))).split(squash(COMBINED)).length - 1).toBeGreaterThanOrEqual(3)
  })

  it('goes out with the JSON export and comes back with its import; a setup saved from the console keeps it', async () => {
    const exported = await exportJson()
    expect(exported.event.tables.find((t) => t.id === HEADED)!.columnHeadings).toEqual([{ stationId: 'station-2', columnId: 'ziele', title: COMBINED }])
    expect(exported.event.tables.find((t) => t.id === PLAIN)).not.toHaveProperty('columnHeadings')

    const imported = await api<{ id: string; links: { facilitator: string } }>(running.url, '/api/events/import', { body: exported, token: running.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    const copy = await api<EventExport>(running.url, `/api/events/${imported.body.id}/export.json`, { token: tokenOfLink(imported.body.links.facilitator) })
    // Event and boards as exported, byte for byte (the actor map's card ids are the new event's own).
    expect(JSON.stringify({ event: { ...copy.body.event, id: 'winnenden' }, boards: copy.body.boards })).toBe(JSON.stringify({ event: exported.event, boards: exported.boards }))

    // The console sends the tables as it got them: the heading stays.
    const socket = io(running.url, { auth: { token: facilitator(), wire: WIRE_VERSION }, transports: ['websocket'], reconnection: false })
    try {
      const state = await new Promise<{ event: TischEvent }>((resolve) => socket.once('event:state', resolve))
      expect(state.event.tables.find((t) => t.id === HEADED)!.columnHeadings).toHaveLength(1)
      const { id: _id, showNames: _s, treeMethod: _t, ...setup } = state.event
      expect(await (socket.emitWithAck('event:update', { setup: { ...setup, place: 'Hermann-Schwab-Halle' } }) as Promise<Ack>)).toEqual({ ok: true })
    } finally {
      socket.disconnect()
    }
    expect((await exportJson()).event.tables).toEqual(exported.event.tables)
  })

  it('is absent from an older file: it imports, exports without the field and shows the template\'s titles', async () => {
    const exported = await exportJson()
    const older: EventExport = { ...exported, event: { ...exported.event, tables: exported.event.tables.map(({ columnHeadings: _h, ...t }) => t) } }
    const imported = await api<{ id: string; links: { facilitator: string } }>(running.url, '/api/events/import', { body: older, token: running.server.credentials.adminKey })
    expect(imported.status).toBe(201)
    const token = tokenOfLink(imported.body.links.facilitator)
    const copy = await api<EventExport>(running.url, `/api/events/${imported.body.id}/export.json`, { token })
    expect(JSON.stringify({ event: { ...copy.body.event, id: 'winnenden' }, boards: copy.body.boards })).toBe(JSON.stringify({ event: older.event, boards: older.boards }))
    const res = await fetch(`${running.url}/api/events/${imported.body.id}/export?format=csv&table=${HEADED}`, { headers: { authorization: `Bearer ${token}` } })
    const columns = new Set(readCsv(new Uint8Array(await res.arrayBuffer())).filter((r) => r[2]!.startsWith('Station 2')).map((r) => r[3]))
    expect(columns).toEqual(new Set(['Was sind unsere Ziele?']))
  })
})
