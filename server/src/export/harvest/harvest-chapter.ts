import { HeadingLevel, Paragraph, TabStopType, TextRun, type FileChild } from 'docx'
import { type EventExport, HARVEST_CHAPTER_WORDS, type HarvestCardLine, type HarvestChapter, type HarvestRankLine, buildHarvestChapter, exportFileName, harvestRankLabel, neutraliseCell } from '@tischrunde/shared'
import { renderCsv } from '../render-csv.js'
import { breakLongWords } from '../long-words.js'
import { COLOR, CONTENT_WIDTH, type PdfLayout } from '../pdf-layout.js'

/**
 * The documentation's chapter "Sichtung der Ergebnisse" (after the tables' chapters): every voting
 * step's ranking, across the event and per table, then each table's groups of cards with their
 * numbers and dots. Nothing is added for an event without groups or votes.
 */

const RANK_INDENT = 78
const meta = (l: HarvestRankLine, withTable: boolean) => [l.votes ? HARVEST_CHAPTER_WORDS.votes(l.votes) : '', withTable ? l.tableName : '', l.where].filter(Boolean).join(' · ')
const cardLine = (c: HarvestCardLine) => `${c.text}${c.votes ? ` (${HARVEST_CHAPTER_WORDS.votes(c.votes)})` : ''}`
const groupHeading = (g: HarvestChapter['groups'][number]['columns'][number]['groups'][number]) => `${g.number}. ${g.title}${g.votes ? ` – ${HARVEST_CHAPTER_WORDS.votes(g.votes)}` : ''}`

/** Draws the chapter into the documentation's PDF, from a new page, with a bookmark. */
export function drawHarvestPdf(pdf: PdfLayout, file: EventExport): void {
  const chapter = buildHarvestChapter(file)
  if (!chapter) return
  pdf.newPage()
  pdf.startChapter(HARVEST_CHAPTER_WORDS.chapter)
  pdf.enter(HARVEST_CHAPTER_WORDS.chapter)
  const outline = pdf.doc.outline.addItem(HARVEST_CHAPTER_WORDS.chapter)
  const section = pdf.struct('Sect')
  const text = (t: string, tag: string, font: 'regular' | 'bold', size: number, color: string, gapAfter: number, indent = 0) =>
    pdf.block(t, { font, size, color, indent, width: CONTENT_WIDTH - indent, gapAfter, tags: pdf.tag(tag, section) })
  const heading = (t: string, tag: 'H1' | 'H2' | 'H3' | 'H4', size: number) => {
    const block = text(t, tag, 'bold', size, COLOR.brand, size * 0.5)
    pdf.ensure(block.height + 40)
    pdf.flow(block)
  }
  heading(HARVEST_CHAPTER_WORDS.chapter, 'H1', 20)
  pdf.flow(text(HARVEST_CHAPTER_WORDS.intro, 'P', 'regular', 10, COLOR.muted, 10))
  const ranking = (entries: HarvestRankLine[], withTable: boolean) => {
    if (entries.length === 0) pdf.flow(text(HARVEST_CHAPTER_WORDS.noVotes, 'P', 'regular', 10, COLOR.muted, 6))
    for (const e of entries) {
      const item = pdf.struct('LI', section)
      const body = pdf.block(e.text, { font: 'regular', size: 10, color: COLOR.ink, indent: RANK_INDENT, width: CONTENT_WIDTH - RANK_INDENT, gapAfter: 1, bullet: { glyph: harvestRankLabel(e), indent: 0 }, tags: { label: pdf.struct('Lbl', item), body: { el: pdf.struct('LBody', item), type: 'LBody' } } })
      const info = text(meta(e, withTable), 'P', 'regular', 8.5, COLOR.muted, 6, RANK_INDENT)
      pdf.ensure(body.height + info.height)
      pdf.flow(body)
      pdf.flow(info)
    }
    pdf.y += 6
  }
  for (const step of chapter.steps) {
    outline.addItem(HARVEST_CHAPTER_WORDS.votingOf(step.question))
    heading(HARVEST_CHAPTER_WORDS.votingOf(step.question), 'H2', 15)
    pdf.flow(text(step.status, 'P', 'regular', 9.5, COLOR.muted, 8))
    heading(step.overallTitle, 'H3', 12)
    ranking(step.overall, true)
    for (const t of step.tables) {
      heading(HARVEST_CHAPTER_WORDS.perTable(t.name), 'H3', 12)
      ranking(t.entries, false)
    }
  }
  if (chapter.groups.length > 0) {
    outline.addItem(HARVEST_CHAPTER_WORDS.groups)
    heading(HARVEST_CHAPTER_WORDS.groups, 'H2', 15)
    pdf.flow(text(HARVEST_CHAPTER_WORDS.groupsIntro, 'P', 'regular', 9.5, COLOR.muted, 8))
  }
  for (const table of chapter.groups) {
    heading(HARVEST_CHAPTER_WORDS.perTable(table.tableName), 'H3', 12)
    for (const column of table.columns) {
      heading(column.heading, 'H4', 10.5)
      for (const g of column.groups) {
        const head = text(groupHeading(g), 'P', 'bold', 10.5, COLOR.ink, 3)
        pdf.ensure(head.height + 30)
        pdf.flow(head)
        for (const c of g.cards) pdf.flow(text(`– ${cardLine(c)}`, 'P', 'regular', 10, COLOR.ink, 2, 14))
        pdf.y += 6
      }
    }
  }
}

const runs = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
  breakLongWords(text)
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...opts, ...(i > 0 ? { break: 1 } : {}) }))
const MUTED = COLOR.muted.slice(1)

/** The chapter as Word paragraphs (Heading 1 from a new page, like the other chapters). */
export function harvestDocx(file: EventExport): FileChild[] {
  const chapter = buildHarvestChapter(file)
  if (!chapter) return []
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(HARVEST_CHAPTER_WORDS.chapter) }),
    new Paragraph({ spacing: { after: 200 }, children: runs(HARVEST_CHAPTER_WORDS.intro, { color: MUTED }) }),
  ]
  const ranking = (entries: HarvestRankLine[], withTable: boolean) => {
    if (entries.length === 0) out.push(new Paragraph({ children: runs(HARVEST_CHAPTER_WORDS.noVotes, { color: MUTED }) }))
    for (const e of entries)
      out.push(
        new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 1300 }], indent: { left: 1300, hanging: 1300 }, keepNext: true, children: [new TextRun({ text: harvestRankLabel(e), bold: true }), new TextRun({ text: '\t' }), ...runs(e.text)] }),
        new Paragraph({ indent: { left: 1300 }, spacing: { after: 120 }, children: runs(meta(e, withTable), { color: MUTED, size: 17 }) }),
      )
  }
  for (const step of chapter.steps) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(HARVEST_CHAPTER_WORDS.votingOf(step.question)) }))
    out.push(new Paragraph({ spacing: { after: 160 }, children: runs(step.status, { color: MUTED }) }))
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(step.overallTitle) }))
    ranking(step.overall, true)
    for (const t of step.tables) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(HARVEST_CHAPTER_WORDS.perTable(t.name)) }))
      ranking(t.entries, false)
    }
  }
  if (chapter.groups.length > 0) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(HARVEST_CHAPTER_WORDS.groups) }))
    out.push(new Paragraph({ spacing: { after: 160 }, children: runs(HARVEST_CHAPTER_WORDS.groupsIntro, { color: MUTED }) }))
  }
  for (const table of chapter.groups) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(HARVEST_CHAPTER_WORDS.perTable(table.tableName)) }))
    for (const column of table.columns) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_4, keepNext: true, children: runs(column.heading) }))
      for (const g of column.groups) {
        out.push(new Paragraph({ keepNext: true, spacing: { before: 120 }, children: runs(groupHeading(g), { bold: true }) }))
        for (const c of g.cards) out.push(new Paragraph({ indent: { left: 400 }, children: runs(`– ${cardLine(c)}`) }))
      }
    }
  }
  return out
}

/** Columns of the ZIP's table of the "Sichtung": one row per card with dots, and per grouped card. */
export const HARVEST_CSV_HEADER = ['Teil', 'Abstimmung oder Gruppe', 'Thementisch', 'Station · Spalte', 'Nr.', 'Rang', 'Punkte', 'Text'] as const

/** The chapter's content as spreadsheet rows (rankings, then groups). */
export function harvestCsvRows(chapter: HarvestChapter): string[][] {
  const rows: string[][] = [[...HARVEST_CSV_HEADER]]
  for (const step of chapter.steps)
    for (const e of step.overall) rows.push(['Priorisierung', step.question, e.tableName, e.where, String(e.number), harvestRankLabel(e), String(e.votes ?? 0), e.text])
  for (const table of chapter.groups)
    for (const column of table.columns)
      for (const g of column.groups)
        for (const c of g.cards) rows.push([HARVEST_CHAPTER_WORDS.groups, `${g.number}. ${g.title}`, table.tableName, column.heading, String(c.number), '', c.votes === null ? '' : String(c.votes), c.text])
  return rows.map((row) => row.map(neutraliseCell))
}

/** The ZIP's file of the "Sichtung" (nothing without groups or votes). */
export function harvestZipEntries(file: EventExport): [string, Uint8Array][] {
  const chapter = buildHarvestChapter(file)
  if (!chapter) return []
  return [[exportFileName(file.event, 'Sichtung', 'csv'), renderCsv(harvestCsvRows(chapter) as unknown as Parameters<typeof renderCsv>[0])]]
}

/** What the ZIP's guide says about the table of the "Sichtung" (nothing when there is none). */
export function harvestReadmeLines(file: EventExport): string[] {
  if (!buildHarvestChapter(file)) return []
  return [
    `Sichtung der Ergebnisse (${exportFileName(file.event, 'Sichtung', 'csv')}):`,
    '  je Karte mit Punkten eine Zeile "Priorisierung" (Rang, Punkte) und je gruppierter Karte eine',
    '  Zeile "Gruppen" (Gruppe mit Nummer). "Nr." ist der Platz der Karte in ihrer Spalte (wie die',
    '  erste Zahl der "Gliederung" in den Tabellen). Wer abgestimmt hat, steht in keiner Datei.',
    '',
  ]
}
