import { describe, expect, it } from 'vitest'
import type { ActorRecord, EventExport } from '@tischrunde/shared'
import { winnendenActorRecords, winnendenEvent } from '@tischrunde/fixtures'
import { renderEvent } from '../export-service.js'
import { CONTENT_BOTTOM, PdfLayout } from '../pdf-layout.js'
import { type StructNode, docxParts, pdfText, readPdfStructure } from '../read-back.js'
import { drawActorsPdf } from './actor-section-pdf.js'

/** The Winnenden event as exported with its actor map (built from the Station 3 cards as the seed builds it), a few columns filled in. */
function winnendenWithActors(): EventExport {
  const file = winnendenEvent()
  const actors = winnendenActorRecords(file).map((a) =>
    a.id === 'jobcenter' ? { ...a, coreGroup: true, cooperation: true, institution: 'Jobcenter Rems-Murr', notes: 'Arbeitsmarktzugang für Geflüchtete' } : a,
  )
  return { ...file, actors: { actors, rules: [], bodies: [{ id: 'body-0001', type: 'arbeitskreis', name: 'AK Asyl', members: 'Stadt, Diakonie', notes: 'trifft sich monatlich' }], areas: [] } }
}

/** Text compared without whitespace and hyphens: cells wrap and break words at syllables. */
const squash = (s: string) => s.replace(/[\s\u00ad\-‐]+/g, '')

describe('the documentation PDF of an event with an actor map', () => {
  const file = winnendenWithActors()
  const rendered = renderEvent(file, 'pdf')

  it('ends with the chapter "Wer kann helfen?": per area a table of the actors with their check marks', async () => {
    const text = squash(await pdfText((await rendered).bytes, 'raw'))
    // The contents name it first; then its heading, after the tables.
    const title = squash('Wer kann helfen? Akteure für ein lokales Bündnis')
    const listed = text.indexOf(title)
    const chapter = text.indexOf(title, listed + 1)
    expect(listed).toBeGreaterThan(0)
    expect(chapter).toBeGreaterThan(listed)
    const at = (needle: string) => text.indexOf(squash(needle), chapter)
    const areas = ['Migration und Integration', 'Arbeit und Wirtschaft', 'Soziales', 'Bildung'].map(at)
    expect(areas.every((a) => a > chapter)).toBe(true)
    expect([...areas].sort((a, b) => a - b)).toEqual(areas)
    // Jobcenter under "Arbeit und Wirtschaft", with the tables that named it, its institution, the ticks and the notes in its row.
    const jobcenter = at('Jobcenter Genannt von: Frauen, Kinderbetreuung, Sprache; Arbeitsmarktintegration')
    expect(jobcenter).toBeGreaterThan(areas[1]!)
    expect(jobcenter).toBeLessThan(areas[2]!)
    expect(text.slice(jobcenter)).toMatch(new RegExp(`^${squash('Jobcenter Genannt von: Frauen, Kinderbetreuung, Sprache; Arbeitsmarktintegration')}.{0,80}JobcenterRemsMurr☒☒☐ArbeitsmarktzugangfürGeflüchtete`))
    for (const name of ['Agentur für Arbeit', 'BAMF', 'Ehrenamt', 'Wohlfahrtsverbände', 'Schulen', 'Kitas', 'Migrantenorganisationen']) expect(at(name), name).toBeGreaterThan(chapter)
    // The measures a table named an actor for.
    expect(text.slice(at('Migrantenorganisationen'))).toContain(squash('Maßnahmen: Frauen, Kinderbetreuung, Sprache: 1, 2, 3, 4, 5, 6, 7'))
    // The existing bodies after the areas.
    expect(at('Vorhandene Gremien, Arbeitskreise und Kooperationsvereinbarungen')).toBeGreaterThan(areas[3]!)
    expect(text).toContain(squash('Arbeitskreis AK Asyl Stadt, Diakonie trifft sich monatlich'))
  })

  it('names an area "(Fortsetzung)" in the page header only on pages that go on with it, not on the page its heading opens', async () => {
    const pages = (await pdfText((await rendered).bytes)).split('\f')
    const parts = ['Migration und Integration', 'Arbeit und Wirtschaft', 'Soziales', 'Bildung', 'Vorhandene Gremien, Arbeitskreise und Kooperationsvereinbarungen']
    const continued = pages.flatMap((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean)
      const header = lines[0] ?? ''
      return parts.filter((part) => header.includes(`${part} (Fortsetzung)`) && lines.slice(1).includes(part)).map((part) => `page ${i + 1}: ${part}`)
    })
    expect(continued).toEqual([])
    // Each area's bookmark leads to the page its heading is on.
    const { bookmarkPages } = await readPdfStructure((await rendered).bytes)
    const misplaced = bookmarkPages.filter((b) => parts.includes(b.title) && !pages[b.page - 1]!.split('\n').map((l) => l.trim()).slice(1).includes(b.title))
    expect(misplaced).toEqual([])
    // ... and it does on a page that goes on with an area's table.
    expect(pages.some((page) => /Akteure für ein lokales Bündnis · \S.* \(Fortsetzung\)/.test(page.split('\n')[0] ?? ''))).toBe(true)
  })

  it('is tagged: a bookmark with the areas, headings, and real tables with header cells a screen reader reads row by row', async () => {
    const structure = await readPdfStructure((await rendered).bytes)
    const chapter = structure.outline.find((o) => o.title === 'Wer kann helfen? Akteure für ein lokales Bündnis')
    expect(chapter?.items.slice(0, 4)).toEqual(['Migration und Integration', 'Arbeit und Wirtschaft', 'Soziales', 'Bildung'])
    expect(chapter?.items.at(-1)).toBe('Vorhandene Gremien, Arbeitskreise und Kooperationsvereinbarungen')
    const tables: StructNode[] = []
    const headings: string[] = []
    const walk = (n: StructNode) => {
      if (n.role === 'Table') tables.push(n)
      if (/^H[12]$/.test(n.role)) headings.push(`${n.role}: ${squash(n.text)}`)
      n.children.forEach(walk)
    }
    structure.pages.forEach(walk)
    expect(headings).toContain(`H1: ${squash('Wer kann helfen? Akteure für ein lokales Bündnis')}`)
    expect(headings).toContain('H2: ArbeitundWirtschaft')
    const cellText = (n: StructNode): string => squash(n.text + n.children.map(cellText).join(''))
    const rows = tables.flatMap((t) => t.children.filter((r) => r.role === 'TR').map((r) => r.children.map((c) => `${c.role}:${cellText(c)}`)))
    expect(rows[0]).toEqual(['TH:Akteur', 'TH:InstitutionvorOrt/Ansprechperson', 'TH:Kooperationbesteht', 'TH:Kerngruppegeplant', 'TH:BündnisForum', 'TH:Notizen:möglicherBeitrag'])
    const jobcenter = rows.find((r) => r[0]!.startsWith('TD:Jobcenter'))
    expect(jobcenter?.slice(1)).toEqual(['TD:JobcenterRemsMurr', 'TD:☒', 'TD:☒', 'TD:☐', 'TD:ArbeitsmarktzugangfürGeflüchtete'])
  })

  it('leaves the contact persons out in every format of the documentation (it is passed around; the actor table’s own files are the facilitators’)', async () => {
    const person = 'Frau Beispiel, 07195 123456'
    const withPerson = { ...file, actors: { ...file.actors!, actors: file.actors!.actors.map((a) => (a.id === 'jobcenter' ? { ...a, person } : a)) } }
    const pdf = await pdfText((await renderEvent(withPerson, 'pdf')).bytes, 'raw')
    const docx = docxParts((await renderEvent(withPerson, 'docx')).bytes)['word/document.xml']!.replace(/<[^>]+>/g, '')
    const md = new TextDecoder().decode((await renderEvent(withPerson, 'md')).bytes)
    for (const [format, text] of [['pdf', squash(pdf)], ['docx', docx], ['md', md]] as const) {
      expect(text, format).toContain(format === 'pdf' ? 'JobcenterRemsMurr' : 'Jobcenter Rems-Murr')
      expect(text, format).not.toContain(format === 'pdf' ? squash(person) : 'Frau Beispiel')
    }
  })

  it('has no such chapter when the event has no actor map', async () => {
    const text = await pdfText((await renderEvent(winnendenEvent(), 'pdf')).bytes)
    expect(squash(text)).not.toContain(squash('Wer kann helfen? Akteure für ein lokales Bündnis'))
  })
})

describe('an actor row taller than a page', () => {
  it('goes on over the next pages without running into the bottom margin, every measure printed', async () => {
    const tables = Array.from({ length: 11 }, (_, i) => ({ id: `tisch-${i + 1}`, name: `Thementisch ${i + 1}: Integration durch Bildung, Arbeit, Wohnen und Teilhabe vor Ort` }))
    const actor: ActorRecord = {
      id: 'jobcenter', name: 'Jobcenter', area: 'arbeit', hidden: false, keys: ['jobcenter'], hand: {},
      institution: 'Jobcenter Rems-Murr', person: '', cooperation: true, coreGroup: false, forum: false, notes: 'Beitrag '.repeat(120).trim(),
      mentions: tables.map((t, i) => ({ tableId: t.id, cardId: `card-${i}`, text: 'Jobcenter', key: 'jobcenter', measures: Array.from({ length: 30 }, (_, n) => ({ n: n + 900, text: '' })) })),
    }
    const pdf = new PdfLayout({ title: 'Test', subject: 'Test' })
    drawActorsPdf(pdf, { event: { id: 'e', title: 'Test', date: '2026-11-30', place: '' }, actors: [actor], bodies: [], areaNames: new Map(), tableNames: new Map(tables.map((t) => [t.id, t.name])) })
    expect(pdf.pageIndex).toBeGreaterThanOrEqual(2)
    for (const bottom of pdf.pageBottoms) expect(bottom).toBeLessThanOrEqual(CONTENT_BOTTOM)
    const text = squash(await pdfText(await pdf.finish({ left: '', right: '', short: '', pageLabel: () => '', continued: () => [''] }), 'raw'))
    // The row's parts are drawn page by page, cell by cell: count what must be there.
    const count = (needle: string) => text.split(needle).length - 1
    for (const t of tables) expect(count(squash(`${t.name}:`)), t.name).toBe(1)
    for (let n = 900; n < 930; n++) expect(count(String(n)), String(n)).toBe(11)
    expect(count('Beitrag')).toBeGreaterThanOrEqual(120)
  })
})
