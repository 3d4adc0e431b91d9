import { describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { eventExportSchema } from '@tischrunde/shared'
import { type RenderedFile, renderEvent, renderTable, renderZip } from './export-service.js'
import { renderDocumentationDocx } from './render-docx.js'
import { csvShapes, docxParts, misplacedInPdf, pdfText, readCsv, readDocx, readMarkdown, shapeOf, xml } from './read-back.js'
import { CSV_HEADER, EXPORT_FORMATS, buildEventDocumentation, buildResultSheet, neutraliseCell } from './shared-export.js'

const file = winnendenEvent()
const tables = file.event.tables
const sheets = new Map(tables.map((t) => [t.id, buildResultSheet(file, t.id)!]))
/** Milliseconds spent rendering, per format, over all tables (printed at the end). */
const spent: Record<string, number> = {}

async function timed(label: string, render: () => Promise<RenderedFile>): Promise<RenderedFile> {
  const start = performance.now()
  const out = await render()
  spent[label] = (spent[label] ?? 0) + performance.now() - start
  return out
}

/** CSV cells hold card text neutralised against formulas ("+ Nutzen" → "'+ Nutzen"). */
const neutralised = (shape: ReturnType<typeof shapeOf>) =>
  Object.fromEntries(Object.entries(shape).map(([k, cards]) => [k, cards.map((c) => ({ text: neutraliseCell(c.text), subPoints: c.subPoints.map(neutraliseCell) }))]))

describe('result sheets of the Winnenden event, read back with real parsers', () => {
  it('has the ~450 cards of eleven tables to export', () => {
    expect(tables).toHaveLength(11)
    expect([...sheets.values()].reduce((n, s) => n + s.cardCount, 0)).toBeGreaterThan(400)
  })

  describe.each(tables.map((t) => [t.name, t.id] as const))('Thementisch „%s“', (_name, tableId) => {
    const sheet = sheets.get(tableId)!

    it('PDF: every card and sub-point stands under its station and column, in order', async () => {
      const out = await timed('pdf', () => renderTable(file, tableId, 'pdf'))
      expect(out.contentType).toBe('application/pdf')
      expect(Buffer.from(out.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
      const raw = await pdfText(out.bytes, 'raw')
      expect(raw.replace(/\s+/g, ' ')).toContain(sheet.heading)
      expect(misplacedInPdf(raw, sheet)).toEqual([])
      // Header and page numbers on every page.
      const pages = (await pdfText(out.bytes)).split('\f').filter((p) => p.trim())
      pages.forEach((page, i) => {
        expect(page).toContain('2. Juli 2019')
        expect(page).toContain(`Seite ${i + 1} von ${pages.length}`)
      })
    })

    it('DOCX: Heading 1, Heading 2 per station, a table of columns, bullet lists with a numbering definition', async () => {
      const out = await timed('docx', () => renderTable(file, tableId, 'docx'))
      const docx = readDocx(out.bytes)
      expect(docx.headings1).toEqual([sheet.heading])
      expect(docx.shape).toEqual(shapeOf(sheet, 'heading'))
      // Bullet lists, and for numbered columns Word numbering with the typed numbers as each run's start.
      const numbered = sheet.stations.some((s) => s.columns.some((c) => c.numbered) || s.columns.some((c) => c.cards.some((card) => card.subNumbered)))
      expect(new Set(docx.lists.map((l) => l.formats.join('/')))).toEqual(new Set(['bullet/bullet', ...(numbered ? ['decimal/decimal'] : [])]))
    })

    it('Markdown: headings for station and column, a nested list for cards and sub-points', async () => {
      const out = await timed('md', () => renderTable(file, tableId, 'md'))
      const md = readMarkdown(new TextDecoder().decode(out.bytes))
      expect(md.title).toBe(`${sheet.heading} – Ergebnisse`)
      expect(md.shape).toEqual(shapeOf(sheet, 'heading'))
    })

    it('CSV: one row per card and sub-point, UTF-8 with BOM, the German header', async () => {
      const out = await timed('csv', () => renderTable(file, tableId, 'csv'))
      expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const rows = readCsv(out.bytes)
      expect(rows[0]).toEqual([...CSV_HEADER])
      expect(csvShapes(rows)).toEqual(sheet.cardCount ? { [sheet.table.name]: neutralised(shapeOf(sheet, 'heading')) } : {})
    })

    it('JSON: an event file the importer accepts, with just this table', async () => {
      const out = await timed('json', () => renderTable(file, tableId, 'json'))
      const parsed = eventExportSchema.parse(JSON.parse(new TextDecoder().decode(out.bytes)))
      expect(parsed.event.tables.map((t) => t.id)).toEqual([tableId])
      expect(parsed.boards).toEqual(file.boards.filter((b) => b.tableId === tableId))
    })

    it('names every file <Event>_<date>_<table>.<ext> in ASCII', async () => {
      const out = await renderTable(file, tableId, 'md')
      expect(out.fileName).toMatch(/^Winnenden_2019-07-02_[A-Za-z0-9-]+\.md$/)
    })
  })
})

describe('the PDF reading itself', () => {
  it('notices a card that stands in the wrong column', async () => {
    const sheet = sheets.get('arbeitsmarktintegration')!
    const raw = await pdfText((await renderTable(file, sheet.table.id, 'pdf')).bytes, 'raw')
    const moved = structuredClone(sheet)
    const [good, bad] = moved.stations[0]!.columns
    bad!.cards.push(good!.cards.shift()!)
    expect(misplacedInPdf(raw, moved)).toEqual([`Station 1 / Wo hakt es?: „${sheet.stations[0]!.columns[0]!.cards[0]!.text}“ fehlt oder steht woanders`])
  })
})

describe('the whole documentation of the Winnenden event', () => {
  const doc = buildEventDocumentation(file)

  it('PDF: title page, contents whose page numbers lead to each chapter (as in the DOCX, right after the title page), Tagesprogramm', async () => {
    const out = await timed('event pdf', () => renderEvent(file, 'pdf'))
    expect(out.fileName).toBe('Winnenden_2019-07-02_Dokumentation.pdf')
    const pages = (await pdfText(out.bytes)).split('\f').map((page) => page.replace(/\s+/g, ' '))
    expect(pages[0]).toContain(file.event.title)
    expect(pages[0]).toContain('2. Juli 2019')
    expect(pages[0]).toContain('Hermann-Schwab-Halle Winnenden')
    expect(pages[1]).toContain('Inhalt')
    expect(pages[2]).toContain('Tagesprogramm')
    expect(pages[2]).toContain('Erfahrungsaustausch – Station 3')
    // Ablauf und Methode: every station with its question and its cards over all tables.
    expect(pages[3]).toContain('Ablauf und Methode')
    for (const station of doc.method) expect(pages[3]).toContain(`${station.title}: ${station.prompt.slice(0, 30)}`)
    expect(doc.method.reduce((n, s) => n + s.cardCount, 0)).toBe(doc.sheets.reduce((n, s) => n + s.cardCount, 0))
    expect(pages.filter((p) => p.trim()).at(-1)).toContain('Vielen Dank für Ihre Mitwirkung!')
    // A page whose header continues a station does not begin with another station's heading.
    let checked = 0
    for (const page of (await pdfText(out.bytes)).split('\f')) {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean)
      const continued = /· (Station \d+) \(Fortsetzung\)/.exec(lines[0] ?? '')
      // The date stands beside the header; pdftotext gives it a line of its own.
      const begins = /^(Station \d+):/.exec(lines.slice(1).find((l) => l !== '2. Juli 2019') ?? '')
      if (!continued) continue
      checked++
      expect(begins?.[1] ?? continued[1], lines.slice(0, 2).join(' / ')).toBe(continued[1])
    }
    expect(checked).toBeGreaterThan(3)
    // Every chapter is listed with the page it begins on: the agenda and the method too.
    for (const heading of ['Tagesprogramm', 'Ablauf und Methode', ...doc.sheets.map((sheet) => sheet.heading)]) {
      const entry = new RegExp(`${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)`).exec(pages[1]!)
      expect(entry, heading).not.toBeNull()
      expect(pages[Number(entry![1]) - 1]).toContain(heading)
    }
  })

  it('DOCX: a contents field with an entry per chapter, one Heading 1 per table', async () => {
    const out = await timed('event docx', () => renderEvent(file, 'docx'))
    const docx = readDocx(out.bytes)
    expect(docx.headings1).toEqual(['Tagesprogramm', 'Ablauf und Methode', ...doc.sheets.map((s) => s.heading)])
    const document = docxParts(out.bytes)['word/document.xml']!
    expect(document).toContain('TOC \\h \\o &quot;1-1&quot;')
    const tocEntries = Array.from(xml(document).getElementsByTagName('w:hyperlink')).map((h) => h.textContent)
    expect(tocEntries).toEqual(docx.headings1.map((h) => expect.stringContaining(h)))
  })

  it('DOCX: the contents are a field Word updates on opening, every chapter listed', async () => {
    const parts = docxParts(await renderDocumentationDocx(doc))
    const document = parts['word/document.xml']!
    const entries = Array.from(xml(document).getElementsByTagName('w:hyperlink')).map((h) => h.textContent ?? '')
    expect(entries).toEqual(['Tagesprogramm', 'Ablauf und Methode', ...doc.sheets.map((s) => s.heading)].map((h) => expect.stringContaining(h)))
    expect(/<w:fldChar [^>]*w:dirty="true"/.test(document)).toBe(true)
    // Right after the title page, before every chapter it lists (Tagesprogramm included), as a reader looks for it.
    const text = xml(document).documentElement.textContent ?? ''
    expect(document.indexOf('TOC \\h')).toBeLessThan(document.indexOf('>Tagesprogramm<'))
    expect(text.indexOf('Inhalt')).toBeLessThan(text.indexOf('Tagesprogramm'))
    expect(parts['word/settings.xml']).toMatch(/<w:updateFields(\s+w:val="true")?\s*\/>/)
  })

  it('CSV: all tables in one file', async () => {
    const out = await timed('event csv', () => renderEvent(file, 'csv'))
    expect(out.fileName).toBe('Winnenden_2019-07-02_Alle-Tische.csv')
    const shapes = csvShapes(readCsv(out.bytes))
    for (const sheet of doc.sheets.filter((s) => s.cardCount)) expect(shapes[sheet.table.name]).toEqual(neutralised(shapeOf(sheet, 'heading')))
  })

  it('JSON: the EventExport the importer reads, unchanged', async () => {
    const out = await timed('event json', () => renderEvent(file, 'json'))
    expect(eventExportSchema.parse(JSON.parse(new TextDecoder().decode(out.bytes)))).toEqual(file)
  })

  it('Markdown: agenda, contents, and every table as a chapter (## table, ### station, #### column)', async () => {
    const out = await timed('event md', () => renderEvent(file, 'md'))
    const text = new TextDecoder().decode(out.bytes)
    expect(text).toContain('## Tagesprogramm')
    // Each "## " chunk read on its own, its heading lifted to the title.
    const chapters = Object.fromEntries(text.split(/\n(?=## )/).map((chunk) => {
      const read = readMarkdown(chunk.replace(/^## /, '# '), 3)
      return [read.title, read.shape]
    }))
    for (const sheet of doc.sheets) expect(chapters[`${sheet.heading} – Ergebnisse`], sheet.heading).toEqual(shapeOf(sheet, 'heading'))
  })

  it('ZIP: every format of every table plus the documentation, and prints how long all of it took', async () => {
    const start = performance.now()
    const zip = await renderZip(file)
    const zipMs = performance.now() - start
    const names = Object.keys(docxParts(zip.bytes))
    expect(zip.fileName).toBe('Winnenden_2019-07-02_Ergebnisse.zip')
    expect(names).toEqual(expect.arrayContaining(EXPORT_FORMATS.map((f) => expect.stringMatching(new RegExp(`^Winnenden_2019-07-02[_A-Za-z-]*\\.${f}$`)))))
    expect(names.filter((n) => n.startsWith('Thementische/'))).toHaveLength(tables.length * 4)
    // A guide lists every file and says why CSV cells may start with an apostrophe.
    const readme = docxParts(zip.bytes)['LIESMICH.txt']!
    for (const name of names.filter((n) => n !== 'LIESMICH.txt')) expect(readme).toContain(name)
    expect(readme).toContain("'+ Nutzen")
    // The day as people write it, not 2019-07-02.
    expect(readme.split('\n')[0]).toContain('(2. Juli 2019)')
    const perFormat = Object.entries(spent).map(([k, ms]) => `${k} ${Math.round(ms)} ms`).join(', ')
    console.log(`[export timing] 11 Winnenden tables: ${perFormat}; ZIP with everything ${Math.round(zipMs)} ms, ${(zip.bytes.length / 1024).toFixed(0)} KiB`)
  })
})
