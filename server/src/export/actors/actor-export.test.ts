import ExcelJS from 'exceljs'
import { unzipSync, strFromU8 } from 'fflate'
import { DOMParser } from '@xmldom/xmldom'
import { describe, expect, it } from 'vitest'
import type { ActorRecord } from '@tischrunde/shared'
import { winnendenActorRecords, winnendenEvent } from '@tischrunde/fixtures'
import { type ActorTableInput, actorsByArea } from './actor-table.js'
import { renderActorsCsv, renderActorsDocx, renderActorsXlsx } from './render-actors.js'

/** The Winnenden map as the seed builds it, with a few alliance columns filled in. */
function winnendenInput(): ActorTableInput {
  const file = winnendenEvent()
  const actors: ActorRecord[] = winnendenActorRecords(file).map((a) =>
    a.id === 'jobcenter' ? { ...a, coreGroup: true, cooperation: true, institution: 'Jobcenter Rems-Murr', notes: 'Arbeitsmarktzugang' } : a.id === 'presse' ? { ...a, notes: '=HYPERLINK("http://x","y")' } : a,
  )
  return {
    event: { id: file.event.id, title: file.event.title, date: file.event.date, place: file.event.place },
    actors,
    bodies: [{ id: 'body-0001', type: 'arbeitskreis', name: 'AK Asyl', members: 'Stadt, Diakonie', notes: '' }],
    areaNames: new Map(),
    tableNames: new Map(file.event.tables.map((t) => [t.id, t.name])),
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const textOf = (node: Element) => Array.from(node.getElementsByTagNameNS(W, 't')).map((t) => t.textContent ?? '').join('')

describe('the actor table for a local alliance', () => {
  // LibreOffice is not installed where these tests run: the DOCX is read back as Word XML instead.
  it('is a Word document of real tables per area with the check-mark and notes columns, ready to fill in', async () => {
    const file = await renderActorsDocx(winnendenInput())
    expect(file.fileName).toBe('Winnenden_2019-07-02_Akteure.docx')
    const xml = new DOMParser().parseFromString(strFromU8(unzipSync(file.bytes)['word/document.xml']!), 'text/xml')
    // The date as every other document of the day writes it, not as the file name does.
    expect(textOf(xml.documentElement)).toContain('2. Juli 2019')
    expect(textOf(xml.documentElement)).not.toContain('2019-07-02')
    const tables = Array.from(xml.getElementsByTagNameNS(W, 'tbl')) as unknown as Element[]
    // Four areas, "Sonstige", the unassigned actors and the table of bodies.
    expect(tables).toHaveLength(7)
    const header = (Array.from(tables[0]!.getElementsByTagNameNS(W, 'tc')) as unknown as Element[]).slice(0, 6).map(textOf)
    expect(header).toEqual(['Akteur', 'Institution vor Ort / Ansprechperson', 'Kooperation besteht', 'Kerngruppe geplant', 'Bündnis-Forum', 'Notizen: möglicher Beitrag'])
    const rows = (table: Element) => (Array.from(table.getElementsByTagNameNS(W, 'tr')) as unknown as Element[]).map((tr) => (Array.from(tr.getElementsByTagNameNS(W, 'tc')) as unknown as Element[]).map(textOf))
    const arbeit = rows(tables[1]!)
    const jobcenter = arbeit.find((r) => r[0]!.startsWith('Jobcenter'))!
    expect(jobcenter[0]).toBe('JobcenterGenannt von: Frauen, Kinderbetreuung, Sprache; Arbeitsmarktintegration')
    expect(jobcenter.slice(1)).toEqual(['Jobcenter Rems-Murr', '☒', '☒', '☐', 'Arbeitsmarktzugang'])
    // Two empty rows to write local actors in.
    expect(arbeit.slice(-2)).toEqual([['', '', '☐', '☐', '☐', ''], ['', '', '☐', '☐', '☐', '']])
    expect(rows(tables[6]!)[1]).toEqual(['Arbeitskreis', 'AK Asyl', 'Stadt, Diakonie', ''])
    // Long names carry Word's optional hyphens at their syllables ("Migranten-organisationen" in a narrow column), not breaks after any letter.
    const migrants = (Array.from(tables[0]!.getElementsByTagNameNS(W, 'p')) as unknown as Element[]).find((p) => textOf(p) === 'Migrantenorganisationen')!
    expect(migrants.getElementsByTagNameNS(W, 'softHyphen').length).toBeGreaterThan(0)
  })

  it('is a CSV with one row per actor, areas first, formulas neutralised', () => {
    const csv = new TextDecoder().decode(renderActorsCsv(winnendenInput()).bytes)
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Bereich;Akteur;Genannt als;Genannt von (Tische);Maßnahmen;Institution vor Ort;Ansprechperson;Kooperation besteht;Kerngruppe geplant;Bündnis-Forum;Notizen: möglicher Beitrag')
    expect(lines.find((l) => l.includes(';Migrantenorganisationen;'))).toContain('Frauen, Kinderbetreuung, Sprache: 1, 2, 3, 4, 5, 6, 7')
    expect(lines.find((l) => l.includes(';Presse;'))).toContain(`'=HYPERLINK`)
  })

  it('is an Excel workbook with text-typed cells and the bodies on their own sheet', async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await renderActorsXlsx(winnendenInput())).bytes.buffer as ArrayBuffer)
    const sheet = book.getWorksheet('Akteure')!
    const texts = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'richText' in v ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : v))
    expect(texts(1)).toContain('Kerngruppe geplant')
    const all = Array.from({ length: sheet.rowCount }, (_, i) => texts(i + 1))
    const presse = all.find((r) => r[1] === 'Presse')!
    expect(presse[10]).toBe('=HYPERLINK("http://x","y")')
    expect(sheet.getRow(2).getCell(1).numFmt).toBe('@')
    expect(all.find((r) => r[1] === 'Jobcenter')!.slice(7, 10)).toEqual(['x', 'x', ''])
    expect(book.getWorksheet('Gremien')!.rowCount).toBe(2)
  })

  it('keeps the local names the cards gave an actor beside its name ("Genannt als"), each once, in every format', async () => {
    const input = winnendenInput()
    const mention = (text: string, i: number) => ({ tableId: 'tisch-1', cardId: `card-walle-${i}`, text, key: 'vereine', measures: [] })
    const vereine: ActorRecord = {
      ...input.actors[0]!, id: 'vereine-vor-ort', name: 'Vereine vor Ort', area: 'soziales', hidden: false, keys: ['vereine'],
      mentions: ['Sportverein TuS Walle', 'Vereine vor Ort', 'sportverein tus walle', 'Kleingartenverein'].map(mention),
    }
    const withLocal = { ...input, actors: [...input.actors, vereine] }
    const row = actorsByArea(withLocal).flatMap((g) => g.rows).find((r) => r.name === 'Vereine vor Ort')!
    expect(row.namedAs).toBe('Sportverein TuS Walle; Kleingartenverein')
    const csv = new TextDecoder().decode(renderActorsCsv(withLocal).bytes)
    expect(csv.split('\r\n').find((l) => l.includes(';Vereine vor Ort;'))).toContain(';Vereine vor Ort;"Sportverein TuS Walle; Kleingartenverein";')
    const docx = strFromU8(unzipSync((await renderActorsDocx(withLocal)).bytes)['word/document.xml']!).replace(/<[^>]+>/g, '')
    expect(docx).toContain('Genannt als: Sportverein TuS Walle; Kleingartenverein')
  })
})
