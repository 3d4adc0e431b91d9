import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { anEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderEvent, renderTable, renderZip } from './export-service.js'
import { pdfText, readDocx } from './read-back.js'
import { EXPORT_FORMATS } from './shared-export.js'

const LONG_WORD = 'x'.repeat(280)
const SIX_COLUMNS = Array.from({ length: 6 }, (_, i) => ({ id: `spalte-${i + 1}`, title: `Spalte ${i + 1} mit einem recht langen Titel` }))

/** A station with six columns, a card of 280 characters without a space, scripts DejaVu lacks, line breaks. */
const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({
    tableCount: 2,
    template: { method: 'world-cafe', stations: [{ id: 'station-1', title: 'Station 1', prompt: '', columns: SIX_COLUMNS }] },
  }),
  boards: [
    {
      tableId: 'tisch-1',
      stations: [
        {
          stationId: 'station-1',
          columns: SIX_COLUMNS.map((c, i) => ({
            columnId: c.id,
            cards: [
              { text: i === 0 ? LONG_WORD : `Karte ${i + 1}\nzweite Zeile`, subPoints: i === 1 ? ['東京 ☕ 🎉 مرحبا', 'Ελληνικά Кириллица'] : [] },
            ],
          })),
        },
      ],
    },
  ],
}

describe('exports of unusual boards', () => {
  it.each(EXPORT_FORMATS)('renders %s for a table with six columns, a 280-character word and other scripts', async (format) => {
    const out = await renderTable(file, 'tisch-1', format)
    expect(out.bytes.length).toBeGreaterThan(0)
  })

  it('PDF: six columns wrap into two rows of three, the long word breaks inside its column', async () => {
    const text = (await pdfText((await renderTable(file, 'tisch-1', 'pdf')).bytes)).replace(/\s+/g, '')
    expect(text).toContain(LONG_WORD)
    for (const c of SIX_COLUMNS) expect(text).toContain(c.title.replace(/\s+/g, ''))
    expect(text).toContain('ΕλληνικάКириллица')
  })

  it('DOCX: keeps line breaks as breaks and every script as typed', async () => {
    const docx = readDocx((await renderTable(file, 'tisch-1', 'docx')).bytes)
    expect(docx.shape['Station 1 / Spalte 2 mit einem recht langen Titel']).toEqual([{ text: 'Karte 2\nzweite Zeile', subPoints: ['東京 ☕ 🎉 مرحبا', 'Ελληνικά Кириллица'] }])
  })

  it('documents an event without tables, agenda or place', async () => {
    const empty: EventExport = { ...file, event: anEvent({ tableCount: 0, place: '' }), boards: [] }
    for (const format of EXPORT_FORMATS) expect((await renderEvent(empty, format)).bytes.length).toBeGreaterThan(0)
    expect((await renderZip(empty)).fileName).toBe('Cafe-Test_2026-11-23_Ergebnisse.zip')
  })

  it('names the sheets of tables called with emoji only by their place, so a ZIP tells them apart', async () => {
    const named: EventExport = { ...file, event: { ...file.event, tables: file.event.tables.map((t) => ({ ...t, name: '🌱🌍' })) } }
    expect((await renderTable(named, 'tisch-2', 'md')).fileName).toBe('Cafe-Test_2026-11-23_Thementisch-2.md')
    const zip = unzipSync((await renderZip(named)).bytes)
    expect(Object.keys(zip).filter((name) => name.includes('Thementisch-')).sort()).toEqual(expect.arrayContaining([expect.stringMatching(/Thementisch-1\.pdf$/), expect.stringMatching(/Thementisch-2\.pdf$/)]))
    expect(Object.keys(zip).some((name) => /_Export(-\d+)?\./.test(name))).toBe(false)
  })

  it('says so on the sheet of a table without cards', async () => {
    const text = await pdfText((await renderTable(file, 'tisch-2', 'pdf')).bytes)
    expect(text.replace(/\s+/g, ' ')).toContain('Für diesen Thementisch liegen keine Ergebnisse vor.')
  })
})
