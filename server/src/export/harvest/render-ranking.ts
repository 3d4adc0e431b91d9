import { AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TabStopType, TextRun, type FileChild } from 'docx'
import { breakLongWords } from '../long-words.js'
import { type BlockTags, COLOR, CONTENT_WIDTH, PdfLayout } from '../pdf-layout.js'
import { headerFor } from '../render-pdf.js'
import { renderCsv } from '../render-csv.js'
import { RANKING_WORDS, type RankingEntry, type VoteRanking, neutraliseCell, voteRankingCsvRows, voteRankingToMarkdown } from '../shared-export.js'
import type { RankingFormat } from './ranking-formats.js'

const SIZE = { title: 18, subtitle: 11, section: 13, card: 10, meta: 8.5 } as const
const RANK_WIDTH = 64

const statusLine = (r: VoteRanking) => [r.scopeLabel, r.budgetLabel, RANKING_WORDS.voters(r.voters), r.status === 'frozen' ? RANKING_WORDS.frozen : RANKING_WORDS.open].join(' · ')
const entryMeta = (e: RankingEntry, withTable: boolean) => [RANKING_WORDS.votes(e.votes), e.tied ? RANKING_WORDS.tied : '', withTable ? `${RANKING_WORDS.table}: ${e.tableName}` : '', e.columnTitle].filter(Boolean).join(' · ')

/**
 * The ranking of a voting step as an A4 PDF: a page across the event (every card with dots), then a
 * page per table, each a numbered list by rank — equal dots share a rank and are marked "gleichauf".
 */
export async function renderRankingPdf(r: VoteRanking): Promise<Uint8Array> {
  const pdf = new PdfLayout({ title: `${RANKING_WORDS.title}: ${r.question}`, subject: r.event.title })
  // Tagged like the documentation's chapters: headings, the ranking as a list with the rank as its
  // label; what each page repeats (title, status) is read once, on the first page.
  const full = (text: string, font: 'regular' | 'bold', size: number, color: string, gapAfter: number, indent = 0, tags?: BlockTags) =>
    pdf.block(text, { font, size, color, indent, width: CONTENT_WIDTH - indent, gapAfter, ...(tags ? { tags } : {}) })
  const document = pdf.struct('Sect')
  const section = (heading: string, entries: RankingEntry[], withTable: boolean, empty: string, first: boolean): PDFKit.PDFStructureElement => {
    if (!first) pdf.newPage()
    pdf.flow(full(`${RANKING_WORDS.title}: ${r.question}`, 'bold', SIZE.title, COLOR.brand, 2, 0, first ? pdf.tag('H1', document) : undefined))
    pdf.flow(full(statusLine(r), 'regular', SIZE.subtitle, COLOR.muted, 8, 0, first ? pdf.tag('P', document) : undefined))
    pdf.rule()
    pdf.y += 10
    const part = pdf.struct('Sect', document)
    pdf.flow(full(heading, 'bold', SIZE.section, COLOR.brand, 8, 0, pdf.tag('H2', part)))
    if (entries.length === 0) pdf.flow(full(empty, 'regular', SIZE.card, COLOR.muted, 0, 0, pdf.tag('P', part)))
    const list = entries.length ? pdf.struct('L', part) : undefined
    for (const e of entries) {
      const item = pdf.struct('LI', list)
      const label = pdf.struct('Lbl', item)
      const body = pdf.struct('LBody', item)
      const text = pdf.block(e.text, { font: 'regular', size: SIZE.card, color: COLOR.ink, indent: RANK_WIDTH, width: CONTENT_WIDTH - RANK_WIDTH, gapAfter: 1.5, bullet: { glyph: `${e.rank}.`, indent: 0 }, tags: { body: { el: pdf.struct('P', body), type: 'P' }, label } })
      const subs = e.subPoints.map((s) => full(`– ${s}`, 'regular', SIZE.meta, COLOR.muted, 1, RANK_WIDTH + 10, pdf.tag('P', body)))
      const meta = full(entryMeta(e, withTable), 'regular', SIZE.meta, COLOR.muted, 7, RANK_WIDTH, pdf.tag('P', body))
      pdf.ensure([text, ...subs, meta].reduce((h, b) => h + b.height, 0))
      for (const b of [text, ...subs, meta]) pdf.flow(b)
    }
    return part
  }
  const overall = section(RANKING_WORDS.overall, r.overall, true, RANKING_WORDS.noVotes, true)
  if (r.unvotedTables.length > 0) pdf.flow(full(RANKING_WORDS.unvotedTables(r.unvotedTables), 'regular', SIZE.meta, COLOR.muted, 6, 0, pdf.tag('P', overall)))
  for (const t of r.tables) {
    const part = section(`${RANKING_WORDS.table}: ${t.name}`, t.entries, false, RANKING_WORDS.noCards, false)
    if (t.unvoted > 0) pdf.flow(full(RANKING_WORDS.unvoted(t.unvoted), 'regular', SIZE.meta, COLOR.muted, 6, 0, pdf.tag('P', part)))
    if (t.clusters.length) {
      pdf.y += 6
      pdf.flow(full(RANKING_WORDS.clusters, 'bold', SIZE.section, COLOR.brand, 6, 0, pdf.tag('H3', part)))
    }
    // Groups as units: a numbered heading with its dots, the group's cards under it.
    for (const c of t.clusters) {
      const heading = full(`${c.number}. ${c.title} – ${RANKING_WORDS.votes(c.votes)}`, 'bold', SIZE.card + 1, COLOR.ink, 4, 0, pdf.tag('H4', part))
      pdf.ensure(heading.height + 30)
      pdf.flow(heading)
      const list = c.entries.length ? pdf.struct('L', part) : undefined
      for (const e of c.entries) pdf.flow(full(`– ${e.text} (${RANKING_WORDS.votes(e.votes)})`, 'regular', SIZE.card, COLOR.ink, 2, 14, { body: { el: pdf.struct('LBody', pdf.struct('LI', list)), type: 'LBody' } }))
      pdf.y += 6
    }
  }
  return pdf.finish({ ...headerFor(r.event), pageLabel: RANKING_WORDS.page })
}

const DOCX_COLOR = { brand: '234E7A', muted: '5B6777', rule: 'C3CAD4' } as const
const runs = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
  breakLongWords(text).split('\n').map((line, i) => new TextRun({ text: line, ...opts, ...(i > 0 ? { break: 1 } : {}) }))

/** The same pages as a Word document: Heading 1 per page, one paragraph per ranked card ("1.⇥Text"). */
export async function renderRankingDocx(r: VoteRanking): Promise<Uint8Array> {
  const children: FileChild[] = []
  const section = (heading: string, entries: RankingEntry[], withTable: boolean, empty: string, first: boolean) => {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: !first, keepNext: true, children: runs(heading) }),
      new Paragraph({ keepNext: true, children: runs(`${RANKING_WORDS.title}: ${r.question}`, { bold: true }) }),
      new Paragraph({ spacing: { after: 200 }, children: runs(statusLine(r), { color: DOCX_COLOR.muted }) }),
    )
    if (entries.length === 0) children.push(new Paragraph({ children: runs(empty, { color: DOCX_COLOR.muted }) }))
    for (const e of entries) {
      children.push(
        new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 900 }], indent: { left: 900, hanging: 900 }, keepNext: true, children: [new TextRun({ text: `${e.rank}.`, bold: true }), new TextRun({ text: '\t' }), ...runs(e.text)] }),
        ...e.subPoints.map((s) => new Paragraph({ indent: { left: 1100 }, keepNext: true, children: runs(`– ${s}`, { color: DOCX_COLOR.muted }) })),
        new Paragraph({ indent: { left: 900 }, spacing: { after: 120 }, children: runs(entryMeta(e, withTable), { color: DOCX_COLOR.muted, size: 17 }) }),
      )
    }
  }
  section(RANKING_WORDS.overall, r.overall, true, RANKING_WORDS.noVotes, true)
  if (r.unvotedTables.length > 0) children.push(new Paragraph({ children: runs(RANKING_WORDS.unvotedTables(r.unvotedTables), { color: DOCX_COLOR.muted }) }))
  for (const t of r.tables) {
    section(`${RANKING_WORDS.table}: ${t.name}`, t.entries, false, RANKING_WORDS.noCards, false)
    if (t.unvoted > 0) children.push(new Paragraph({ children: runs(RANKING_WORDS.unvoted(t.unvoted), { color: DOCX_COLOR.muted }) }))
    if (t.clusters.length) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(RANKING_WORDS.clusters) }))
    for (const c of t.clusters) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, children: runs(`${c.number}. ${c.title} – ${RANKING_WORDS.votes(c.votes)}`) }))
      for (const e of c.entries) children.push(new Paragraph({ indent: { left: 400 }, children: runs(`– ${e.text} (${RANKING_WORDS.votes(e.votes)})`) }))
    }
  }
  const [before, middle] = RANKING_WORDS.page(1, 2).split(/\d+/)
  const doc = new Document({
    creator: 'Tischrunde',
    title: `${RANKING_WORDS.title}: ${r.question}`,
    description: r.event.title,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 20, language: { value: 'de-DE' } }, paragraph: { spacing: { after: 60 } } },
        heading1: { run: { font: 'Arial', size: 30, bold: true, color: DOCX_COLOR.brand }, paragraph: { spacing: { before: 0, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: DOCX_COLOR.rule, space: 4 } },
                children: [new TextRun({ text: [r.event.title, r.event.dateLabel, r.event.place].filter(Boolean).join(' · '), size: 16, color: DOCX_COLOR.muted })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, color: DOCX_COLOR.muted, children: [before ?? '', PageNumber.CURRENT, middle ?? ' / ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** The ranking in one format. */
export async function renderRanking(r: VoteRanking, format: RankingFormat): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return renderRankingPdf(r)
    case 'docx':
      return renderRankingDocx(r)
    case 'md':
      return new TextEncoder().encode(voteRankingToMarkdown(r))
    case 'csv':
      // The CSV writer takes rows of any width; ranking rows have seven cells.
      return renderCsv(voteRankingCsvRows(r).map((row) => row.map(neutraliseCell)) as unknown as Parameters<typeof renderCsv>[0])
  }
}
