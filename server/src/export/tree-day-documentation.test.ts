import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bremenEvent } from '@tischrunde/fixtures'
import { buildEventDocumentation, slugify } from '@tischrunde/shared'
import { renderEvent, renderZip } from './export-service.js'
import { pdfText } from './read-back.js'

/** The Bremen tree day (seed 001) with one group's problem tree begun: small groups, no theme tables. */
function bremenWithATree() {
  const file = bremenEvent()
  const node = { id: 'kern-0001', kind: 'core' as const, parentId: null, order: 0, text: 'Kooperation bleibt punktuell' }
  return { ...file, trees: [{ groupId: slugify('kleiner Landkreis'), phase: 'problem' as const, nodes: [node] }] }
}

describe('the documentation of a tree day', () => {
  it('tells how the day worked in its groups, not "World Café an 0 Thementischen" or "0 Karten"', async () => {
    const file = bremenWithATree()
    expect(buildEventDocumentation(file).summary).toBe('1 Kleingruppe')
    expect(buildEventDocumentation(bremenEvent()).summary).toBe('4 Kleingruppen')
    // A group whose trees stayed empty has no chapter, and is not counted as one that worked.
    const withEmpty = { ...file, trees: [...file.trees, { groupId: slugify('großer Landkreis'), phase: 'problem' as const, nodes: [] }] }
    expect(buildEventDocumentation(withEmpty).summary).toBe('1 Kleingruppe')
    // Nor a section in the Markdown (PDF and DOCX leave it out too): every format shows the same groups.
    const withEmptyMarkdown = new TextDecoder().decode((await renderEvent(withEmpty, 'md')).bytes)
    expect(withEmptyMarkdown).toContain('### Gruppe: kleiner Landkreis')
    expect(withEmptyMarkdown).not.toContain('### Gruppe: großer Landkreis')
    // The groups no tree came of are named once, on the method's page (a walk read "in zwei Kleingruppen" of four and wondered).
    expect(withEmptyMarkdown).toContain('Zu „mittelgroßer Landkreis“, „großer Landkreis“ und „größere kreisfreie Stadt“ entstand kein Baum.')
    const markdown = new TextDecoder().decode((await renderEvent(file, 'md')).bytes)
    expect(markdown).toContain('Die Veranstaltung arbeitete mit Problem- und Lösungsbäumen in einer Kleingruppe (nach Kommunengröße).')
    expect(markdown).not.toMatch(/Thementisch|0 Karten/)
    // The programme's items as the day had them, without a marker on each.
    expect(markdown).toContain('Impulsvortrag „Externe Kooperation“')
    expect(markdown).not.toContain('(Zeit geplant)')
  })

  it('has no empty contents, and thanks the participants after the trees', async () => {
    const markdown = new TextDecoder().decode((await renderEvent(bremenWithATree(), 'md')).bytes)
    expect(markdown).toContain('Kernproblem: Kooperation bleibt punktuell')
    expect(markdown).not.toContain('## Inhalt')
    // Nor an empty contents page in the PDF.
    const pdf = await pdfText((await renderEvent(bremenWithATree(), 'pdf')).bytes)
    expect(pdf).toContain('Kernproblem: Kooperation bleibt punktuell')
    expect(pdf).not.toMatch(/^\s*Inhalt\s*$/m)
    expect(markdown.indexOf('## Problem- und Lösungsbäume')).toBeGreaterThan(0)
    expect(markdown.trimEnd().endsWith('Vielen Dank für Ihre Mitwirkung!')).toBe(true)
  })

  it('has its trees in the workbook: a sheet "Bäume" and one per group, no empty sheet of tables', async () => {
    const file = bremenWithATree()
    const cause = { id: 'urs-0001', kind: 'cause' as const, parentId: 'kern-0001', order: 0, text: '=Ansprechpersonen wechseln' }
    file.trees[0]!.nodes.push(cause)
    const out = await renderEvent(file, 'xlsx')
    expect(out.fileName).toMatch(/_Baeume\.xlsx$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(out.bytes) as unknown as ExcelJS.Buffer)
    expect(book.worksheets.map((w) => w.name)).toEqual(['Bäume', 'kleiner Landkreis'])
    const rows = (name: string) => {
      const got: unknown[][] = []
      book.getWorksheet(name)!.eachRow((row) => got.push((row.values as unknown[]).slice(1, 6)))
      return got
    }
    expect(rows('Bäume')).toEqual([
      ['Gruppe', 'Baum', 'Nummer', 'Art', 'Text'],
      ['kleiner Landkreis', 'Problembaum', 'Kernproblem 1', 'Kernproblem', 'Kooperation bleibt punktuell'],
      // A text that looks like a formula stays text.
      ['kleiner Landkreis', 'Problembaum', 'Ursache 1.1', 'Ursache', '=Ansprechpersonen wechseln'],
    ])
    expect(rows('kleiner Landkreis')).toEqual(rows('Bäume'))
  })

  it('has a ZIP guide that speaks of groups and trees, and the trees’ table once', async () => {
    const zip = unzipSync((await renderZip(bremenWithATree())).bytes)
    const names = Object.keys(zip)
    expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(1)
    expect(names.some((n) => n.startsWith('Baeume/') && n.endsWith('.svg'))).toBe(true)
    const readme = new TextDecoder().decode(zip['LIESMICH.txt'])
    expect(readme).not.toMatch(/Thementisch/)
    expect(readme).toContain('Ordner Baeume/')
    expect(readme).toContain('Bild des Baums als SVG')
    expect(readme).toContain('Spalten der Tabellen der Bäume')
    // Measures and helpers stand one per line in their cell (as the CSV and XLSX write them), not separated by semicolons.
    expect(readme).toContain('Maßnahmen            die Maßnahmen zu einem Mittel, eine je Zeile (Zeilenumbruch in der Zelle)')
    expect(readme).not.toContain('Semikolon getrennt')
    for (const name of names.filter((n) => n !== 'LIESMICH.txt')) expect(readme).toContain(name)
  })
})
