import { describe, expect, it } from 'vitest'
import { bremenEvent, winnendenEvent } from '@tischrunde/fixtures'
import { HARVEST_CHAPTER_WORDS, SHEET_WORDS, TREE_SHEET_WORDS, slugify } from '@tischrunde/shared'
import { renderEvent, renderTable } from './export-service.js'
import { CONTENT_BOTTOM, MARGIN } from './pdf-layout.js'
import { docxParts, expectedReadingOrder, pdfText, readDocx, readPdfStructure, readingOrder, xml } from './read-back.js'
import { DOCX_STYLE } from './render-docx.js'
import { documentationLayout, headerFor, sheetPdfPages } from './render-pdf.js'
import { buildEventDocumentation, buildResultSheet } from './shared-export.js'

/**
 * What an organiser needs to publish the documentation: a tagged PDF a screen reader reads column by
 * column, pages that say where they belong and are never left mostly empty, real lists in Word.
 */
const file = winnendenEvent()
const doc = buildEventDocumentation(file)
const sheetOf = (id: string) => buildResultSheet(file, id)!

describe('the tagged PDF', () => {
  it('reads a one-page sheet column by column: headings, then each column its head and its list', async () => {
    const sheet = sheetOf('digitalisierung-integrationsplan')
    const structure = await readPdfStructure((await renderTable(file, sheet.table.id, 'pdf')).bytes)
    expect(structure.pages).toHaveLength(1)
    expect(structure.lang).toBe('de-DE')
    expect(structure.title).toBe(`${sheet.heading} – Ergebnisse`)
    expect(structure.pages.flatMap(readingOrder)).toEqual(expectedReadingOrder(sheet))
    expect(structure.outline.map((o) => o.title)).toEqual(sheet.stations.map((s) => s.title))
  })

  it('reads a longer sheet page by page in the same order, numbered items with their number as the label', async () => {
    const sheet = sheetOf('frauen-kinderbetreuung-sprache')
    const structure = await readPdfStructure((await renderTable(file, sheet.table.id, 'pdf')).bytes)
    expect(structure.pages.length).toBeGreaterThan(1)
    const order = structure.pages.flatMap(readingOrder)
    // Every heading once, in order (a column's head repeated on the next page is decoration).
    expect(order.filter((e) => /^H\d/.test(e))).toEqual(expectedReadingOrder(sheet).filter((e) => /^H\d/.test(e)))
    expect(new Set(order)).toEqual(new Set(expectedReadingOrder(sheet)))
    expect(order).toContain('Lbl: 3.') // "3. Frauen in ihrer aktuellen Situation „abholen“": the number is the list label
    expect(order.some((e) => e.startsWith('P: FraueninihreraktuellenSituation'))).toBe(true)
  })

  it('lists, headings and labels are elements of the structure tree, decoration is not', async () => {
    const sheet = sheetOf('frauen-kinderbetreuung-sprache')
    const structure = await readPdfStructure((await renderTable(file, sheet.table.id, 'pdf')).bytes)
    const roles = new Set<string>()
    const walk = (n: { role: string; children: { role: string; children: never[] }[] }) => {
      roles.add(n.role)
      n.children.forEach(walk)
    }
    structure.pages.forEach((p) => walk(p as never))
    for (const role of ['Document', 'Sect', 'H1', 'H2', 'H3', 'H4', 'L', 'LI', 'Lbl', 'LBody', 'P']) expect(roles).toContain(role)
    // The running header and page numbers are artifacts: no element reads "Seite 1 von 2".
    expect(structure.pages.flatMap(readingOrder).some((e) => e.includes('Seitevon'))).toBe(false)
  })

  it('the documentation has a bookmark per table with one per station below it', async () => {
    const structure = await readPdfStructure((await renderEvent(file, 'pdf')).bytes)
    expect(structure.lang).toBe('de-DE')
    expect(structure.outline.map((o) => o.title)).toEqual(['Tagesprogramm', 'Ablauf und Methode', ...doc.sheets.map((s) => s.heading)])
    doc.sheets.forEach((sheet, i) => expect(structure.outline[i + 2]!.items).toEqual(sheet.stations.map((s) => s.title)))
    // The contents are a TOC of entries whose Link elements hold the chapter's heading.
    const links: string[] = []
    const walk = (n: { role: string; text: string; children: never[] }) => {
      if (n.role === 'Link') links.push(n.text.replace(/\s+/g, ' '))
      n.children.forEach(walk)
    }
    structure.pages.forEach((p) => walk(p as never))
    expect(links).toEqual(['Tagesprogramm', 'Ablauf und Methode', ...doc.sheets.map((s) => s.heading)])
  })
})

describe('the contents of the documentation PDF', () => {
  it('list the chapters after the tables too (the "Sichtung"), with their page, linked', async () => {
    const harvested = winnendenEvent()
    const board = harvested.boards.find((b) => b.stations.some((s) => s.columns.some((c) => c.cards.length > 0)))!
    const station = board.stations.find((s) => s.columns.some((c) => c.cards.length > 0))!
    const column = station.columns.find((c) => c.cards.length > 0)!
    harvested.harvest = { groups: [{ tableId: board.tableId, stationId: station.stationId, columnId: column.columnId, groups: [{ title: 'Zuerst angehen', collapsed: false, cards: [0] }] }], votes: [] }
    const bytes = (await renderEvent(harvested, 'pdf')).bytes
    const structure = await readPdfStructure(bytes)
    const links: string[] = []
    const walk = (n: { role: string; text: string; children: never[] }) => {
      if (n.role === 'Link') links.push(n.text.replace(/\s+/g, ' ').trim())
      n.children.forEach(walk)
    }
    structure.pages.forEach((p) => walk(p as never))
    expect(links.at(-1)).toBe(HARVEST_CHAPTER_WORDS.chapter)
    expect(links).toHaveLength(2 + buildEventDocumentation(harvested).sheets.length + 1)
    // Its page number is the page the chapter starts on.
    const pages = (await pdfText(bytes)).split('\f')
    const chapterPage = pages.findIndex((p, i) => i > 3 && p.includes(HARVEST_CHAPTER_WORDS.chapter) && p.includes('Zuerst angehen')) + 1
    const contents = pages.find((p) => p.includes(SHEET_WORDS.contents))!.replace(/\s+/g, ' ')
    expect(contents).toMatch(new RegExp(`${HARVEST_CHAPTER_WORDS.chapter} ${chapterPage}\\b`))
  })
})

describe('the contents of a mixed day (theme tables and trees)', () => {
  it('list the trees’ chapter too, with the page it starts on', async () => {
    const mixed = winnendenEvent()
    const bremen = bremenEvent()
    mixed.event = { ...mixed.event, treeMethod: bremen.event.treeMethod }
    const node = { id: 'kern-0001', kind: 'core' as const, parentId: null, order: 0, text: 'Kooperation bleibt punktuell' }
    mixed.trees = [{ groupId: slugify('kleiner Landkreis'), phase: 'problem' as const, nodes: [node] }]
    const bytes = (await renderEvent(mixed, 'pdf')).bytes
    const pages = (await pdfText(bytes)).split('\f')
    const chapterPage = pages.findIndex((p, i) => i > 3 && p.includes(TREE_SHEET_WORDS.chapter) && p.includes('Kooperation bleibt punktuell')) + 1
    expect(chapterPage).toBeGreaterThan(4)
    const contents = pages.find((p) => p.includes(SHEET_WORDS.contents))!.replace(/\s+/g, ' ')
    expect(contents).toMatch(new RegExp(`${TREE_SHEET_WORDS.chapter} ${chapterPage}\\b`))
  })
})

describe('pagination of the documentation PDF', () => {
  const layout = documentationLayout(doc)
  const contexts = layout.pageContexts()

  it('names the table on every page of a chapter, and on continuation pages the station too', async () => {
    const pages = (await pdfText(await layout.finish(headerFor(doc.event), 1)))
      .split('\f')
      .map((p) => p.replace(/\s+/g, ' '))
    let continuation = 0
    contexts.forEach((context, i) => {
      if (!context) return
      expect(pages[i], `Seite ${i + 1}`).toContain(context.table)
      if (context.continued) {
        continuation++
        expect(pages[i], `Seite ${i + 1}`).toContain('(Fortsetzung)')
      }
    })
    expect(continuation).toBeGreaterThan(3)
  })

  it('leaves no page of a table more than two-thirds empty, except the last page of a table', () => {
    const height = CONTENT_BOTTOM - MARGIN.top
    const thin: string[] = []
    contexts.forEach((context, i) => {
      const next = contexts[i + 1]
      const endsTable = !next || next.table !== context?.table || !next.continued
      if (!context || endsTable) return
      const fill = (layout.pageBottoms[i]! - MARGIN.top) / height
      if (fill < 1 / 3) thin.push(`Seite ${i + 1} (${context.table}): ${Math.round(fill * 100)} %`)
    })
    expect(thin).toEqual([])
  })

  it('sets a sheet that runs over a page in two columns when that fits one page, read station by station, column by column', async () => {
    const sheet = sheetOf('einzelkaempfer-laendlicher-raum')
    expect(sheetPdfPages(sheet).bottoms).toHaveLength(1)
    const bytes = (await renderTable(file, sheet.table.id, 'pdf')).bytes
    const structure = await readPdfStructure(bytes)
    expect(structure.pages).toHaveLength(1)
    // The reading order is the sheet's, though stations run on into the right column of the page.
    expect(structure.pages.flatMap(readingOrder)).toEqual(expectedReadingOrder(sheet))
    expect(structure.outline.map((o) => o.title)).toEqual(sheet.stations.map((s) => s.title))
    // Both halves of the page are used: Station 3 starts in the right column.
    const raw = await pdfText(bytes, 'raw')
    expect(raw).toContain('Seite 1 von 1')
  })

  it('fits a table sheet on one page where the content allows, else says "Seite 1 von 2"', async () => {
    const pages = doc.sheets.map((s) => sheetPdfPages(s).bottoms.length)
    expect(pages.filter((n) => n === 1).length).toBeGreaterThanOrEqual(3)
    const twoPages = doc.sheets[pages.findIndex((n) => n === 2)]!
    const text = await pdfText((await renderTable(file, twoPages.table.id, 'pdf')).bytes)
    expect(text).toContain('Seite 1 von 2')
    expect(text).toContain('Seite 2 von 2')
  })
})

describe('the Word documentation', () => {
  it('numbers numbered columns with Word numbering (w:numPr, decimal) and styles column heads, cards and sub-points', async () => {
    const out = await renderTable(file, 'einzelkaempfer-laendlicher-raum', 'docx')
    const parts = docxParts(out.bytes)
    const body = xml(parts['word/document.xml']!)
    const paragraphs = Array.from(body.getElementsByTagName('w:p'))
    const styleOf = (p: Element) => p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val')
    const cards = paragraphs.filter((p) => styleOf(p) === DOCX_STYLE.card)
    expect(cards.length).toBeGreaterThan(20)
    expect(cards.every((p) => p.getElementsByTagName('w:numPr').length === 1)).toBe(true)
    expect(paragraphs.filter((p) => styleOf(p) === DOCX_STYLE.columnHead).length).toBeGreaterThanOrEqual(4)
    expect(paragraphs.some((p) => styleOf(p) === DOCX_STYLE.subPoint)).toBe(true)
    expect(paragraphs.some((p) => styleOf(p) === DOCX_STYLE.label)).toBe(true) // "Mindeststandard …:"
    // The typed "1. Lebensmittelladen im Ort" is a numbered item without its number in the text.
    expect(readDocx(out.bytes).lists.some((l) => l.formats[0] === 'decimal')).toBe(true)
    const shown = paragraphs.map((p) => p.textContent ?? '')
    expect(shown.some((t) => /^\d+\. /.test(t))).toBe(false)
    // Named styles, so restyling reaches them all.
    const styles = parts['word/styles.xml']!
    for (const name of ['Spaltenkopf', 'Karte', 'Unterpunkt', 'Zwischenüberschrift']) expect(styles).toContain(`<w:name w:val="${name}"/>`)
    // Every page's header names the table and station it belongs to (fields Word fills in per page).
    const header = Object.entries(parts).find(([name, xml]) => name.startsWith('word/header') && xml.includes('STYLEREF'))?.[1]
    expect(header).toContain('STYLEREF &quot;heading 1&quot;')
    expect(header).toContain('STYLEREF &quot;heading 2&quot;')
    // A card is kept on one page: its lines together, with its sub-points.
    expect(cards.every((p) => p.getElementsByTagName('w:keepLines').length === 1)).toBe(true)
  })
})
