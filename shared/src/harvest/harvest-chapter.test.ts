import { describe, expect, it } from 'vitest'
import { anEvent } from '../../../fixtures/src/builders.js'
import { type EventExport, eventExportSchema } from '../export/event-export.schema.js'
import { narrowExportToTable } from '../export/result-sheet.js'
import { buildHarvestChapter, harvestChapterToMarkdown } from './harvest-chapter.js'

const where = { tableId: 'tisch-1', stationId: 'station-3', columnId: 'naeherkommen' }
const MEASURES = ['Vorstellungsgespräche trainieren', 'Vorhandene Angebote aufgreifen', 'Infoveranstaltungen organisieren']
/** A café of two tables whose first table wrote three measures at Station 3 (no groups, no votes). */
function winnendenEvent(): EventExport {
  return {
    format: 'tischrunde.event',
    version: 1,
    event: anEvent({ tableCount: 2 }),
    boards: [{ tableId: 'tisch-1', stations: [{ stationId: 'station-3', columns: [{ columnId: 'naeherkommen', cards: MEASURES.map((text) => ({ text, subPoints: [] })) }] }] }],
  }
}
/** Winnenden after its "Sichtung": two groups on Station 3's measures and one vote with a tie. */
function harvested(): EventExport {
  const file = winnendenEvent()
  return {
    ...file,
    harvest: {
      groups: [{ ...where, groups: [{ title: 'Bewerbung', collapsed: false, cards: [2, 0] }, { title: 'Netzwerke', collapsed: true, cards: [1] }] }],
      votes: [
        {
          question: 'Welche Maßnahmen zuerst?',
          scope: { stationId: 'station-3', columnId: 'naeherkommen' },
          budget: 3,
          perCardMax: 1,
          status: 'frozen',
          openedAt: 1,
          frozenAt: 2,
          voters: 3,
          counts: [
            { ...where, card: 0, count: 2 },
            { ...where, card: 1, count: 3 },
            { ...where, card: 2, count: 2 },
          ],
        },
      ],
    },
  }
}
const cardText = (file: EventExport, index: number) => file.boards.find((b) => b.tableId === where.tableId)!.stations.find((s) => s.stationId === where.stationId)!.columns.find((c) => c.columnId === where.columnId)!.cards[index]!.text

describe('the documentation’s chapter on groups and votes', () => {
  it('ranks the voted cards with shared ranks for ties, naming each card’s table, column and number', () => {
    const file = harvested()
    const chapter = buildHarvestChapter(file)!
    expect(chapter.steps[0]!.overall.map((l) => [l.rank, l.tied, l.votes, l.number, l.text])).toEqual([
      [1, false, 3, 2, cardText(file, 1)],
      [2, true, 2, 1, cardText(file, 0)],
      [2, true, 2, 3, cardText(file, 2)],
    ])
    expect(chapter.steps[0]!.status).toContain('3 Personen haben abgestimmt')
    expect(chapter.steps[0]!.tables.map((t) => t.name)).toEqual(['Tisch 1'])
  })

  it('marks a card the moderation struck through in the ranking, as its table’s sheet does', () => {
    const file = harvested()
    file.boards[0]!.stations[0]!.columns[0]!.cards[1] = { ...file.boards[0]!.stations[0]!.columns[0]!.cards[1]!, struck: true }
    const chapter = buildHarvestChapter(file)!
    expect(chapter.steps[0]!.overall[0]!.text).toBe('Vorhandene Angebote aufgreifen (durchgestrichen)')
    expect(chapter.steps[0]!.overall[1]!.text).toBe('Vorstellungsgespräche trainieren')
    expect(harvestChapterToMarkdown(chapter)).toContain('Vorhandene Angebote aufgreifen (durchgestrichen)')
  })

  it('heads the ranking of a vote at one table with that table, without repeating it as the table’s own', () => {
    const file = harvested()
    file.harvest!.votes[0]!.scope = { ...file.harvest!.votes[0]!.scope, tableId: 'tisch-1' }
    const step = buildHarvestChapter(file)!.steps[0]!
    expect(step.overallTitle).toBe('Rangfolge am Thementisch: Tisch 1')
    expect(step.tables).toEqual([])
    const md = harvestChapterToMarkdown(buildHarvestChapter(file))
    expect(md).toContain('#### Rangfolge am Thementisch: Tisch 1')
    expect(md).not.toContain('Rangfolge über alle Thementische')
    expect(md.slice(0, md.indexOf('### Gruppen'))).not.toContain('#### Thementisch: Tisch 1')
    expect(buildHarvestChapter(harvested())!.steps[0]!.overallTitle).toBe('Rangfolge über alle Thementische')
  })

  it('numbers the groups in their order, lists their cards by number with dots, and sums the dots', () => {
    const chapter = buildHarvestChapter(harvested())!
    const [first, second] = chapter.groups[0]!.columns[0]!.groups
    expect(first).toMatchObject({ number: 1, title: 'Bewerbung', votes: 4 })
    expect(first!.cards.map((c) => [c.number, c.votes])).toEqual([[1, 2], [3, 2]])
    expect(second).toMatchObject({ number: 2, title: 'Netzwerke', votes: 3 })
  })

  it('leaves out a heading no card was put under, numbering the others on; headings alone and no vote make no chapter', () => {
    const file = harvested()
    file.harvest!.groups[0]!.groups.unshift({ title: 'Personal & Zeit', collapsed: false, cards: [] })
    const groups = buildHarvestChapter(file)!.groups[0]!.columns[0]!.groups
    expect(groups.map((g) => `${g.number}. ${g.title}`)).toEqual(['1. Bewerbung', '2. Netzwerke'])
    expect(harvestChapterToMarkdown(buildHarvestChapter(file))).not.toContain('Personal & Zeit')
    const onlyHeadings = { ...winnendenEvent(), harvest: { groups: [{ ...where, groups: [{ title: 'Personal & Zeit', collapsed: false, cards: [] }] }], votes: [] } }
    expect(buildHarvestChapter(onlyHeadings)).toBeNull()
  })

  it('adds nothing for an event without groups or votes', () => {
    expect(buildHarvestChapter(winnendenEvent())).toBeNull()
    expect(harvestChapterToMarkdown(null)).toBe('')
  })

  it('writes typed text as text in Markdown, not as markup', () => {
    const file = harvested()
    file.harvest!.groups[0]!.groups[0]!.title = '# <b>Gruppe</b> *eins*'
    const md = harvestChapterToMarkdown(buildHarvestChapter(file))
    expect(md).toContain('1. **\\# \\<b>Gruppe\\</b> \\*eins\\*** – 4 Punkte')
  })
})

describe('groups and votes in the event file', () => {
  it('accepts references to cards the boards have, and names the first one they do not', () => {
    expect(eventExportSchema.safeParse(harvested()).success).toBe(true)
    const bad = harvested()
    bad.harvest!.votes[0]!.counts[0]!.card = 500
    const parsed = eventExportSchema.safeParse(bad)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.path).toEqual(['harvest', 'votes', 0, 'counts', 0])
    const unknownScope = harvested()
    unknownScope.harvest!.votes[0]!.scope = { stationId: 'station-9' }
    expect(eventExportSchema.safeParse(unknownScope).error!.issues[0]!.path).toEqual(['harvest', 'votes', 0, 'scope', 'stationId'])
  })

  it('keeps a table’s own file valid: only its groups and dots go with it', () => {
    const narrowed = narrowExportToTable(harvested(), 'tisch-2')!
    expect(narrowed.harvest).toEqual({ groups: [], votes: [{ ...harvested().harvest!.votes[0]!, counts: [] }] })
    expect(eventExportSchema.safeParse(narrowed).success).toBe(true)
    expect(eventExportSchema.safeParse(narrowExportToTable(harvested(), where.tableId)).success).toBe(true)
  })
})
