import { describe, expect, it } from 'vitest'
import { winnendenEvent } from '@tischrunde/fixtures'
import { renderEvent, renderTable } from './export-service.js'
import { CONTENT_BOTTOM, MARGIN } from './pdf-layout.js'
import { docxParts, expectedReadingOrder, paragraphText, pdfText, readPdfStructure, readingOrder, xml } from './read-back.js'
import { DOCX_STYLE } from './render-docx.js'
import { sheetPdfPages } from './render-pdf.js'
import { buildEventDocumentation, buildResultSheet, escapeMarkdownLine, escapeMarkdownText, SHEET_WORDS } from './shared-export.js'

/**
 * What an organiser checks before publishing the Winnenden documentation, beyond a single sheet
 * (structure.test.ts): the whole documentation PDF read through its structure tree, every table's
 * own PDF paginated as the documentation is, and a station a table did not work on said so.
 */
const file = winnendenEvent()
const doc = buildEventDocumentation(file)

/** Whether `part` occurs in `whole` in its order (other elements may stand between); else the first element that does not. */
function inOrder(whole: readonly string[], part: readonly string[]): string | undefined {
  let at = 0
  for (const element of part) {
    const found = whole.indexOf(element, at)
    if (found < 0) return element
    at = found + 1
  }
  return undefined
}

/**
 * Problems of a sheet's pages read one by one against the sheet's reading order. pdf.js gives each
 * page's part of the structure tree: a page holding the start of two columns reads the first column's
 * part, then the second's (the rest of both follows on the next page), so each page must read in the
 * sheet's order, and all pages together must hold every element of the sheet once.
 */
function readingProblems(pages: readonly (readonly string[])[], expected: readonly string[]): string[] {
  const known = new Set(expected)
  const read = pages.map((page) => page.filter((e) => known.has(e)))
  const problems = read.flatMap((page, i) => {
    const wrong = inOrder(expected, page)
    return wrong === undefined ? [] : [`Seite ${i + 1}: „${wrong}“ steht außer der Reihe`]
  })
  const sorted = (list: readonly string[]) => [...list].sort().join('\n')
  if (sorted(read.flat()) !== sorted(expected)) problems.push(`${read.flat().length} Elemente gelesen, ${expected.length} erwartet`)
  return problems
}

describe('the documentation PDF read through its structure tree', () => {
  it('reads every chapter as its sheet does: headings, column heads, list labels and cards in order, in German', async () => {
    const structure = await readPdfStructure((await renderEvent(file, 'pdf')).bytes)
    expect(structure.lang).toBe('de-DE')
    expect(structure.title).toBe(`${SHEET_WORDS.documentation}: ${file.event.title}`)
    const pages = structure.pages.map(readingOrder)
    // Each chapter's pages: from the page with its heading on, until the next chapter's heading.
    const chapters = doc.sheets.map(() => [] as string[][])
    let chapter = -1
    for (const page of pages) {
      const starts = doc.sheets.findIndex((sheet, i) => i > chapter && page.includes(expectedReadingOrder(sheet)[0]!))
      if (starts >= 0) chapter = starts
      if (chapter >= 0) chapters[chapter]!.push(page)
    }
    doc.sheets.forEach((sheet, i) => expect(readingProblems(chapters[i]!, expectedReadingOrder(sheet)), sheet.heading).toEqual([]))
    const order = pages.flat()
    // Lists are lists: a numbered item's number is its label.
    expect(order).toContain('Lbl: 3.')
    expect(order.filter((e) => e.startsWith('H1: ')).length).toBeGreaterThanOrEqual(doc.sheets.length + 3)
  }, 60_000)
})

describe('a table\'s own PDF', () => {
  const sheets = doc.sheets.map((s) => ({ sheet: s, pages: sheetPdfPages(s) }))

  it('names the table and "(Fortsetzung)" on every page after the first', async () => {
    const longer = sheets.filter((s) => s.pages.bottoms.length > 1)
    expect(longer.length).toBeGreaterThan(0)
    for (const { sheet } of longer) {
      const pages = (await pdfText((await renderTable(file, sheet.table.id, 'pdf')).bytes)).split('\f').map((p) => p.replace(/\s+/g, ' '))
      pages.slice(1, -1).forEach((page, i) => {
        expect(page, `${sheet.table.name}, Seite ${i + 2}`).toContain(sheet.table.name)
        expect(page, `${sheet.table.name}, Seite ${i + 2}`).toContain(SHEET_WORDS.continued)
      })
    }
  })

  it('leaves no page but the last more than two-thirds empty', () => {
    const height = CONTENT_BOTTOM - MARGIN.top
    const thin = sheets.flatMap(({ sheet, pages }) =>
      pages.bottoms.slice(0, -1).flatMap((bottom, i) => ((bottom - MARGIN.top) / height < 1 / 3 ? [`${sheet.table.name}, Seite ${i + 1}`] : [])),
    )
    expect(thin).toEqual([])
  })
})

describe('a station a table did not work on', () => {
  // "Rolle der Frau, häusliche Gewalt" wrote nothing at Station 1.
  const sheet = buildResultSheet(file, 'rolle-der-frau-haeusliche-gewalt')!
  const empty = sheet.stations.find((s) => s.columns.length === 0)!

  it('is in the sheet, with no columns', () => {
    expect(empty.id).toBe('station-1')
    expect(sheet.stations.map((s) => s.id)).toEqual(['station-1', 'station-2', 'station-3'])
  })

  it('says "Keine Ergebnisse an dieser Station." under its heading in PDF, DOCX and Markdown', async () => {
    const pdf = (await pdfText((await renderTable(file, sheet.table.id, 'pdf')).bytes)).replace(/\s+/g, ' ')
    expect(pdf).toContain(`${empty.heading} ${SHEET_WORDS.noStationResults}`)
    const structure = await readPdfStructure((await renderTable(file, sheet.table.id, 'pdf')).bytes)
    expect(readingProblems(structure.pages.map(readingOrder), expectedReadingOrder(sheet))).toEqual([])

    const body = xml(docxParts((await renderTable(file, sheet.table.id, 'docx')).bytes)['word/document.xml']!)
    const paragraphs = Array.from(body.getElementsByTagName('w:p')).map((p) => ({ style: p.getElementsByTagName('w:pStyle')[0]?.getAttribute('w:val'), text: paragraphText(p) }))
    const heading = paragraphs.findIndex((p) => p.style === 'Heading2' && p.text === empty.heading)
    expect(paragraphs[heading + 1]).toEqual({ style: DOCX_STYLE.note, text: SHEET_WORDS.noStationResults })

    const md = new TextDecoder().decode((await renderTable(file, sheet.table.id, 'md')).bytes).split('\n').filter(Boolean)
    const mdHeading = md.indexOf(`## ${escapeMarkdownLine(empty.heading)}`)
    expect(mdHeading).toBeGreaterThan(0)
    expect(md[mdHeading + 1]).toBe(escapeMarkdownText(SHEET_WORDS.noStationResults))
  })
})
