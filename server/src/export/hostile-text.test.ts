import { describe, expect, it } from 'vitest'
import { anEvent } from '@tischrunde/fixtures'
import { EVENT_EXPORT_FORMAT, EVENT_EXPORT_VERSION, type EventExport } from '@tischrunde/shared'
import { renderEvent, renderTable } from './export-service.js'
import { csvShapes, docxParts, markdown, pdfText, readCsv, readDocx, readMarkdown, xml } from './read-back.js'

/** Card texts that would be a formula, HTML or Markdown if any format took them as markup. */
const HOSTILE = ['=HYPERLINK("http://x","y")', '<img src=x onerror=alert(1)>', '**bold** [link](javascript:alert(1))'] as const

const file: EventExport = {
  format: EVENT_EXPORT_FORMAT,
  version: EVENT_EXPORT_VERSION,
  event: anEvent({ tableCount: 1, tables: [{ id: 'tisch-1', name: '<b>Tisch</b> *1*', host: '' }] }),
  boards: [
    {
      tableId: 'tisch-1',
      stations: [
        {
          stationId: 'station-1',
          columns: [
            { columnId: 'laeuft-gut', cards: HOSTILE.map((text) => ({ text, subPoints: [] })) },
            { columnId: 'hakt-es', cards: [{ text: 'Sub-points too', subPoints: [...HOSTILE] }] },
          ],
        },
      ],
    },
  ],
}
const expectedShape = (station: string) => ({
  [`${station} / Was läuft gut?`]: HOSTILE.map((text) => ({ text, subPoints: [] })),
  [`${station} / Wo hakt es?`]: [{ text: 'Sub-points too', subPoints: [...HOSTILE] }],
})
const STATION_HEADING = 'Station 1: Was läuft gut? Wo hakt es?'
const squash = (s: string) => s.replace(/\s+/g, '')

describe.each([
  ['the table sheet', (format: 'pdf' | 'docx' | 'md' | 'csv' | 'json') => renderTable(file, 'tisch-1', format)],
  ['the whole documentation', (format: 'pdf' | 'docx' | 'md' | 'csv' | 'json') => renderEvent(file, format)],
])('hostile card text in %s comes out as plain text', (_what, render) => {
  it('PDF: the same characters on the page, and no link or script in the file', async () => {
    const out = await render('pdf')
    const text = squash(await pdfText(out.bytes))
    for (const hostile of HOSTILE) expect(text).toContain(squash(hostile))
    expect(text).toContain(squash('<b>Tisch</b> *1*'))
    const raw = Buffer.from(out.bytes).toString('latin1')
    for (const marker of ['/URI', '/JavaScript', '/JS', '/Launch', '/SubmitForm']) expect(raw).not.toContain(marker)
  })

  it('DOCX: the same characters in text runs; no hyperlink, field or picture in the body', async () => {
    const out = await render('docx')
    expect(readDocx(out.bytes).shape).toEqual(expectedShape(STATION_HEADING))
    const body = xml(docxParts(out.bytes)['word/document.xml']!)
    expect(body.getElementsByTagName('w:drawing').length).toBe(0)
    expect(body.getElementsByTagName('img').length).toBe(0)
    expect(body.getElementsByTagName('w:fldSimple').length).toBe(0)
    const fields = Array.from(body.getElementsByTagName('w:instrText')).map((i) => i.textContent ?? '')
    expect(fields.filter((f) => !/^(TOC|PAGEREF) /.test(f.trim()))).toEqual([]) // only the contents of the documentation
    const links = Array.from(body.getElementsByTagName('w:hyperlink'))
    expect(links.every((l) => l.getAttribute('w:anchor')?.startsWith('_Toc') && !l.getAttribute('r:id'))).toBe(true)
  })

  it('Markdown: rendered by a CommonMark parser (HTML and linkify on), it is the same text with no tags', async () => {
    const out = await render('md')
    const source = new TextDecoder().decode(out.bytes)
    const html = markdown.render(source)
    for (const tag of ['<a', '<img', '<strong', '<em', '<b>', '<code', '<script']) expect(html).not.toContain(tag)
    const levels = source.startsWith('# Thementisch') ? 2 : 3
    const read = levels === 2 ? readMarkdown(source) : readMarkdown(source.slice(source.indexOf('\n## Thementisch')).replace(/^\n## /, '# '), 3)
    expect(read.shape).toEqual(expectedShape(STATION_HEADING))
    expect(read.title).toContain('<b>Tisch</b> *1*')
  })

  it('CSV: the formula neutralised with an apostrophe, the rest verbatim', async () => {
    const out = await render('csv')
    const shape = csvShapes(readCsv(out.bytes))['<b>Tisch</b> *1*']
    const neutral = ["'=HYPERLINK(\"http://x\",\"y\")", HOSTILE[1], HOSTILE[2]]
    expect(shape).toEqual({
      [`${STATION_HEADING} / Was läuft gut?`]: neutral.map((text) => ({ text, subPoints: [] })),
      [`${STATION_HEADING} / Wo hakt es?`]: [{ text: 'Sub-points too', subPoints: neutral }],
    })
  })

  it('JSON: the exact strings', async () => {
    const out = await render('json')
    const parsed = JSON.parse(new TextDecoder().decode(out.bytes)) as EventExport
    expect(parsed.boards[0]!.stations[0]!.columns[0]!.cards.map((c) => c.text)).toEqual([...HOSTILE])
  })
})

describe('a hostile table name in a file name', () => {
  it('is folded to ASCII letters, digits and dashes', async () => {
    const out = await renderTable(file, 'tisch-1', 'pdf')
    expect(out.fileName).toBe('Cafe-Test_2026-11-23_b-Tisch-b-1.pdf')
  })
})
